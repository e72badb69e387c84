import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { xlsxBytes } from '../../../electron/services/export/xlsx-writer';
import { readSheetRows } from '../../../electron/services/import/workbook-reader';
import type { ExportTable } from '../../../shared/domain/export/table';

const accounts: ExportTable = {
  name: 'Accounts: [all]',
  columns: [{ header: 'Account' }, { header: 'Id' }, { header: 'Potential', format: 'money' }, { header: 'Share', format: 'percent' }, { header: 'Value' }],
  rows: [
    ['Acme', 'A-1', 1234567, 0.052, { value: 1.5, format: 'ratio' }],
    ['=HYPERLINK("http://evil","x")', '-42', -3, null, Infinity],
    ['@SUM(A1)', '+1+1', 0, 1, 'plain'],
  ],
};

async function load(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return wb;
}

describe('xlsx export', () => {
  it('writes typed cells with number formats, a bold frozen header row and column widths', async () => {
    const wb = await load(await xlsxBytes([accounts]));
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('Accounts all');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
    const r2 = ws.getRow(2);
    expect([r2.getCell(3).value, r2.getCell(3).numFmt]).toEqual([1234567, '"$"#,##0']);
    expect([r2.getCell(4).value, r2.getCell(4).numFmt]).toEqual([0.052, '0.0%']);
    expect([r2.getCell(5).value, r2.getCell(5).numFmt]).toEqual([1.5, '0.000']);
    expect(ws.getRow(3).getCell(5).value).toBeNull();
    for (let c = 1; c <= 5; c++) expect(ws.getColumn(c).width).toBeGreaterThanOrEqual(8);
    expect(ws.getColumn(2).width).toBeLessThan(ws.getColumn(1).width!);
  });

  it('neutralises text a spreadsheet would run as a formula, as CSV exports do', async () => {
    const ws = (await load(await xlsxBytes([accounts]))).worksheets[0]!;
    expect(ws.getRow(3).getCell(1).value).toBe(`'=HYPERLINK("http://evil","x")`);
    expect(ws.getRow(3).getCell(2).value).toBe('-42');
    expect(ws.getRow(4).getCell(1).value).toBe("'@SUM(A1)");
    expect(ws.getRow(4).getCell(2).value).toBe("'+1+1");
    expect(ws.getRow(3).getCell(3).type).toBe(ExcelJS.ValueType.Number);
  });

  it('round-trips through the importer: the values read back are the values exported', async () => {
    const two: ExportTable = { name: 'Accounts: [all]', columns: [{ header: 'x' }], rows: [[1]] };
    const bytes = await xlsxBytes([accounts, two]);
    const back = await readSheetRows(bytes);
    if (!back.ok) throw new Error(back.error.message);
    expect(back.value.sheets).toEqual(['Accounts all', 'Accounts all 2']);
    expect(back.value.rows.map((r) => r.cells)).toEqual([
      ['Account', 'Id', 'Potential', 'Share', 'Value'],
      ['Acme', 'A-1', '1234567', '0.052', '1.5'],
      [`'=HYPERLINK("http://evil","x")`, '-42', '-3', '', ''],
      ["'@SUM(A1)", "'+1+1", '0', '1', 'plain'],
    ]);
  });
});
