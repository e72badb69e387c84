import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import iconv from 'iconv-lite';
import { err, type Result } from '../../../shared/contracts/result';
import { CsvReader } from '../../../shared/domain/import/csv-reader';
import { detectEncoding, looksBinary } from '../../../shared/domain/import/detect';
import { ImportRun, type ImportFailure } from '../../../shared/domain/import/import-run';
import { buildPreview, previewRows, type PreviewFailure } from '../../../shared/domain/import/preview';
import { fileMagic, MAX_WORKBOOK_BYTES, type WorkbookRefusal } from '../../../shared/domain/import/workbook-detect';
import type { ColumnMapping, ImportKind, ImportPreview, ImportSummary, ReadOptions } from '../../../shared/domain/import/types';
import type { Workspace } from '../workspace';
import { usGazetteer } from './gazetteer';
import { refreshAccountMeasures, sqliteRecordStore, workspaceLocator, workspaceRepResolver } from './record-store';
import { readSheetRowsCached } from './workbook-reader';

/** Bytes of the file start the preview reads. */
export const PREVIEW_BYTES = 64 * 1024;

/** What to import and how to read it (the preview's result, corrected by the user). */
export type ImportJob = { kind: ImportKind; read: ReadOptions; mapping: ColumnMapping };

/** Progress of a running import. */
export type ImportProgress = { bytes: number; rows: number };

/** Why an import did not complete. */
export type ImportError = ImportFailure | WorkbookRefusal | 'binary' | 'read-only' | 'cancelled' | 'unreadable';

/** What the preview may be told: corrections of what it detected, and a workbook's sheet. */
export type PreviewCorrections = { delimiter?: ReadOptions['delimiter']; headerRow?: number; mapping?: ColumnMapping; encoding?: ReadOptions['encoding']; sheet?: string };

/**
 * Previews a file from its bytes: a workbook (ZIP/OLE magic; bytes must be the whole file) by its
 * sheet's rows, anything else as text from its first bytes.
 */
export async function previewFile(kind: ImportKind, bytes: Uint8Array, truncated: boolean, corrections: PreviewCorrections = {}): Promise<Result<ImportPreview, PreviewFailure | WorkbookRefusal>> {
  if (fileMagic(bytes) === 'text') return previewBytes(kind, bytes.subarray(0, PREVIEW_BYTES), truncated || bytes.length > PREVIEW_BYTES, corrections);
  if (truncated) return err('too-large', `The workbook is larger than ${MAX_WORKBOOK_BYTES / 1048576} MB (workbooks are read whole); save the sheet as CSV.`);
  const sheet = await readSheetRowsCached(bytes, corrections.sheet);
  if (!sheet.ok) return sheet;
  const { rows, sheets } = sheet.value;
  const head = rows.slice(0, 200);
  return previewRows(kind, head.map((r) => r.cells), { encoding: 'utf-8', delimiter: ',', sheet: sheet.value.sheet }, {
    hadBom: false, truncated: false, sheets, headerRow: corrections.headerRow, mapping: corrections.mapping, lines: head.map((r) => r.line),
  });
}

/** Previews the start of a file: encoding from the bytes, then delimiter, header, sample and mapping. */
export function previewBytes(
  kind: ImportKind,
  head: Uint8Array,
  truncated: boolean,
  corrections: PreviewCorrections = {},
): Result<ImportPreview, PreviewFailure> {
  const detected = detectEncoding(head);
  const encoding = corrections.encoding ?? detected.encoding;
  const text = iconv.decode(Buffer.from(head.buffer, head.byteOffset, head.byteLength), encoding, { stripBOM: true });
  return buildPreview({
    kind, text, encoding, hadBom: detected.bomLength > 0, truncated,
    delimiter: corrections.delimiter, headerRow: corrections.headerRow, mapping: corrections.mapping,
  });
}

/** Reads what the preview needs: the first PREVIEW_BYTES of a text file, a whole workbook (up to its limit). */
export function readHead(path: string): { head: Uint8Array; truncated: boolean } {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(PREVIEW_BYTES);
    const n = readSync(fd, buf, 0, PREVIEW_BYTES, 0);
    const size = fstatSync(fd).size;
    if (fileMagic(buf.subarray(0, n)) !== 'text' && size > n && size <= MAX_WORKBOOK_BYTES) {
      const whole = Buffer.alloc(size);
      const got = readSync(fd, whole, 0, size, 0);
      return { head: whole.subarray(0, got), truncated: false };
    }
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
  // A workbook (ZIP/OLE magic in the first bytes) is collected whole and read by sheet instead of as text.
  let workbook: Uint8Array[] | null = null;
  db.exec('BEGIN');
  try {
    for await (const chunk of source) {
      if (opts.signal?.aborted) throw new Cancelled();
      if (progress.bytes === 0 && fileMagic(chunk) !== 'text') workbook = [];
      if (workbook) {
        workbook.push(chunk);
        progress.bytes += chunk.byteLength;
        opts.onProgress?.(progress);
        if (progress.bytes > MAX_WORKBOOK_BYTES) break;
        continue;
      }
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
    const sheet = workbook ? await readSheetRowsCached(Buffer.concat(workbook), job.read.sheet) : null;
    if (sheet && !sheet.ok) {
      db.exec('ROLLBACK');
      return sheet;
    }
    for (const r of sheet?.value.rows ?? []) run.push(r.cells, r.line);
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
    for (const n of sheet?.value.notes ?? []) {
      if (res.value.issues.length < 1000) res.value.issues.push({ line: n.line, column: null, code: 'bad-value', action: 'kept', reason: n.reason });
      else res.value.issuesOmitted++;
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
