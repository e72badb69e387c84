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
  /** Clock time of the last call on this session (or progress of a file it reads). */
  touched: number;
  result: Promise<Result<ImportSummary, ImportErrorCode>>;
};

/** How long a session may sit without a call before it is dropped, unless configured. */
export const IMPORT_IDLE_MS = 10 * 60_000;

/** Options of the session table: the idle timeout and the clock (tests pass their own). */
export type ImportSessionOptions = { idleMs?: number; now?: () => number; sweepEveryMs?: number };

/**
 * Running imports by session id. Records are staged outside the workspace until 'import.finish',
 * so a session holds no lock on it and saves made meanwhile commit on their own. One import at a
 * time per process (two imports of the same records would race). A session without a call for
 * idleMs (a closed tab, a client that went away) is cancelled and its staged records deleted.
 */
export class ImportSessions {
  private sessions = new Map<string, Session>();
  private expired = new Map<string, string>();
  private readonly idleMs: number;
  private readonly now: () => number;
  private readonly timer: ReturnType<typeof setInterval>;

  constructor(opts: ImportSessionOptions = {}) {
    this.idleMs = opts.idleMs ?? IMPORT_IDLE_MS;
    this.now = opts.now ?? Date.now;
    this.timer = setInterval(() => void this.sweep(), opts.sweepEveryMs ?? Math.min(this.idleMs, 60_000));
    this.timer.unref?.();
  }

  /** Cancels sessions idle for longer than the timeout; resolves when their stages are deleted. */
  async sweep(): Promise<void> {
    const now = this.now();
    const stale = [...this.sessions].filter(([, s]) => now - s.touched > this.idleMs);
    await Promise.all(
      stale.map(async ([id, s]) => {
        this.sessions.delete(id);
        if (this.expired.size > 1000) this.expired.clear();
        const idle = `Import session ${id} was idle for more than ${Math.round(this.idleMs / 1000)} s and was dropped`;
        this.expired.set(id, s.status.state === 'running' ? `${idle}; nothing was imported. Start the import again.` : `${idle} after it ended (${s.status.state}).`);
        s.controller.abort();
        s.queue?.end();
        await s.result;
      }),
    );
  }

  /** Cancels every session (the app is closing or switching workspaces) and stops the idle timer. */
  async close(): Promise<void> {
    clearInterval(this.timer);
    await Promise.all([...this.sessions.keys()].map((id) => this.cancel(id)));
  }

  begin(ws: Workspace, job: ImportJob, path?: string, totalBytes?: number): Result<ImportStatus, ImportErrorCode> {
    void this.sweep();
    if ([...this.sessions.values()].some((s) => s.status.state === 'running')) return err('busy', 'Another import is running; wait for it or cancel it.');
    if (path !== undefined && (!existsSync(path) || !statSync(path).isFile())) return err('not-found', `No file at ${path}.`);
    const sessionId = randomUUID();
    const status: ImportStatus = { sessionId, state: 'running', bytes: 0, totalBytes: path ? statSync(path).size : (totalBytes ?? null), rows: 0 };
    const queue = path ? null : new ChunkQueue();
    const controller = new AbortController();
    const source = path ? createReadStream(path, { highWaterMark: 1 << 20 }) : queue!;
    const session: Session = { status, queue, controller, nextSeq: 0, touched: this.now(), result: Promise.resolve(err('cancelled', '')) };
    session.result = runImport(ws, job, source, {
      signal: controller.signal,
      onProgress: (p) => {
        Object.assign(status, { bytes: p.bytes, rows: p.rows });
        if (!queue) session.touched = this.now();
      },
    }).then((r) => {
      status.state = r.ok ? 'done' : r.error.code === 'cancelled' ? 'cancelled' : 'failed';
      return r;
    });
    this.sessions.set(sessionId, session);
    return ok({ ...status });
  }

  private get(id: string): Result<Session, 'not-found' | 'expired'> {
    const s = this.sessions.get(id);
    if (s) {
      s.touched = this.now();
      return ok(s);
    }
    const gone = this.expired.get(id);
    return gone ? err('expired', gone) : err('not-found', `No import session ${id} (finished, cancelled or never begun).`);
  }

  async chunk(id: string, seq: number, data: Uint8Array): Promise<Result<ImportStatus, ImportErrorCode>> {
    await this.sweep();
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
    await this.sweep();
    const s = this.get(id);
    if (!s.ok) return s;
    s.value.queue?.end();
    const r = await s.value.result;
    this.sessions.delete(id);
    return r;
  }

  status(id: string): Result<ImportStatus, ImportErrorCode> {
    void this.sweep();
    const s = this.get(id);
    return s.ok ? ok({ ...s.value.status }) : s;
  }

  async cancel(id: string): Promise<Result<ImportStatus, ImportErrorCode>> {
    const s = this.get(id);
    if (!s.ok) return s;
    this.sessions.delete(id);
    s.value.controller.abort();
    s.value.queue?.end();
    await s.value.result;
    return ok({ ...s.value.status, state: 'cancelled' });
  }
}
