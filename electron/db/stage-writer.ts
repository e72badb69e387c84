import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

// The worker is plain CommonJS run with `eval`: it needs no build entry of its own, so the CLI (tsx),
// the server and the bundled desktop app start it the same way. It opens the stage file (a private
// temporary SQLite file, never the workspace), inserts the rows it is sent in one transaction, and
// commits when told the stream ended. Any failure is posted back; the import then fails as a whole.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
let db;
try {
  const Database = require(workerData.sqlite);
  db = new Database(workerData.file);
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('locking_mode = EXCLUSIVE');
  db.pragma('cache_size = -16384');
  const width = workerData.width;
  const BATCH = 64;
  const tuple = '(' + new Array(width).fill('?').join(', ') + ')';
  const one = db.prepare('INSERT INTO staged VALUES ' + tuple);
  const many = db.prepare('INSERT INTO staged VALUES ' + new Array(BATCH).fill(tuple).join(', '));
  db.exec('BEGIN');
  let failed = false;
  parentPort.on('message', (rows) => {
    if (failed) return;
    try {
      if (rows === null) {
        db.exec('COMMIT');
        db.close();
        parentPort.postMessage({ done: true });
        return;
      }
      const n = rows.length / width;
      let i = 0;
      for (; i + BATCH <= n; i += BATCH) many.run(rows.slice(i * width, (i + BATCH) * width));
      for (; i < n; i++) one.run(rows.slice(i * width, (i + 1) * width));
    } catch (e) {
      failed = true;
      parentPort.postMessage({ error: String((e && e.message) || e) });
    }
  });
} catch (e) {
  parentPort.postMessage({ error: String((e && e.message) || e) });
}
`;

const sqlitePath = createRequire(import.meta.url).resolve('better-sqlite3');

/**
 * Writes rows into an import's stage table from a worker thread, so the rows are checked and
 * placed on one core while they are stored on the other. Rows are flat arrays of `width` values
 * (the stage table's columns in order), sent in batches; end() resolves once they are committed.
 */
export class StageWriter {
  private readonly worker: Worker;
  private failure: Error | null = null;
  private finished: Promise<void>;

  constructor(file: string, readonly width: number) {
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, width, sqlite: sqlitePath } });
    this.finished = new Promise<void>((resolve, reject) => {
      this.worker.on('message', (m: { done?: true; error?: string }) => {
        if (m.done) resolve();
        else if (m.error !== undefined) {
          this.failure = new Error(`Could not stage the import's records: ${m.error}`);
          reject(this.failure);
        }
      });
      this.worker.on('error', (e) => {
        this.failure = new Error(`Could not stage the import's records: ${e.message}`);
        reject(this.failure);
      });
      this.worker.on('exit', (code) => reject(this.failure ?? new Error(`The import's staging thread stopped (exit code ${code}).`)));
    });
    // A failure is reported by end(); until then it must not count as an unhandled rejection.
    this.finished.catch(() => {});
  }

  /** Queues rows (a flat array whose length is a multiple of width) for the stage. */
  write(rows: unknown[]): void {
    if (this.failure) throw this.failure;
    this.worker.postMessage(rows);
  }

  /** Commits what was written and stops the thread; rejects with what went wrong, if anything did. */
  async end(): Promise<void> {
    if (this.failure) throw this.failure;
    this.worker.postMessage(null);
    try {
      await this.finished;
    } finally {
      await this.worker.terminate();
    }
  }

  /** Stops the thread without committing; then runs cleanup (the stage file is closed by then). */
  abort(cleanup: () => void): void {
    // Unlinking an open file is fine on Linux and macOS; on Windows the retry after exit removes it.
    try {
      cleanup();
    } catch {
      /* removed again below */
    }
    void this.worker.terminate().then(cleanup, cleanup);
  }
}
