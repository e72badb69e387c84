import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Workspace } from '../../electron/services/workspace';
import { cli } from '../fixtures/run-cli';

const FIX = resolve(__dirname, '../fixtures/import');
const ZBP = join(FIX, 'zbp-accounts.xlsx');

describe('tessera import of .xlsx workbooks (real Census ZIP data)', () => {
  let dir = '';
  let demo = '';
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tessera-xlsx-'));
    demo = join(dir, 'W.tessera');
    expect((await cli('demo', '--workspace', demo)).code).toBe(0);
  }, 60_000);

  const accountCount = () => {
    const ws = Workspace.open(demo, { readOnly: true });
    const n = ws.accounts().ids.length;
    ws.close();
    return n;
  };

  it('imports the first sheet below its title rows, typed cells read as values, every row accounted for', async () => {
    const before = accountCount();
    const res = await cli('import', 'accounts', ZBP, '-w', demo, '--json');
    expect(res.err).toBe('');
    const r = JSON.parse(res.out);
    expect(r.read).toEqual({ encoding: 'utf-8', delimiter: ',', headerRow: 2, sheet: 'Accounts' });
    expect(r.mapping).toMatchObject({ id: 'Id', name: 'Name', city: 'City', state: 'State', zip: 'ZIP', employees: 'Employees', potential: 'Potential' });
    const s = r.summary;
    expect(s).toMatchObject({ rows: 42, imported: 41, added: 41, rejected: 1, repaired: 1 });
    expect(s.rows).toBe(s.imported + s.rejected);
    // Issues carry the sheet's row numbers: the title, source and blank rows are 1-3, the header row 4.
    expect(s.issues).toEqual([
      { line: 45, column: 'Id', code: 'missing-id', action: 'rejected', reason: 'missing id' },
      { line: 46, column: 'Employees', code: 'bad-number', action: 'repaired', reason: '"n/a" is not a number; read as 0' },
    ]);
    expect(accountCount()).toBe(before + 41);
    const ws = Workspace.open(demo, { readOnly: true });
    const a = ws.accounts();
    const i = a.ids.indexOf('ZBP-01001' as never);
    // The ZIP was the number 1001 formatted 00000; the potential a formula's saved result.
    expect([a.names[i], a.employees[i], a.potential[i], a.placement[i]]).toEqual(['AGAWAM, MA', 9127, 376492000, 'zip']);
    ws.close();
    const text = await cli('import', 'accounts', ZBP, '-w', demo);
    expect(text.out).toMatch(/sheet "Accounts", header on row 3/);
    expect(text.out).toMatch(/Rows 42: imported 41 \(added 0, updated 0, unchanged 41\), rejected 1, repaired 1/);
  }, 60_000);

  it('reads a chosen sheet and names the sheets when the chosen one does not exist', async () => {
    const missing = await cli('import', 'accounts', ZBP, '-w', demo, '--sheet', 'Sheet9');
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/has no sheet "Sheet9"; its sheets are: "Accounts", "About"/);
    const about = await cli('import', 'accounts', ZBP, '-w', demo, '--sheet', '2');
    expect(about.code).toBe(1);
    expect(about.err).toMatch(/id/);
  });

  it('refuses .xls and .ods files with "save as .xlsx or CSV" and changes nothing', async () => {
    const before = accountCount();
    const xls = join(dir, 'old.xls');
    writeFileSync(xls, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(1024).fill(0)]));
    const r1 = await cli('import', 'accounts', xls, '-w', demo);
    expect(r1.code).toBe(1);
    expect(r1.err).toMatch(/old Excel 97-2003 workbook \(\.xls\).*save it as \.xlsx or CSV/);
    for (const name of ['real.xls', 'real.ods', 'protected.xlsx']) {
      const path = join(FIX, name);
      const copy = join(dir, name);
      copyFileSync(path, copy);
      const r = await cli('import', 'accounts', copy, '-w', demo);
      expect(r.code, name).toBe(1);
      expect(r.err, name).toMatch(/save it as \.xlsx or CSV/);
    }
    expect(accountCount()).toBe(before);
  });
});
