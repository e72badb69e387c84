import { describe, expect, it } from 'vitest';
import { withRecent, type RecentWorkspace } from '../../../renderer/state/recent-workspaces';

const w = (name: string, path: string | null, openedAt: string): RecentWorkspace => ({ name, path, openedAt });

describe('withRecent', () => {
  it('puts the workspace first, drops its older entry and keeps at most max', () => {
    const list = [w('a', '/x/a.tessera', '2026-01-02'), w('b', '/x/b.tessera', '2026-01-01'), w('c', '/x/c.tessera', '2025-12-31')];
    expect(withRecent(list, w('b', '/x/b.tessera', '2026-01-03'), 3).map((e) => e.name)).toEqual(['b', 'a', 'c']);
    expect(withRecent(list, w('d', '/x/d.tessera', '2026-01-03'), 3).map((e) => e.name)).toEqual(['d', 'a', 'b']);
  });

  it('tells files with the same name in different folders apart', () => {
    const list = [w('plan.tessera', '/one/plan.tessera', '2026-01-01')];
    expect(withRecent(list, w('plan.tessera', '/two/plan.tessera', '2026-01-02')).map((e) => e.path)).toEqual(['/two/plan.tessera', '/one/plan.tessera']);
  });
});
