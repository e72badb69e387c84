import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { previewFile } from '../../../electron/services/import/import-service';
import { readSheetRows, readSheetRowsCached } from '../../../electron/services/import/workbook-reader';

/** Builds a workbook in memory: each sheet's rows, then optional edits (merges, formats). */
async function workbook(sheets: Record<string, unknown[][]>, edit?: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    rows.forEach((r, i) => (r.length ? ws.getRow(i + 1).values = r as ExcelJS.CellValue[] : undefined));
  }
  edit?.(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function rowsOf(bytes: Uint8Array, sheet?: string) {
  const r = await readSheetRows(bytes, sheet);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('workbook reader', () => {
  it('reads typed cells as the text the CSV reader would give: numbers, ISO dates, cached formula results, empties', async () => {
    const bytes = await workbook({
      Accounts: [
        ['id', 'name', 'potential', 'since', 'doubled', 'active', 'note'],
        ['A1', 'Acme', 1234.5, new Date(Date.UTC(2024, 0, 22)), { formula: 'C2*2', result: 2469 }, true, null],
        ['A2', 'Beta', 0.1 + 0.2, new Date(Date.UTC(2024, 0, 22, 14, 49, 34)), { formula: '1/0', result: { error: '#DIV/0!' } }, false, 'x'],
      ],
    });
    const s = await rowsOf(bytes);
    expect(s.rows).toEqual([
      { line: 1, cells: ['id', 'name', 'potential', 'since', 'doubled', 'active', 'note'] },
      { line: 2, cells: ['A1', 'Acme', '1234.5', '2024-01-22', '2469', 'TRUE', ''] },
      { line: 3, cells: ['A2', 'Beta', '0.3', '2024-01-22T14:49:34', '#DIV/0!', 'FALSE', 'x'] },
    ]);
    expect(s.notes).toEqual([]);
  });

  it('keeps zero-padded codes, reads merged cells as their range value and keeps sheet row numbers past empty rows', async () => {
    const bytes = await workbook({ S: [['Accounts by region'], [], ['region', 'id', 'zip'], ['East', 'A1', 2101], [null, 'A2', 10001]] }, (wb) => {
      const ws = wb.getWorksheet('S')!;
      ws.mergeCells('A1:C1');
      ws.mergeCells('A4:A5');
      ws.getColumn(3).numFmt = '00000';
    });
    const s = await rowsOf(bytes);
    expect(s.rows).toEqual([
      { line: 1, cells: ['Accounts by region', 'Accounts by region', 'Accounts by region'] },
      { line: 2, cells: [''] },
      { line: 3, cells: ['region', 'id', 'zip'] },
      { line: 4, cells: ['East', 'A1', '02101'] },
      { line: 5, cells: ['East', 'A2', '10001'] },
    ]);
  });

  it('notes a formula without a saved result instead of dropping it silently', async () => {
    const s = await rowsOf(await workbook({ S: [['id', 'v'], ['A1', { formula: 'B9*2' }]] }));
    expect(s.rows[1]!.cells).toEqual(['A1', '']);
    expect(s.notes).toEqual([{ line: 2, address: 'B2', reason: expect.stringMatching(/^cell B2: a formula without a saved result/) }]);
  });

  it('reads the first sheet by default, or one chosen by name or number, and names the sheets of an unknown one', async () => {
    const bytes = await workbook({ Notes: [['read me']], Data: [['id'], ['A1']] });
    expect((await rowsOf(bytes)).sheet).toBe('Notes');
    expect((await rowsOf(bytes, 'Data')).rows[1]!.cells).toEqual(['A1']);
    expect((await rowsOf(bytes, '2')).sheet).toBe('Data');
    expect((await rowsOf(bytes, 'data')).sheet).toBe('Data');
    const bad = await readSheetRows(bytes, 'Sheet9');
    expect(bad).toMatchObject({ ok: false, error: { code: 'unknown-sheet', message: 'The workbook has no sheet "Sheet9"; its sheets are: "Notes", "Data" (or give a number from 1 to 2).' } });
  });

  it('previews a workbook like a CSV: title rows above the header skipped, sheets listed, mapping proposed', async () => {
    const bytes = await workbook({
      Report: [['Key accounts export'], ['Exported', new Date(Date.UTC(2024, 5, 1))], [], ['Id', 'Name', 'City', 'State', 'Employees'], ['1', 'Acme', 'Boston', 'MA', 40], ['2', 'Beta', 'Austin', 'TX', 7]],
      Other: [['x']],
    });
    const p = await previewFile('accounts', bytes, false);
    if (!p.ok) throw new Error(p.error.message);
    // Index 2 among non-empty rows (the blank row 3 is not counted), row 4 of the sheet.
    expect(p.value.read).toMatchObject({ headerRow: 2, sheet: 'Report' });
    expect(p.value.headerLine).toBe(4);
    expect(p.value.sheets).toEqual(['Report', 'Other']);
    expect(p.value.columns).toEqual(['Id', 'Name', 'City', 'State', 'Employees']);
    expect(p.value.sample).toEqual([['1', 'Acme', 'Boston', 'MA', '40'], ['2', 'Beta', 'Austin', 'TX', '7']]);
    expect(p.value.mapping).toMatchObject({ id: 'Id', name: 'Name', employees: 'Employees' });
  });

  it('parses a workbook once for its preview and its import (the sheet asked for or the one read), again for other bytes', async () => {
    const bytes = await workbook({ Data: [['id'], ['A1']], More: [['id'], ['B1']] });
    const first = await readSheetRowsCached(bytes);
    const again = await readSheetRowsCached(Buffer.from(bytes), 'Data');
    expect(first.ok && again.ok && again.value === first.value).toBe(true);
    const other = await readSheetRowsCached(bytes, 'More');
    expect(other.ok && other.value.rows[1]!.cells).toEqual(['B1']);
    const changed = await readSheetRowsCached(await workbook({ Data: [['id'], ['C1']] }), 'Data');
    expect(changed.ok && changed.value.rows[1]!.cells).toEqual(['C1']);
  });
});
