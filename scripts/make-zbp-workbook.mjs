// Writes zbp-accounts.xlsx: 40 Massachusetts ZIPs of the Census ZIP Code Business Patterns 2016
// (/work/shared/data/zbp16totals.txt) as an accounts workbook the way people keep them in Excel:
// a merged title and a source line above the header, ZIPs as numbers formatted 00000 (leading zero
// only in the format), a formula column with saved results, a date column, and two broken rows.
// Run: node scripts/make-zbp-workbook.mjs [path/to/zbp16totals.txt]
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';

const source = process.argv[2] ?? '/work/shared/data/zbp16totals.txt';
const lines = readFileSync(source, 'utf8').split(/\r?\n/).slice(1).filter((l) => l.includes('"MA"'));
// A quoted field may hold a comma ("AGAWAM, MA"); none holds a quote.
const parse = (l) => {
  const out = [];
  let cell = '';
  let quoted = false;
  for (const ch of l) {
    if (ch === '"') quoted = !quoted;
    else if (ch === ',' && !quoted) [out[out.length], cell] = [cell, ''];
    else cell += ch;
  }
  return [...out, cell];
};
const picked = lines.map(parse).filter((c) => Number(c[9]) >= 100).slice(0, 40);

const wb = new ExcelJS.Workbook();
wb.created = new Date(Date.UTC(2024, 0, 1));
wb.modified = wb.created;
const ws = wb.addWorksheet('Accounts');
ws.addRow(['Massachusetts business districts (ZIP Code Business Patterns 2016)']);
ws.mergeCells('A1:I1');
ws.addRow(['Source: US Census Bureau, zbp16totals']);
ws.addRow([]);
ws.addRow(['Id', 'Name', 'City', 'State', 'ZIP', 'Employees', 'Payroll ($1,000)', 'Potential', 'Snapshot']);
ws.getRow(4).font = { bold: true };
const snapshot = new Date(Date.UTC(2016, 11, 31));
for (const c of picked) {
  const r = ws.addRow([`ZBP-${c[0]}`, c[1], c[10], c[11], Number(c[0]), Number(c[4]), Number(c[8]), null, snapshot]);
  r.getCell(8).value = { formula: `G${r.number}*1000`, result: Number(c[8]) * 1000 };
}
// Two rows a real sheet has: one without an id (rejected), one with text in a number column (repaired to 0).
ws.addRow(['', 'Unnamed district', 'Boston', 'MA', 2108, 12, 340, null, snapshot]).getCell(8).value = { formula: `G${ws.rowCount}*1000`, result: 340000 };
ws.addRow(['ZBP-BAD', 'Employees unknown', 'Boston', 'MA', 2109, 'n/a', 55, null, snapshot]).getCell(8).value = { formula: `G${ws.rowCount}*1000`, result: 55000 };
ws.getColumn(5).numFmt = '00000';
ws.getColumn(9).numFmt = 'yyyy-mm-dd';
const about = wb.addWorksheet('About');
about.addRow(['US Census Bureau, ZIP Code Business Patterns 2016 totals (public domain).']);
await wb.xlsx.writeFile(join(dirname(fileURLToPath(import.meta.url)), '../test/fixtures/import/zbp-accounts.xlsx'));
console.log(`wrote ${picked.length + 2} data rows`);
