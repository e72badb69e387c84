import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import iconv from 'iconv-lite';
import { err, ok, type Result } from '../../../shared/contracts/result';
import { CsvReader } from '../../../shared/domain/import/csv-reader';
import { StaleImportError, stageImport } from '../../db/import-repo';
import { detectEncoding, looksBinary } from '../../../shared/domain/import/detect';
import { ImportRun, type ImportFailure } from '../../../shared/domain/import/import-run';
import { buildPreview, previewRows, type PreviewFailure } from '../../../shared/domain/import/preview';
import { fileMagic, MAX_WORKBOOK_BYTES, type WorkbookRefusal } from '../../../shared/domain/import/workbook-detect';
import type { ColumnMapping, ImportIssue, ImportKind, ImportPreview, ImportSummary, ReadOptions } from '../../../shared/domain/import/types';
import type { Workspace } from '../workspace';
import { usGazetteer } from './gazetteer';
import { workspaceLocator, workspaceRepResolver } from './record-store';
import { ImportTextDecoder } from './text-decoder';
import { readSheetRowsCached } from './workbook-reader';

/** Bytes of the file start the preview reads. */
export const PREVIEW_BYTES = 64 * 1024;

/** What to import and how to read it (the preview's result, corrected by the user). */
export type ImportJob = {
  kind: ImportKind;
  read: ReadOptions;
  mapping: ColumnMapping;
  /** No id column: derive each record's id from its name and address (shared/domain/import/generated-ids.ts). */
  generateIds?: boolean;
};

/** Progress of a running import. */
export type ImportProgress = { bytes: number; rows: number };

/** Why an import did not complete. */
export type ImportError = ImportFailure | WorkbookRefusal | 'binary' | 'read-only' | 'cancelled' | 'unreadable' | 'malformed' | 'conflict';

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

/** Rows of a table (CSV, or a sheet of a workbook) going into an import: push them in order, then finish. */
export type ImportSink = {
  /** One row's cells as text and the 1-based line (or sheet row) it starts on. */
  push: (cells: readonly string[], line?: number) => void;
  /** The failure that stopped reading (a bad header or mapping), if any: no need to push more rows. */
  readonly failed: boolean;
  /** Rows pushed so far. */
  readonly rows: number;
  /** Applies every staged record to the workspace in one short transaction and returns the summary. */
  finish: (extraIssues?: ImportIssue[]) => Promise<Result<ImportSummary, ImportError>>;
  /** Drops everything staged; the workspace is not touched. */
  discard: () => void;
  /** Shows the pipeline the text the next rows are read from (see ImportRun.watchText). */
  watchText: (text: string) => void;
  /** Runs fn (pushing one chunk's rows, synchronously) with the workspace lookups in one read snapshot. */
  batch: <T>(fn: () => T) => T;
};

/**
 * The row pipeline every import format feeds: mapping, checks and placement (ImportRun) into records
 * staged outside the workspace (stageImport). Nothing is written to the workspace before finish(),
 * which writes all of it or nothing; discard() (cancel, failure, abandoned session) leaves it as it was.
 */
export function openImport(ws: Workspace, job: ImportJob): Result<ImportSink, ImportError> {
  if (ws.readOnly) return err('read-only', `${ws.name} is open read-only; save a copy to import into it.`);
  const started = Date.now();
  const units = ws.units();
  const locator = job.kind === 'reps' || units.ids.length > 0 ? workspaceLocator(ws) : null;
  const stage = stageImport(ws.db, job.kind, units.ids, (id) => locator?.indexOf(id) ?? -1);
  const run = new ImportRun({
    kind: job.kind,
    headerRow: job.read.headerRow,
    mapping: job.mapping,
    generateIds: job.generateIds === true,
    deps: { gazetteer: usGazetteer(), locator, resolveRep: job.kind === 'reps' ? null : workspaceRepResolver(ws) },
    store: stage,
  });
  let open = true;
  let discarded = false;
  const discard = () => {
    open = false;
    discarded = true;
    stage.discard();
  };
  return ok({
    push: (cells, line) => run.push(cells, line),
    watchText: (text) => run.watchText(text),
    get failed() {
      return run.failed !== null;
    },
    get rows() {
      return run.summary.rows;
    },
    discard,
    batch: (fn) => stage.batch(fn),
    finish: async (extraIssues = []) => {
      if (!open) return err('cancelled', 'This import was already finished or cancelled.');
      const res = run.finish(false);
      if (!res.ok) {
        discard();
        return res;
      }
      const s = res.value;
      for (const i of extraIssues) s.issues.splice(sortedIndex(s.issues, i.line), 0, i);
      open = false;
      try {
        await stage.written();
        if (!ws.db.open) {
          stage.discard();
          return err('cancelled', 'The workspace was closed during the import; nothing was imported.');
        }
        stage.apply();
      } catch (e) {
        if (e instanceof StaleImportError) return err('conflict', e.message);
        if (discarded) return err('cancelled', 'Import cancelled; nothing was changed.');
        throw e;
      }
      ws.invalidate();
      s.seconds = (Date.now() - started) / 1000;
      return ok(s);
    },
  });
}

