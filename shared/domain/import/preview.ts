import { err, ok, type Result } from '../../contracts/result';
import { parseCsvText } from './csv-reader';
import { detectDelimiter, detectHeaderRow, looksBinary } from './detect';
import { IMPORT_FIELDS } from './fields';
import { MAX_COLUMNS } from './import-run';
import { autoMap } from './presets';
import type { ColumnMapping, ImportKind, ImportPreview, ReadOptions, TextEncoding } from './types';

/** The decoded start of a file and what is already known about it. */
export type PreviewInput = {
  kind: ImportKind;
  /** Decoded text of the first bytes of the file (BOM removed). */
  text: string;
  encoding: TextEncoding;
  hadBom: boolean;
  /** True when text is only the start of the file (its last line may be cut). */
  truncated: boolean;
  /** User corrections from the wizard; detected values fill the rest. */
  delimiter?: ReadOptions['delimiter'];
  headerRow?: number;
  mapping?: ColumnMapping;
  sampleRows?: number;
};

/** Why a file cannot be previewed. */
export type PreviewFailure = 'empty' | 'binary' | 'too-many-columns';

/** Detects delimiter and header row, reads sample rows and proposes a mapping. */
export function buildPreview(input: PreviewInput): Result<ImportPreview, PreviewFailure> {
  const text = input.text;
  if (text.trim() === '') return err('empty', 'The file is empty.');
  if (looksBinary(text)) return err('binary', 'This does not look like a text (CSV or TSV) file: it contains binary data.');
  const firstLines = text.slice(0, 65536);
  const delimiter = input.delimiter ?? detectDelimiter(firstLines);
  let rows = parseCsvText(firstLines, delimiter, 200);
  if (input.truncated && rows.length > 1) rows = rows.slice(0, -1);
  return previewRows(input.kind, rows, { encoding: input.encoding, delimiter }, input);
}

/**
 * The preview of parsed rows (from a text file or a workbook sheet): header row (detected unless
 * given), sample rows and the proposed mapping. Empty rows are skipped, as the import skips them.
 */
export function previewRows(
  kind: ImportKind,
  parsed: string[][],
  read: Omit<ReadOptions, 'headerRow'>,
  o: { hadBom: boolean; truncated: boolean; headerRow?: number; mapping?: ColumnMapping; sampleRows?: number; sheets?: string[]; lines?: number[] },
): Result<ImportPreview, PreviewFailure> {
  const empty = (r: string[]) => r.length === 1 && r[0]!.trim() === '';
  const rows = parsed.filter((r) => !empty(r));
  // A workbook's rows carry their sheet row numbers: the header's is shown next to its index among non-empty rows.
  const lines = o.lines?.filter((_, i) => !empty(parsed[i]!));
  if (rows.length === 0) return err('empty', 'The file has no rows.');
  const headerRow = Math.min(o.headerRow ?? detectHeaderRow(rows), rows.length - 1);
  const columns = rows[headerRow]!;
  if (columns.length > MAX_COLUMNS) {
    // A header cut at the end of the sample only gives a lower bound.
    const cut = o.truncated && rows.length === headerRow + 1;
    return err('too-many-columns', `The header row has ${cut ? 'more than ' : ''}${columns.length} columns (at most ${MAX_COLUMNS}): this is not a table of records, or the delimiter is wrong.`);
  }
  const auto = autoMap(kind, columns);
  const mapping = o.mapping ?? auto.mapping;
  const mappedColumns = new Set(Object.values(mapping));
  return ok({
    read: { ...read, headerRow },
    hadBom: o.hadBom,
    columns,
    sample: rows.slice(headerRow + 1, headerRow + 1 + (o.sampleRows ?? 20)),
    fields: IMPORT_FIELDS[kind],
    mapping,
    detectedPreset: auto.preset,
    unmapped: columns.filter((c) => !mappedColumns.has(c)),
    ...(o.sheets ? { sheets: o.sheets } : {}),
    ...(lines?.[headerRow] !== undefined ? { headerLine: lines[headerRow] } : {}),
  });
}
