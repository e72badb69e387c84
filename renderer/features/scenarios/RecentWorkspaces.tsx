import { useMemo } from 'react';
import { api, canUsePaths } from '../../api/client';
import { useDatasetStore } from '../../state/dataset-store';
import { readRecent } from '../../state/recent-workspaces';
import { switchWorkspace } from './scenarios-actions';

/** Workspaces this user opened lately (newest first), one click to reopen; the open one is left out. */
export function RecentWorkspaces() {
  const workspace = useDatasetStore((s) => s.workspace);
  // Re-read whenever the open workspace changes (loading one records it).
  const recent = useMemo(() => readRecent().filter((w) => w.path !== workspace?.path || w.name !== workspace?.name), [workspace]);
  if (recent.length === 0) return null;
  return (
    <>
      <h4>Recent workspaces</h4>
      <ul className="scn-history" data-testid="recent-workspaces">
        {recent.map((w) => (
          <li key={w.path ?? w.name} data-workspace={w.name}>
            <button className="link" title={canUsePaths && w.path ? w.path : undefined} onClick={() => void switchWorkspace(() => api['workspace.open'](canUsePaths && w.path ? { path: w.path } : { name: w.name }))}>{w.name}</button>{' '}
            <span className="muted">opened {w.openedAt.slice(0, 16).replace('T', ' ')} UTC</span>
          </li>
        ))}
      </ul>
    </>
  );
}
