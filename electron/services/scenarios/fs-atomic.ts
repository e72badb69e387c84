import { closeSync, fsyncSync, openSync, renameSync } from 'node:fs';
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
