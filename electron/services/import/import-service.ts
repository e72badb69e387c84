import { closeSync, openSync, readSync } from 'node:fs';
import iconv from 'iconv-lite';
import { err, type Result } from '../../../shared/contracts/result';
import { CsvReader } from '../../../shared/domain/import/csv-reader';
import { detectEncoding, looksBinary } from '../../../shared/domain/import/detect';
import { ImportRun, type ImportFailure } from '../../../shared/domain/import/import-run';
import { buildPreview, type PreviewFailure } from '../../../shared/domain/import/preview';
import type { ColumnMapping, ImportKind, ImportPreview, ImportSummary, ReadOptions } from '../../../shared/domain/import/types';
import type { Workspace } from '../workspace';
import { usGazetteer } from './gazetteer';
import { refreshAccountMeasures, sqliteRecordStore, workspaceLocator, workspaceRepResolver } from './record-store';

/** Bytes of the file start the preview reads. */
export const PREVIEW_BYTES = 64 * 1024;

/** What to import and how to read it (the preview's result, corrected by the user). */
export type ImportJob = { kind: ImportKind; read: ReadOptions; mapping: ColumnMapping };

/** Progress of a running import. */
export type ImportProgress = { bytes: number; rows: number };

/** Why an import did not complete. */
export type ImportError = ImportFailure | 'binary' | 'read-only' | 'cancelled' | 'unreadable';

/** Previews the start of a file: encoding from the bytes, then delimiter, header, sample and mapping. */
export function previewBytes(
  kind: ImportKind,
  head: Uint8Array,
  truncated: boolean,
  corrections: { delimiter?: ReadOptions['delimiter']; headerRow?: number; mapping?: ColumnMapping; encoding?: ReadOptions['encoding'] } = {},
): Result<ImportPreview, PreviewFailure> {
  const detected = detectEncoding(head);
  const encoding = corrections.encoding ?? detected.encoding;
  const text = iconv.decode(Buffer.from(head.buffer, head.byteOffset, head.byteLength), encoding, { stripBOM: true });
  return buildPreview({
    kind, text, encoding, hadBom: detected.bomLength > 0, truncated,
    delimiter: corrections.delimiter, headerRow: corrections.headerRow, mapping: corrections.mapping,
  });
}

/** Reads the first PREVIEW_BYTES of a file. */
export function readHead(path: string): { head: Uint8Array; truncated: boolean } {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(PREVIEW_BYTES);
    const n = readSync(fd, buf, 0, PREVIEW_BYTES, 0);
    return { head: buf.subarray(0, n), truncated: n === PREVIEW_BYTES };
  } finally {
    closeSync(fd);
  }
}

/**
 * Streams bytes through the decoder and the CSV reader into an ImportRun that writes to the workspace.
 * One transaction: a cancelled or failed import changes nothing. Memory stays bounded: rows are
 * processed as they arrive; only the set of ids seen so far grows with the file.
 */
export async function runImport(
  ws: Workspace,
  job: ImportJob,
  source: AsyncIterable<Uint8Array>,
  opts: { onProgress?: (p: ImportProgress) => void; signal?: AbortSignal } = {},
): Promise<Result<ImportSummary, ImportError>> {
  if (ws.readOnly) return err('read-only', `${ws.name} is open read-only; save a copy to import into it.`);
  const db = ws.db;
  const units = ws.units();
  const locator = job.kind === 'reps' || units.ids.length > 0 ? workspaceLocator(ws) : null;
  const run = new ImportRun({
    kind: job.kind,
    headerRow: job.read.headerRow,
    mapping: job.mapping,
    deps: { gazetteer: usGazetteer(), locator, resolveRep: job.kind === 'reps' ? null : workspaceRepResolver(ws) },
    store: sqliteRecordStore(db, job.kind, units.ids, (id) => locator?.indexOf(id) ?? -1),
  });
  const reader = new CsvReader(job.read.delimiter, (cells) => run.push(cells));
  const decoder = iconv.getDecoder(job.read.encoding, { stripBOM: true });
  const progress: ImportProgress = { bytes: 0, rows: 0 };
  let checkedBinary = false;
  db.exec('BEGIN');
  try {
    for await (const chunk of source) {
      if (opts.signal?.aborted) throw new Cancelled();
      const text = decoder.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
      if (!checkedBinary && text.length > 0) {
        checkedBinary = true;
        if (looksBinary(text)) {
          db.exec('ROLLBACK');
          return err('binary', 'This does not look like a text (CSV or TSV) file: it contains binary data.');
        }
      }
      reader.feed(text);
      progress.bytes += chunk.byteLength;
      progress.rows = run.summary.rows;
      opts.onProgress?.(progress);
      if (run.failed || reader.error) break;
    }
    if (opts.signal?.aborted) throw new Cancelled();
    reader.feed(decoder.end() ?? '');
    reader.end();
    const res = run.finish(false);
    if (!res.ok) {
      db.exec('ROLLBACK');
      return res;
    }
    if (reader.error) {
      // Rows before the over-long one are valid and kept; the report says where reading stopped.
      res.value.issues.push({ line: 0, column: null, code: 'bad-value', action: 'rejected', reason: `Reading stopped: ${reader.error}` });
    }
    if (job.kind === 'accounts') refreshAccountMeasures(db);
    db.exec('COMMIT');
    ws.invalidate();
    opts.onProgress?.({ bytes: progress.bytes, rows: res.value.rows });
    return res;
  } catch (e) {
    if (db.inTransaction) db.exec('ROLLBACK');
    if (e instanceof Cancelled) return err('cancelled', 'Import cancelled; nothing was changed.');
    if ((e as NodeJS.ErrnoException).code && (e as NodeJS.ErrnoException).syscall) return err('unreadable', `Cannot read the file: ${(e as Error).message}`);
    throw e;
  }
}

class Cancelled extends Error {}
