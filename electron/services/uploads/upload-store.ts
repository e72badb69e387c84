import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { UploadErrorCode, UploadStatus } from '../../../shared/contracts/api/upload-api';
import { err, ok, type Result } from '../../../shared/contracts/result';

type Upload = { status: UploadStatus; path: string; fd: number | null; nextSeq: number };

/** Limits of the upload store. */
export type UploadLimits = { maxBytes: number; maxRunning: number };

const DEFAULT_LIMITS: UploadLimits = { maxBytes: 2 * 1024 ** 3, maxRunning: 8 };

/** A file name safe to use as the last part of a path, keeping what the user recognises. */
export function safeFileName(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? '';
  const clean = base.replace(/[^\w.\- ()]+/g, '_').replace(/^\.+/, '_').slice(0, 120);
  return clean || 'upload';
}

/**
 * Files uploaded by a client, kept in a folder private to this process (mkdtemp, mode 0700) and
 * referred to by random ids, so no call needs a path on this machine. Deleted on close.
 */
export class UploadStore {
  private dir: string | null = null;
  private readonly uploads = new Map<string, Upload>();

  constructor(private readonly limits: UploadLimits = DEFAULT_LIMITS) {}

  /** Starts an upload of totalBytes bytes. */
  begin(fileName: string, totalBytes: number): Result<UploadStatus, UploadErrorCode> {
    if (totalBytes > this.limits.maxBytes) return err('too-large', `${fileName} has ${totalBytes} bytes; uploads are limited to ${this.limits.maxBytes} bytes.`);
    const running = [...this.uploads.values()].filter((u) => !u.status.complete).length;
    if (running >= this.limits.maxRunning) return err('busy', `${running} uploads are still running; finish or reload before starting another.`);
    this.dir ??= mkdtempSync(join(tmpdir(), 'tessera-uploads-'));
    const uploadId = randomBytes(16).toString('hex');
    const folder = join(this.dir, uploadId);
    mkdirSync(folder, { mode: 0o700 });
    const path = join(folder, safeFileName(fileName));
    const fd = openSync(path, 'wx', 0o600);
    const status: UploadStatus = { uploadId, fileName: safeFileName(fileName), bytes: 0, totalBytes, complete: totalBytes === 0 };
    if (status.complete) closeSync(fd);
    this.uploads.set(uploadId, { status, path, fd: status.complete ? null : fd, nextSeq: 0 });
    return ok({ ...status });
  }

  /** Appends chunk seq (0, 1, 2, … in order) of an upload. */
  chunk(uploadId: string, seq: number, data: Buffer): Result<UploadStatus, UploadErrorCode> {
    const u = this.uploads.get(uploadId);
    if (!u) return err('not-found', `No upload ${uploadId}; start one with upload.begin.`);
    if (u.status.complete || u.fd === null) return err('out-of-order', `Upload ${uploadId} (${u.status.fileName}) is already complete.`);
    if (seq !== u.nextSeq) return err('out-of-order', `Upload ${uploadId} expected chunk ${u.nextSeq}, got ${seq}; send chunks in order.`);
    if (u.status.bytes + data.length > u.status.totalBytes) {
      this.discard(uploadId);
      return err('too-large', `Upload of ${u.status.fileName} got more than the announced ${u.status.totalBytes} bytes; it was discarded.`);
    }
    writeSync(u.fd, data);
    u.nextSeq++;
    u.status.bytes += data.length;
    if (u.status.bytes === u.status.totalBytes) {
      closeSync(u.fd);
      u.fd = null;
      u.status.complete = true;
    }
    return ok({ ...u.status });
  }

  /** The file of a complete upload and the name it was uploaded under. */
  file(uploadId: string): Result<{ path: string; fileName: string }, 'not-found'> {
    const u = this.uploads.get(uploadId);
    if (!u) return err('not-found', `No upload ${uploadId}; upload the file first (upload.begin, upload.chunk).`);
    if (!u.status.complete) return err('not-found', `Upload ${uploadId} (${u.status.fileName}) has ${u.status.bytes} of ${u.status.totalBytes} bytes; send the rest first.`);
    return ok({ path: u.path, fileName: u.status.fileName });
  }

  private discard(uploadId: string): void {
    const u = this.uploads.get(uploadId);
    if (!u) return;
    if (u.fd !== null) closeSync(u.fd);
    rmSync(join(u.path, '..'), { recursive: true, force: true });
    this.uploads.delete(uploadId);
  }

  /** Deletes every upload and the folder. */
  close(): void {
    for (const id of [...this.uploads.keys()]) this.discard(id);
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
    this.dir = null;
  }
}