function sortedIndex(issues: readonly ImportIssue[], line: number): number {
  let i = issues.length;
  while (i > 0 && issues[i - 1]!.line > line) i--;
  return i;
}

/**
 * Streams bytes through the decoder and the CSV reader into the row pipeline. The workspace is
 * written only at the end, in one short transaction: a cancelled or failed import changes nothing,
 * and other saves made meanwhile commit on their own. Memory stays bounded: rows are processed as
 * they arrive and staged in a temporary file; only the set of ids seen so far grows with the file.
 * A file that cannot be read whole (an unclosed quote, a row past the limits) is refused: every row
 * is either imported or reported, never dropped after a success.
 */
export async function runImport(
  ws: Workspace,
  job: ImportJob,
  source: AsyncIterable<Uint8Array>,
  opts: { onProgress?: (p: ImportProgress) => void; signal?: AbortSignal } = {},
): Promise<Result<ImportSummary, ImportError>> {
  const opened = openImport(ws, job);
  if (!opened.ok) return opened;
  const sink = opened.value;
  const reader = new CsvReader(job.read.delimiter, (cells, line) => sink.push(cells, line));
  const decoder = new ImportTextDecoder(job.read.encoding);
  const progress: ImportProgress = { bytes: 0, rows: 0 };
  let checkedBinary = false;
  // A workbook (ZIP/OLE magic in the first bytes) is collected whole and read by sheet instead of as text.
  let workbook: Uint8Array[] | null = null;
  let done = false;
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
      const text = decoder.write(chunk);
      if (!checkedBinary && text.length > 0) {
        checkedBinary = true;
        if (looksBinary(text)) return err('binary', 'This does not look like a text (CSV or TSV) file: it contains binary data.');
      }
      sink.watchText(text);
      sink.batch(() => reader.feed(text));
      progress.bytes += chunk.byteLength;
      progress.rows = sink.rows;
      opts.onProgress?.(progress);
      if (sink.failed || reader.error) break;
    }
    if (opts.signal?.aborted) throw new Cancelled();
    const extra: ImportIssue[] = [];
    if (workbook) {
      const sheet = await readSheetRowsCached(Buffer.concat(workbook), job.read.sheet);
      if (!sheet.ok) return sheet;
      sink.batch(() => {
        for (const r of sheet.value.rows) sink.push(r.cells, r.line);
      });
      for (const n of sheet.value.notes) extra.push({ line: n.line, column: null, code: 'bad-value', action: 'kept', reason: n.reason });
    } else {
      if (!sink.failed && !reader.error) {
        const last = decoder.end();
        if (!checkedBinary && last.length > 0 && looksBinary(last)) return err('binary', 'This does not look like a text (CSV or TSV) file: it contains binary data.');
        sink.watchText(last);
        sink.batch(() => {
          reader.feed(last);
          reader.end();
        });
      }
      if (reader.error && !sink.failed) return err('malformed', `Nothing was imported: ${reader.error}.`);
      const fb = decoder.fallback;
      if (fb) {
        extra.push({
          line: fb.line, column: null, code: 'encoding', action: 'repaired',
          reason: fb.mixed
            ? `the file mixes encodings: from here on, bytes that are not UTF-8 were read as Windows-1252 ("${fb.text}"); check these rows`
            : `the file is not UTF-8 past its first lines: read as Windows-1252 from here on ("${fb.text}")`,
        });
      }
    }
    const res = await sink.finish(extra);
    done = true;
    if (res.ok) opts.onProgress?.({ bytes: progress.bytes, rows: res.value.rows });
    return res;
  } catch (e) {
    if (e instanceof Cancelled) return err('cancelled', 'Import cancelled; nothing was changed.');
    if ((e as NodeJS.ErrnoException).code && (e as NodeJS.ErrnoException).syscall) return err('unreadable', `Cannot read the file: ${(e as Error).message}`);
    throw e;
  } finally {
    if (!done) sink.discard();
  }
}

class Cancelled extends Error {}
