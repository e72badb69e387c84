import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../../electron/services/app-services';
import { dispatch } from '../../electron/services/dispatch';
import { Workspace } from '../../electron/services/workspace';
import { readSheetRows } from '../../electron/services/import/workbook-reader';
import { parseCsvText } from '../../shared/domain/import/csv-reader';
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
    expect((await cli('demo', '--workspace', demo, '--geography', 'counties')).code).toBe(0);
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
      { line: 45, record: 'Unnamed district', column: 'Id', code: 'missing-id', action: 'rejected', reason: 'missing id' },
      { line: 46, record: 'Employees unknown', column: 'Employees', code: 'bad-number', action: 'repaired', reason: '"n/a" is not a number; read as 0' },
    ]);
    expect(accountCount()).toBe(before + 41);
    const ws = Workspace.open(demo, { readOnly: true });
    const a = ws.accounts();
    const i = a.ids.indexOf('ZBP-01001' as never);
    // The ZIP was the number 1001 formatted 00000; the potential a formula's saved result.
    expect([a.names[i], a.employees[i], a.potential[i], a.placement[i]]).toEqual(['AGAWAM, MA', 9127, 376492000, 'zip']);
    ws.close();
    const text = await cli('import', 'accounts', ZBP, '-w', demo);
    expect(text.out).toMatch(/sheet "Accounts", header on sheet row 4/);
    expect(text.out).toMatch(/Rows 42: imported 41 \(added 0, updated 0, unchanged 41\), rejected 1, repaired 1/);
  }, 60_000);

  it('reads a LibreOffice-saved workbook of the Salesforce export as the same records as the CSV itself', async () => {
    const ws = join(dir, 'sf.tessera');
    expect((await cli('demo', '--workspace', ws, '--geography', 'counties')).code).toBe(0);
    const fromXlsx = JSON.parse((await cli('import', 'accounts', join(FIX, 'salesforce-account.xlsx'), '-w', ws, '--json')).out).summary;
    expect(fromXlsx).toMatchObject({ rows: 22, imported: 22, added: 22, rejected: 0 });
    const fromCsv = JSON.parse((await cli('import', 'accounts', join(FIX, 'salesforce-account.csv'), '-w', ws, '--json')).out).summary;
    expect(fromCsv).toMatchObject({ rows: 22, unchanged: 22, updated: 0, fieldChanges: {} });
    expect(fromCsv.placement).toEqual(fromXlsx.placement);
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

  it('refuses a workbook where only CSV is read (units, edges, leads, quotas) with "save it as CSV"', async () => {
    const runs = [
      ['balance', '--units', ZBP, '--out', join(dir, 'plan.csv'), '--territories', '3'],
      ['import', 'units', ZBP, '--workspace', join(dir, 'units.tessera')],
      ['route', '-w', demo, '-s', '1', '--leads', join(FIX, 'real.xls'), '-o', join(dir, 'routed.csv'), '--dry-run'],
      ['quotas', '-w', demo, '-s', '1', '-f', ZBP],
    ];
    for (const args of runs) {
      const r = await cli(...args);
      expect(r.code, args[0]).toBe(1);
      expect(r.err, args.join(' ')).toMatch(/This is an (Excel workbook \(\.xlsx\)|old Excel workbook \(\.xls\)).*must be a CSV text file: .*save it as CSV/);
    }
  });

  it('exports territory KPIs as .xlsx whose cells read back as the same values as the KPI table', async () => {
    const out = join(dir, 'kpis.xlsx');
    const res = await cli('kpis', '-w', demo, '--format', 'xlsx', '--out', out);
    expect(res.err).toBe('');
    expect(res.out).toMatch(/^Wrote .*kpis\.xlsx: 60 territories/);
    expect((await cli('kpis', '-w', demo, '--format', 'xlsx', '--out', out)).err).toMatch(/already exists; pass --force/);
    const json = JSON.parse((await cli('kpis', '-w', demo, '--json')).out) as { rows: { territoryId: string; name: string; accounts: number; potential: number; potentialDeviation: number }[] };
    const back = await readSheetRows(readFileSync(out));
    if (!back.ok) throw new Error(back.error.message);
    const [header, ...rows] = back.value.rows.map((r) => r.cells);
    expect(header!.slice(0, 8)).toEqual(['territory_id', 'territory_name', 'region', 'rep_id', 'rep_name', 'units', 'accounts', 'potential']);
    expect(rows).toHaveLength(json.rows.length);
    json.rows.forEach((k, i) => {
      const r = rows[i]!;
      expect([r[0], r[1], Number(r[6]), Number(r[7]), Number(r[10])]).toEqual([k.territoryId, k.name, k.accounts, k.potential, Math.round(k.potentialDeviation * 10000) / 100]);
    });
    // The same table as the CSV export, cell for cell.
    const csvPath = join(dir, 'kpis.csv');
    expect((await cli('kpis', '-w', demo, '--format', 'csv', '--out', csvPath)).code).toBe(0);
    const csv = parseCsvText(readFileSync(csvPath, 'utf8').trim(), ',');
    expect(rows).toEqual(csv.slice(1));
  }, 60_000);

  it('exports UI tables over the API as a base64 workbook, and refuses one past the cell limit with what to do', async () => {
    const s = createServices({ mode: 'direct', workspace: demo, openOptions: { readOnly: true } });
    try {
      const table = { name: 'Reps', columns: [{ header: 'Rep' }, { header: 'Quota', format: 'money' }], rows: [['=cmd', 1000], ['Ann', null]] };
      const r = (await dispatch(s.api, 'export.xlsx', { fileName: 'reps', tables: [table] })) as { ok: true; value: { fileName: string; content: string; base64: boolean; mimeType: string } };
      expect(r.value).toMatchObject({ fileName: 'reps.xlsx', encoding: 'base64', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
      const back = await readSheetRows(Buffer.from(r.value.content, 'base64'));
      expect(back.ok && back.value.rows.map((x) => x.cells)).toEqual([['Rep', 'Quota'], ["'=cmd", '1000'], ['Ann', '']]);
      const big = { name: 'Big', columns: Array.from({ length: 20 }, (_, i) => ({ header: `c${i}` })), rows: Array.from({ length: 100_001 }, () => new Array(20).fill(1)) };
      expect(await dispatch(s.api, 'export.xlsx', { fileName: 'big', tables: [big] })).toMatchObject({ ok: false, error: { code: 'too-large', message: expect.stringMatching(/export it as CSV/) } });
      const run = (await dispatch(s.api, 'export.run', { scenario: 1, format: 'kpis-xlsx' })) as { ok: true; value: { content: string; base64: boolean; fileName: string } };
      expect(run.value).toMatchObject({ encoding: 'base64', fileName: 'kpis-xlsx.xlsx' });
      expect((await readSheetRows(Buffer.from(run.value.content, 'base64'))).ok).toBe(true);
    } finally {
      s.close();
    }
  }, 60_000);
});
