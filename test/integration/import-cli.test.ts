import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Workspace } from '../../electron/services/workspace';
import { cli } from '../fixtures/run-cli';
import { useTempDir } from '../fixtures/temp';
import { tinyWorkspacePath } from '../fixtures/tiny-workspace';

const tempDir = useTempDir();
const FIX = resolve(__dirname, '../fixtures/import');


const tinyWorkspace = () => tinyWorkspacePath(tempDir());

function file(name: string, content: string | Buffer): string {
  const path = join(tempDir(), name);
  writeFileSync(path, content);
  return path;
}

describe('tessera import (real Salesforce export)', () => {
  let demo = '';
  let dir = '';
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  beforeAll(async () => {
    // Not useTempDir: it empties after each test, and these tests share one demo workspace.
    dir = mkdtempSync(join(tmpdir(), 'tessera-import-'));
    demo = join(dir, 'demo.tessera');
    expect((await cli('demo', '-w', demo, '--geography', 'counties')).code).toBe(0);
  }, 60_000);

  it('imports the Account export with BOM and compound addresses, then re-imports it unchanged', async () => {
    const res = await cli('import', 'accounts', join(FIX, 'salesforce-account.csv'), '-w', demo, '--json');
    expect(res.code).toBe(0);
    const r = JSON.parse(res.out);
    expect(r.read).toEqual({ encoding: 'utf-8', delimiter: ',', headerRow: 0 });
    expect(r.detectedPreset).toBe('salesforce');
    expect(r.summary).toMatchObject({ rows: 22, imported: 22, added: 22, rejected: 0 });
    // Cities and ZIPs of this sample data are made up: real ZIPs place by ZIP, the rest fall back to the state.
    expect(r.summary.placement).toEqual({ exact: 0, zip: 8, city: 0, county: 0, state: 11, none: 3 });
    const ws = Workspace.open(demo, { readOnly: true });
    const a = ws.accounts();
    const i = a.ids.indexOf('001Ec00000GGw3hIAD' as never);
    expect([a.names[i], a.industry[i], a.potential[i], a.employees[i], a.segment[i]]).toEqual(['Walker Henson and Compton', 'Finance', 6759560, 577, 'Enterprise']);
    expect(a.unitIndex[i]).toBeGreaterThanOrEqual(0);
    ws.close();
    const again = JSON.parse((await cli('import', 'accounts', join(FIX, 'salesforce-account.csv'), '-w', demo, '--json')).out);
    expect(again.summary).toMatchObject({ added: 0, updated: 0, unchanged: 22 });
  }, 30_000);

  it('reads a custom object as reps through a mapping file, restoring dropped ZIP zeros', async () => {
    const res = await cli('import', 'reps', join(FIX, 'salesforce-branch.csv'), '-w', demo, '--mapping', join(FIX, 'branch-as-reps.mapping.json'), '--json');
    expect(res.err).toBe('');
    const r = JSON.parse(res.out).summary;
    expect(r).toMatchObject({ rows: 5, added: 5 });
    expect(r.issues.filter((i: { code: string }) => i.code === 'zip-repaired').length).toBeGreaterThan(0);
    expect(r.issues[0]).toMatchObject({ column: 'Branch_Zip__c' });
    // The stage writes a rep's home unit as the unit's id (not its index): Branch0's ZIP lies in Alabama.
    const db = new Database(demo, { readonly: true });
    const homes = db.prepare("SELECT home_unit_id FROM reps WHERE id LIKE 'a00Ec%' ORDER BY id").pluck().all();
    db.close();
    expect(homes[0]).toMatch(/^01\d{3}$/);
    expect(homes.filter((h) => h !== null).length).toBeGreaterThanOrEqual(4);
  });

  it('imports contacts as leads with Mailing address fields', async () => {
    const res = await cli('import', 'leads', join(FIX, 'salesforce-contact.csv'), '-w', demo, '--json');
    expect(res.err).toBe('');
    const r = JSON.parse(res.out).summary;
    expect(r).toMatchObject({ rows: 102, imported: 102, rejected: 0 });
  });
});

