import { createReadStream, existsSync, statSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import type { ImportErrorCode, ImportStatus } from '../../../shared/contracts/api/import-api';
import { err, ok, type Result } from '../../../shared/contracts/result';
import type { ImportSummary } from '../../../shared/domain/import/types';
import type { Workspace } from '../workspace';
import { runImport, type ImportJob } from './import-service';

/** Chunks handed over by the renderer; each push resolves when the importer has taken the chunk. */
class ChunkQueue implements AsyncIterable<Uint8Array> {
  private items: { data: Uint8Array; taken: () => void }[] = [];
  private ended = false;
  private wake: (() => void) | null = null;

  push(data: Uint8Array): Promise<void> {
    return new Promise((taken) => {
      this.items.push({ data, taken });
      this.wake?.();
    });
  }

  end(): void {
    this.ended = true;
    this.wake?.();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<Uint8Array> {
    for (;;) {
      const item = this.items.shift();
      if (item) {
        yield item.data;
        // Resolved only after the importer processed the chunk: the next 'import.chunk' waits for it.
        item.taken();
        continue;
      }
      if (this.ended) return;
      await new Promise<void>((r) => (this.wake = r));
      this.wake = null;
    }
  }
}

type Session = {
  status: ImportStatus;
  queue: ChunkQueue | null;
  controller: AbortController;
  nextSeq: number;
  result: Promise<Result<ImportSummary, ImportErrorCode>>;
};

/**
 * Running imports by session id. One at a time per process: an import holds the workspace's write
 * transaction until it finishes, so a second one would wait on (or interleave with) the first.
 */
export class ImportSessions {
  private sessions = new Map<string, Session>();

  begin(ws: Workspace, job: ImportJob, path?: string, totalBytes?: number): Result<ImportStatus, ImportErrorCode> {
    if ([...this.sessions.values()].some((s) => s.status.state === 'running')) return err('busy', 'Another import is running; wait for it or cancel it.');
    if (path !== undefined && (!existsSync(path) || !statSync(path).isFile())) return err('not-found', `No file at ${path}.`);
    const sessionId = randomUUID();
    const status: ImportStatus = { sessionId, state: 'running', bytes: 0, totalBytes: path ? statSync(path).size : (totalBytes ?? null), rows: 0 };
    const queue = path ? null : new ChunkQueue();
    const controller = new AbortController();
    const source = path ? createReadStream(path, { highWaterMark: 1 << 20 }) : queue!;
    const result = runImport(ws, job, source, {
      signal: controller.signal,
      onProgress: (p) => Object.assign(status, { bytes: p.bytes, rows: p.rows }),
    }).then((r) => {
      status.state = r.ok ? 'done' : r.error.code === 'cancelled' ? 'cancelled' : 'failed';
      return r;
    });
    this.sessions.set(sessionId, { status, queue, controller, nextSeq: 0, result });
    return ok({ ...status });
  }

  private get(id: string): Result<Session, 'not-found'> {
    const s = this.sessions.get(id);
    return s ? ok(s) : err('not-found', `No import session ${id} (finished, cancelled or never begun).`);
  }

  async chunk(id: string, seq: number, data: Uint8Array): Promise<Result<ImportStatus, ImportErrorCode>> {
    const s = this.get(id);
    if (!s.ok) return s;
    const { queue, status } = s.value;
    if (!queue) return err('out-of-order', 'This session reads its file by path; it takes no chunks.');
    if (status.state !== 'running') return err('cancelled', `The import is ${status.state}; no more chunks are taken.`);
    if (seq !== s.value.nextSeq) return err('out-of-order', `Expected chunk ${s.value.nextSeq}, got chunk ${seq}.`);
    s.value.nextSeq++;
    // Wait until the chunk is processed, or the run ended (failure, cancel) and will take no more.
    await Promise.race([queue.push(data), s.value.result]);
    return ok({ ...status });
  }

  async finish(id: string): Promise<Result<ImportSummary, ImportErrorCode>> {
    const s = this.get(id);
    if (!s.ok) return s;
    s.value.queue?.end();
    const r = await s.value.result;
    this.sessions.delete(id);
    return r;
  }

  status(id: string): Result<ImportStatus, ImportErrorCode> {
    const s = this.get(id);
    return s.ok ? ok({ ...s.value.status }) : s;
  }

  async cancel(id: string): Promise<Result<ImportStatus, ImportErrorCode>> {
    const s = this.get(id);
    if (!s.ok) return s;
    s.value.controller.abort();
    s.value.queue?.end();
    await s.value.result;
    this.sessions.delete(id);
    return ok({ ...s.value.status, state: 'cancelled' });
  }
}
