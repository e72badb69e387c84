import type { WorkspaceInfo } from '../../shared/contracts/app-api';

/** A workspace the user worked in: its file path (desktop) or null, and its name (browser mode opens by name). */
export type RecentWorkspace = { name: string; path: string | null; openedAt: string };

const KEY = 'tessera.recentWorkspaces';
const MAX = 8;

/** The list with entry first, without an older entry for the same file, at most max long. */
export function withRecent(list: readonly RecentWorkspace[], entry: RecentWorkspace, max = MAX): RecentWorkspace[] {
  const key = (w: RecentWorkspace) => w.path ?? `name:${w.name}`;
  return [entry, ...list.filter((w) => key(w) !== key(entry))].slice(0, max);
}

/** Recent workspaces of this user (kept in this browser profile / the desktop app's storage), newest first. */
export function readRecent(): RecentWorkspace[] {
  try {
    const raw = JSON.parse(localStorage.getItem(KEY) ?? '[]') as unknown;
    if (!Array.isArray(raw)) return [];
    return raw.filter((w): w is RecentWorkspace => typeof w === 'object' && w !== null && typeof (w as RecentWorkspace).name === 'string' && typeof (w as RecentWorkspace).openedAt === 'string');
  } catch {
    return [];
  }
}

/**
 * Records a workspace the user can open again and write to: a client share file, a read-only file
 * and the in-memory demo (no file) are not recorded.
 */
export function rememberWorkspace(ws: Pick<WorkspaceInfo, 'name' | 'path' | 'readOnly' | 'share'>, now = new Date()): RecentWorkspace[] {
  const list = readRecent();
  if (ws.readOnly || ws.share || ws.path === null) return list;
  const next = withRecent(list, { name: ws.name, path: ws.path, openedAt: now.toISOString() });
  try {
    localStorage.setItem(KEY, JSON.stringify(next));
  } catch {
    // Storage full or disabled: the list just is not remembered, nothing else depends on it.
  }
  return next;
}