describe('tessera import (formats and malformed input)', () => {
  const csv = 'Record ID,Company name,Company owner,City,State/Region,Postal Code,Industry,Annual Revenue,Number of Employees\n' +
    '1,Acme Café,Rep One,Boston,MA,02101,Retail,"1,000,000",40\n2,Beta,Rep Two,Austin,TX,,Finance,5000,7\n';

  it('reads HubSpot exports in UTF-16 and Windows-1252, matching owners by rep name', async () => {
    for (const enc of ['utf-16le', 'win1252'] as const) {
      const ws = tinyWorkspace();
      const path = file(`hubspot-${enc}.csv`, enc === 'utf-16le' ? Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(csv, 'utf-16le')]) : iconv.encode(csv, 'win1252'));
      const r = JSON.parse((await cli('import', 'accounts', path, '-w', ws, '--json')).out);
      expect(r.detectedPreset).toBe('hubspot');
      expect(r.read.encoding).toBe(enc === 'utf-16le' ? 'utf-16le' : 'windows-1252');
      expect(r.summary).toMatchObject({ added: 2, rejected: 0, repaired: 0 });
      const w = Workspace.open(ws, { readOnly: true });
      expect(w.accounts().names).toContain('Acme Café');
      expect(w.accounts().owner.slice(-2)).toEqual(['r1', 'r2']);
      w.close();
    }
  });

  it('imports TSV, saves the mapping as a preset and reuses it', async () => {
    const ws = tinyWorkspace();
    const tsv = file('a.tsv', 'Code\tTitle\tZip\nx1\tOne\t10001\n');
    const none = await cli('import', 'accounts', tsv, '-w', ws, '-m', 'hubspot');
    expect([none.code, none.err]).toEqual([1, expect.stringMatching(/No column is mapped to the id field/)]);
    const mapping = file('m.json', JSON.stringify({ id: 'Code', name: 'Title', zip: 'Zip' }));
    expect((await cli('import', 'accounts', tsv, '-w', ws, '-m', mapping, '--save-preset', 'mine')).code).toBe(0);
    const r = await cli('import', 'accounts', tsv, '-w', ws, '-m', 'mine', '--json');
    expect(JSON.parse(r.out).summary).toMatchObject({ unchanged: 1 });
  });

  it('fails clearly on an empty file, binary garbage, a 100,000-column line and a wrong delimiter', async () => {
    const ws = tinyWorkspace();
    const empty = await cli('import', 'accounts', file('empty.csv', ''), '-w', ws);
    expect([empty.code, empty.err]).toEqual([1, expect.stringMatching(/empty/)]);
    const garbage = Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256));
    const bin = await cli('import', 'accounts', file('garbage.csv', garbage), '-w', ws);
    expect([bin.code, bin.err]).toEqual([1, expect.stringMatching(/binary/)]);
    const wide = await cli('import', 'accounts', file('wide.csv', `${Array.from({ length: 100_000 }, (_, i) => `c${i}`).join(',')}\n1,2\n`), '-w', ws);
    expect([wide.code, wide.err]).toEqual([1, expect.stringMatching(/more than \d+ columns \(at most 5000\)/)]);
    const semi = file('semi.csv', 'id;name\n1;A\n');
    const wrong = await cli('import', 'accounts', semi, '-w', ws, '--delimiter', 'comma');
    expect([wrong.code, wrong.err]).toEqual([1, expect.stringMatching(/No column is mapped to the id field/)]);
  });

  it('keeps the valid rows of a file with truncated lines and a cut-off last line', async () => {
    const ws = tinyWorkspace();
    const path = file('trunc.csv', 'id,name,zip,employees\n1,A,10001,5\n2,B\n3,C,02108,7\n4,"D');
    const r = JSON.parse((await cli('import', 'accounts', path, '-w', ws, '--json')).out).summary;
    expect(r).toMatchObject({ rows: 4, imported: 4, rejected: 0, repaired: 2 });
    const repaired = r.issues.filter((i: { action: string }) => i.action === 'repaired');
    expect(repaired.map((i: { line: number; reason: string }) => [i.line, i.reason])).toEqual([
      [3, 'row has 2 of 4 fields (truncated line?); missing cells read as empty'],
      [5, 'row has 2 of 4 fields (truncated line?); missing cells read as empty'],
    ]);
    expect(r.unplaced.map((u: { id: string }) => u.id)).toEqual(['2', '4']);
  });
});

describe('tessera import of a hospital list (CMS-style headers)', () => {
  const hospitals = join(FIX, 'cms-hospitals.csv');

  it('maps Provider ID, Hospital Name, County Name and Hospital Type without a mapping file', async () => {
    const r = JSON.parse((await cli('import', 'accounts', hospitals, '-w', tinyWorkspace(), '--json')).out);
    expect(r.mapping).toMatchObject({ id: 'Provider ID', name: 'Hospital Name', street: 'Address', county: 'County Name', segment: 'Hospital Type', zip: 'ZIP Code' });
    expect(r.summary).toMatchObject({ rows: 12, imported: 11, rejected: 1 });
    expect(r.summary.unplaced).toContainEqual({ line: 12, id: '400013', name: 'HOSPITAL DE DAMAS', reason: "ZIP 00733 (Puerto Rico) is outside the workspace's geography" });
  });

  it('generates ids from name and address that stay the same on re-import', async () => {
    const ws = tinyWorkspace();
    const first = await cli('import', 'accounts', hospitals, '-w', ws, '--generate-ids', '--json');
    expect(first.err).toBe('');
    const r = JSON.parse(first.out);
    expect(r.mapping.id).toBeUndefined();
    expect(r.summary).toMatchObject({ rows: 12, imported: 11, added: 11, rejected: 1 });
    expect(r.summary.issues).toContainEqual(expect.objectContaining({ line: 13, action: 'rejected', reason: 'no name and no address to generate an id from' }));
    const read = () => {
      const w = Workspace.open(ws, { readOnly: true });
      const a = w.accounts();
      const byName = new Map(a.names.map((n, i) => [n, String(a.ids[i])]));
      w.close();
      return byName;
    };
    const ids = read();
    expect(ids.get('MASSACHUSETTS GENERAL HOSPITAL')).toMatch(/^gen-[0-9a-z]{11}$/);
    const again = JSON.parse((await cli('import', 'accounts', hospitals, '-w', ws, '--generate-ids', '--json')).out);
    expect(again.summary).toMatchObject({ added: 0, updated: 0, unchanged: 11 });
    expect(read()).toEqual(ids);
  }, 30_000);

  it('tells a file without an id column to generate ids', async () => {
    const noId = file('no-id.csv', 'Hospital Name,City,State\nMercy,Springfield,IL\n');
    const res = await cli('import', 'accounts', noId, '-w', tinyWorkspace());
    expect([res.code, res.err]).toEqual([1, expect.stringMatching(/No column is mapped to the id field.*pass --generate-ids/s)]);
  });
});
