import { closeSync, fsyncSync, lstatSync, openSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';

/** Flushes a file (or directory) to disk; directories may refuse fsync on some platforms. */
export function fsyncPath(path: string): void {
  let fd: number | null = null;
  try {
    fd = openSync(path, 'r');
    fsyncSync(fd);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'EISDIR' && code !== 'EINVAL' && code !== 'EPERM') throw e;
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

/**
 * Moves a finished temp file to its final name durably: fsync the file, rename (atomic on one file
 * system), fsync the folder. A crash at any point leaves either the old file or the complete new one.
 */
export function commitFile(tmp: string, final: string): void {
  fsyncPath(tmp);
  renameSync(tmp, final);
  fsyncPath(dirname(final));
}

/**
 * Creates a temp file exclusively (O_CREAT | O_EXCL, which never follows a symlink) and returns its fd.
 * A leftover regular file from a killed run is replaced; anything else under the name (a planted
 * symlink, a folder) is refused, so the write can never land outside the temp file.
 */
export function createTempExclusive(tmp: string): number {
  let st;
  try {
    st = lstatSync(tmp);
  } catch {
    st = null;
  }
  if (st && !st.isFile()) {
    throw Object.assign(new Error(`${tmp} exists and is ${st.isSymbolicLink() ? 'a symbolic link' : 'not a regular file'}; remove it and try again`), { code: 'EEXIST', syscall: 'open' });
  }
  if (st) rmSync(tmp);
  return openSync(tmp, 'wx', 0o644);
}
