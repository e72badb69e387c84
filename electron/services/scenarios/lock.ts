import { readFileSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { WorkspaceFileError } from '../../db/connection';

/** What a lock file next to a workspace records about the instance holding it. */
export type LockInfo = { app: 'tessera'; pid: number; hostname: string; startedAt: string; lockedAt: string };

/** A held workspace lock; release() is idempotent. */
export type WorkspaceLock = { path: string; release: () => void };

const PROCESS_STARTED = new Date(Date.now() - process.uptime() * 1000).toISOString();
// Locks this process holds, by lock path, with a count: one process may open a workspace twice
// (tests, a reopen after Save As); only another process is a conflict.
const held = new Map<string, number>();

/** Path of the lock file of a workspace. */
export function lockPathOf(workspacePath: string): string {
  return `${workspacePath}.lock`;
}

/** True when a process with this pid exists on this machine. */
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Reads a lock file; null when it is missing or unreadable (a half-written lock counts as stale). */
export function readLock(lockPath: string): LockInfo | null {
  try {
    const info = JSON.parse(readFileSync(lockPath, 'utf8')) as Partial<LockInfo>;
    if (info.app !== 'tessera' || typeof info.pid !== 'number' || typeof info.hostname !== 'string') return null;
    return info as LockInfo;
  } catch {
    return null;
  }
}

/**
 * Why a lock is stale, or null when it is live. Only a lock from this machine can be proven stale (its
 * pid is gone, or it is our own pid left by an earlier process); a lock from another host is live.
 */
export function staleReason(info: LockInfo | null): string | null {
  if (!info) return 'unreadable lock file';
  if (info.hostname !== hostname()) return null;
  if (info.pid === process.pid) return 'left by an earlier process with this pid';
  return pidAlive(info.pid) ? null : `process ${info.pid} is gone`;
}

/**
 * The one path every name of a file locks under: symlinks are resolved (realpath), and a file with
 * more than one hard link is refused for writing, since its other names would take other lock files.
 */
export function lockTargetOf(workspacePath: string): string {
  let real: string;
  try {
    real = realpathSync(workspacePath);
  } catch {
    return workspacePath; // missing: openWorkspace reports it
  }
  const links = statSync(real).nlink;
  if (links > 1 && statSync(real).isFile()) {
    throw new WorkspaceFileError(
      'locked',
      `${workspacePath} has ${links} hard links (other names for the same file), so Tessera cannot tell whether another instance has it open. Open it read-only, or copy it and open the copy.`,
    );
  }
  return real;
}

/**
 * Takes the lock of a workspace (O_EXCL create of <real file>.lock), breaking a provably stale one.
 * Throws WorkspaceFileError 'locked' naming the holder when another live instance has it open.
 */
export function acquireWorkspaceLock(workspacePath: string): WorkspaceLock {
  const lockPath = lockPathOf(lockTargetOf(workspacePath));
  const release = (): void => {
    const n = held.get(lockPath) ?? 0;
    if (n > 1) held.set(lockPath, n - 1);
    else if (n === 1) {
      held.delete(lockPath);
      if (readLock(lockPath)?.pid === process.pid) rmSync(lockPath, { force: true });
    }
  };
  const once = (): WorkspaceLock => {
    let done = false;
    return { path: lockPath, release: () => (done ? undefined : ((done = true), release())) };
  };
  if (held.has(lockPath)) {
    held.set(lockPath, held.get(lockPath)! + 1);
    return once();
  }
  const info: LockInfo = { app: 'tessera', pid: process.pid, hostname: hostname(), startedAt: PROCESS_STARTED, lockedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lockPath, JSON.stringify(info), { flag: 'wx' });
      held.set(lockPath, 1);
      return once();
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST') {
        throw new WorkspaceFileError('io', `Cannot create the lock file ${lockPath} (${code}); open the workspace read-only instead.`);
      }
      const holder = readLock(lockPath);
      if (staleReason(holder) === null) {
        const who = holder ? `process ${holder.pid} on ${holder.hostname}, since ${holder.lockedAt}` : 'another instance';
        throw new WorkspaceFileError(
          'locked',
          `${workspacePath} is open in another Tessera instance (${who}). Open it read-only, or close the other instance first.`,
        );
      }
      rmSync(lockPath, { force: true });
    }
  }
  throw new WorkspaceFileError('locked', `${workspacePath} is being opened by another Tessera instance right now; try again.`);
}
