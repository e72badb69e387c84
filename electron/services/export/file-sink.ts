import { closeSync, existsSync, lstatSync, rmSync, statSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import { err, ok, type Result } from '../../../shared/contracts/result';
import { commitFile, createTempExclusive } from '../scenarios/fs-atomic';

/** Buffered text output to a temp file, moved to its name only when complete. */
export type TextSink = { write: (text: string) => void };

/**
 * Writes a file through a sink: refuses an existing file unless overwrite, writes next to it under a
 * temp name in ~1 MB blocks (a 1M-row export never sits in memory whole), then renames atomically.
 */
export function writeTextFile(outPath: string, overwrite: boolean | undefined, body: (sink: TextSink) => void): Result<{ path: string; bytes: number }, 'exists' | 'io'> {
  return writeFileAtomically(outPath, overwrite, (fd) => {
    let buf: string[] = [];
    let size = 0;
    const flush = () => {
      if (buf.length) writeSync(fd, buf.join(''));
      buf = [];
      size = 0;
    };
    body({
      write: (t) => {
        buf.push(t);
        size += t.length;
        if (size > 1 << 20) flush();
      },
    });
    flush();
  });
}

/** Writes bytes (a workbook) the same way: refused over an existing file unless overwrite, renamed into place when complete. */
export function writeBytesFile(outPath: string, overwrite: boolean | undefined, bytes: Uint8Array): Result<{ path: string; bytes: number }, 'exists' | 'io'> {
  return writeFileAtomically(outPath, overwrite, (fd) => {
    for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at);
  });
}

function writeFileAtomically(outPath: string, overwrite: boolean | undefined, body: (fd: number) => void): Result<{ path: string; bytes: number }, 'exists' | 'io'> {
  const path = resolve(outPath);
  if (existsSync(path) && !overwrite) return err('exists', `${path} already exists; pass --force to overwrite it.`);
  const tmp = `${path}.writing`;
  let fd: number | null = null;
  try {
    fd = createTempExclusive(tmp);
    body(fd);
    closeSync(fd);
    fd = null;
    commitFile(tmp, path);
    return ok({ path, bytes: statSync(path).size });
  } catch (e) {
    if (fd !== null) closeSync(fd);
    // Remove our own temp file only: never a symlink or folder someone else put under its name.
    if (fd !== null || lstatSync(tmp, { throwIfNoEntry: false })?.isFile()) rmSync(tmp, { force: true });
    if ((e as NodeJS.ErrnoException).syscall) return err('io', `Cannot write ${path}: ${(e as Error).message}`);
    throw e;
  }
}
