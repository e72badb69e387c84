import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { err, ok, type Result } from '../../../shared/contracts/result';
import { checkWorkbook, type WorkbookRefusal } from '../../../shared/domain/import/workbook-detect';

/** One sheet row as the CSV reader would yield it (cells as text), with its row number in the sheet. */
export type SheetRow = { cells: string[]; line: number };

/** A cell read with a caveat the import report should mention (kept as read). */
export type SheetNote = { line: number; address: string; reason: string };

/** The rows of one sheet, the sheets there are, and notes on cells read with a caveat. */
export type SheetRows = { sheet: string; sheets: string[]; rows: SheetRow[]; notes: SheetNote[] };

const pad2 = (n: number) => String(n).padStart(2, '0');

/** A date cell as an ISO date, with the time only when it has one (Excel stores wall-clock time, read as UTC). */
function isoDate(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  const day = `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
  const s = d.getUTCSeconds() + d.getUTCMilliseconds() / 1000;
  if (d.getUTCHours() === 0 && d.getUTCMinutes() === 0 && s === 0) return day;
  return `${day}T${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(Math.round(s))}`;
}

/**
 * A number cell as plain text the importer parses: Excel's 15 significant digits (no 0.30000000000000004),
 * and zero-padded codes kept when the cell's format pads them (a ZIP 02101 stored as 2101 with format 00000).
 */
function numberText(n: number, numFmt: string | undefined): string {
  if (!Number.isFinite(n)) return '';
  const text = String(Number(n.toPrecision(15)));
  const zeros = numFmt && /^0+$/.test(numFmt) ? numFmt.length : 0;
  return zeros && Number.isInteger(n) && n >= 0 ? text.padStart(zeros, '0') : text;
}

type Scalar = ExcelJS.CellValue;

/** The text of a cell value: typed values in canonical form, formulas by their saved result. */
function valueText(v: Scalar, numFmt: string | undefined, note: (reason: string) => void): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return numberText(v, numFmt);
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return isoDate(v);
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('hyperlink' in v) return typeof v.text === 'string' ? v.text : valueText(v.text as Scalar, numFmt, note);
  if ('error' in v) return v.error;
  if ('formula' in v || 'sharedFormula' in v) {
    if (v.result === undefined) {
      note('a formula without a saved result (the file was written without recalculating); read as empty. Open and save it in Excel to store the results');
      return '';
    }
    return valueText(v.result, numFmt, note);
  }
  return '';
}

/** Column letters of a 1-based column number (1 -> A, 28 -> AB). */
function columnName(c: number): string {
  let s = '';
  for (let n = c; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * Picks a worksheet: by exact name, else by 1-based number ("2"), else the first visible sheet.
 * An unknown name is refused with the sheets there are.
 */
function pickSheet(wb: ExcelJS.Workbook, wanted: string | undefined): Result<ExcelJS.Worksheet, WorkbookRefusal> {
  const sheets = wb.worksheets;
  if (sheets.length === 0) return err('unreadable-workbook', 'The workbook has no worksheets.');
  if (wanted === undefined || wanted === '') return ok(sheets.find((s) => s.state === 'visible') ?? sheets[0]!);
  const byName = sheets.find((s) => s.name === wanted) ?? sheets.find((s) => s.name.toLowerCase() === wanted.trim().toLowerCase());
  if (byName) return ok(byName);
  if (/^\d+$/.test(wanted.trim()) && Number(wanted) >= 1 && Number(wanted) <= sheets.length) return ok(sheets[Number(wanted) - 1]!);
  return err('unknown-sheet', `The workbook has no sheet "${wanted}"; its sheets are: ${sheets.map((s) => `"${s.name}"`).join(', ')} (or give a number from 1 to ${sheets.length}).`);
}

/**
 * The last sheet read, by the file's hash and the sheet asked for: the wizard and the CLI preview a
 * workbook and then import the same bytes, and parsing is most of a workbook import's time.
 */
let lastRead: { hash: string; asked: string | undefined; value: SheetRows } | null = null;

/** readSheetRows, reusing the rows of the previous call for the same bytes and sheet (asked for, or the one read). */
export async function readSheetRowsCached(bytes: Uint8Array, sheet?: string): Promise<Result<SheetRows, WorkbookRefusal>> {
  const hash = createHash('sha256').update(bytes).digest('hex');
  if (lastRead?.hash === hash && (lastRead.asked === sheet || lastRead.value.sheet === sheet)) return ok(lastRead.value);
  lastRead = null;
  const r = await readSheetRows(bytes, sheet);
  if (r.ok) lastRead = { hash, asked: sheet, value: r.value };
  return r;
}

/**
 * Reads one sheet of an .xlsx workbook into rows of text cells, as the CSV reader yields them:
 * numbers in plain notation, dates as ISO dates, formulas by their saved result, empty cells as "".
 * Every cell of a merged range reads the range's value (a region merged down a column belongs to each
 * row). Rows are padded to the sheet's width; an empty row is [""] like an empty CSV line, so the
 * importer skips it but row numbers stay the sheet's. Refuses .xls, .xlsb, .ods and encrypted files.
 */
export async function readSheetRows(bytes: Uint8Array, sheet?: string): Promise<Result<SheetRows, WorkbookRefusal>> {
  const checked = checkWorkbook(bytes);
  if (!checked.ok) return checked;
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch (e) {
    return err('unreadable-workbook', `The workbook could not be read (${(e as Error).message}); open it in Excel and save it as .xlsx or CSV again.`);
  }
  const picked = pickSheet(wb, sheet);
  if (!picked.ok) return picked;
  const ws = picked.value;
  const notes: SheetNote[] = [];
  const texts: { line: number; cells: string[] }[] = [];
  let width = 0;
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.findRow(r);
    if (!row) {
      texts.push({ line: r, cells: [] });
      continue;
    }
    const cells: string[] = [];
    // row.values is the row's values by column (1-based, sparse): much cheaper than a Cell per column.
    // A number's cell format is looked up only for numbers (zero-padded codes).
    const values = row.values as Scalar[];
    for (let c = 1; c < values.length; c++) {
      const v = values[c];
      if (v === undefined || v === null) continue;
      const numFmt = typeof v === 'number' ? row.getCell(c).numFmt : undefined;
      cells[c - 1] = valueText(v, numFmt, (reason) => notes.push({ line: r, address: `${columnName(c)}${r}`, reason: `cell ${columnName(c)}${r}: ${reason}` }));
    }
    let last = cells.length;
    while (last > 0 && (cells[last - 1] ?? '') === '') last--;
    cells.length = last;
    width = Math.max(width, last);
    texts.push({ line: r, cells });
  }
  while (texts.length > 0 && texts[texts.length - 1]!.cells.length === 0) texts.pop();
  const rows = texts.map(({ line, cells }) => ({ line, cells: cells.length === 0 ? [''] : Array.from({ length: width }, (_, i) => cells[i] ?? '') }));
  return ok({ sheet: ws.name, sheets: wb.worksheets.map((s) => s.name), rows, notes });
}
