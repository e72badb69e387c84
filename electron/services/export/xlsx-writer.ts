import ExcelJS from 'exceljs';
import { neutralizeFormula } from '../../../shared/domain/export/csv';
import { XLSX_NUMBER_FORMATS, type ExportTable, type TableCell } from '../../../shared/domain/export/table';

/** MIME type of .xlsx files. */
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A valid, unique worksheet name: at most 31 characters, none of \ / ? * [ ] : */
function sheetName(name: string, taken: Set<string>): string {
  const base = name.replace(/[\\/?*[\]:]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 31) || 'Sheet';
  let n = base;
  for (let i = 2; taken.has(n.toLowerCase()); i++) n = `${base.slice(0, 31 - String(i).length - 1)} ${i}`;
  taken.add(n.toLowerCase());
  return n;
}

/** Characters a cell shows (a rough width; numbers as their formatted length). */
function shownLength(c: TableCell): number {
  if (c === null) return 0;
  if (typeof c === 'string') return c.length;
  const v = typeof c === 'number' ? c : c.value;
  return Number.isFinite(v) ? Math.round(Math.abs(v)).toLocaleString('en-US').length + 4 : 0;
}

/**
 * A workbook with one sheet per table: typed cells (numbers as numbers in their column's or own
 * number format), a bold frozen header row, column widths from the content, and text that would
 * run as a formula (= + - @) neutralised as in CSV exports. Non-finite numbers are left empty, as in CSV.
 */
export async function xlsxBytes(tables: readonly ExportTable[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Tessera';
  const taken = new Set<string>();
  for (const t of tables) {
    const ws = wb.addWorksheet(sheetName(t.name, taken), { views: [{ state: 'frozen', ySplit: 1 }] });
    const header = ws.addRow(t.columns.map((c) => neutralizeFormula(c.header)));
    header.font = { bold: true };
    const widths = t.columns.map((c) => c.header.length);
    t.columns.forEach((c, i) => {
      if (c.format) ws.getColumn(i + 1).numFmt = XLSX_NUMBER_FORMATS[c.format];
    });
    t.rows.forEach((cells, r) => {
      const row = ws.addRow(cells.map((c) => (c === null ? null : typeof c === 'string' ? neutralizeFormula(c) : typeof c === 'number' ? (Number.isFinite(c) ? c : null) : Number.isFinite(c.value) ? c.value : null)));
      cells.forEach((c, i) => {
        if (c !== null && typeof c === 'object') row.getCell(i + 1).numFmt = XLSX_NUMBER_FORMATS[c.format];
        // Widths from the first rows only: enough to size the columns, O(1) per row after that.
        if (r < 2000) widths[i] = Math.max(widths[i] ?? 0, shownLength(c));
      });
    });
    widths.forEach((w, i) => (ws.getColumn(i + 1).width = Math.min(60, Math.max(8, w + 2))));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
