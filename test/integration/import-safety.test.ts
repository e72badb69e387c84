import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { runImport } from '../../electron/services/import/import-service';
import { Workspace } from '../../electron/services/workspace';
import { cli } from '../fixtures/run-cli';
import { useTempDir } from '../fixtures/temp';
import { tinyWorkspacePath } from '../fixtures/tiny-workspace';

const tempDir = useTempDir();

const tinyWorkspace = () => tinyWorkspacePath(tempDir());

function file(name: string, content: string | Buffer): string {
  const path = join(tempDir(), name);
  writeFileSync(path, content);
  return path;
}

const accountCount = (path: string) => {
  const ws = Workspace.open(path, { readOnly: true });
  const n = ws.accounts().ids.length;
  ws.close();
  return n;
};

const accountsFile = (rows: number, row: (i: number) => string) =>
  ['id,name,city,state,employees', ...Array.from({ length: rows }, (_, i) => row(i + 1))].join('\n') + '\n';

describe('imports never lose or alter rows', () => {
  it('refuses a 50,000-row file whose row 6 opens a stray quote, naming the line, and writes nothing', async () => {
    const ws = tinyWorkspace();
    const csv = accountsFile(50_000, (i) => (i === 5 ? `A${i},"Acme Big 5,Springfield,IL,12` : `A${i},Company ${i},Springfield,IL,${i % 500}`));
    const res = await cli('import', 'accounts', file('stray.csv', csv), '-w', ws);
    expect(res.code).toBe(1);
    expect(res.err).toMatch(/unclosed quote opened at line 6: `"Acme Big 5,Springfield,IL,12…` — the quoted cell runs over more than 5,000 lines/);
    expect(res.err).toMatch(/Nothing was imported/);
    expect(accountCount(ws)).toBe(6);
  }, 30_000);

  it('refuses a stray quote that closes at a later quoted cell, instead of merging the rows', async () => {
    const ws = tinyWorkspace();
    const csv = accountsFile(40, (i) => (i === 5 ? `A${i},"Acme Big 5,Springfield,IL,12` : `A${i},"Company ${i}, Inc.",Springfield,IL,7`));
    const res = await cli('import', 'accounts', file('stray2.csv', csv), '-w', ws);
    expect([res.code, res.err]).toEqual([1, expect.stringMatching(/unclosed quote opened at line 6: .*the quote closes 1 line later, in the middle of a cell/)]);
    expect(accountCount(ws)).toBe(6);
  });

  it('refuses a file with a cell past the limits (over 16 MB in all) and commits none of its rows', async () => {
    const ws = tinyWorkspace();
    const head = accountsFile(10, (i) => `A${i},Company ${i},Springfield,IL,5`);
    const tail = Array.from({ length: 250_000 }, (_, i) => `B${i},Company ${i},Springfield,IL,5`).join('\n');
    const res = await cli('import', 'accounts', file('huge.csv', `${head}X1,"${'y'.repeat(17 << 20)}\n${tail}\n`), '-w', ws);
    expect([res.code, res.err]).toEqual([1, expect.stringMatching(/unclosed quote opened at line 12: .*longer than 1 MB/)]);
    expect(accountCount(ws)).toBe(6);
  }, 60_000);

  it('reads Windows-1252 text after 64 KB of ASCII without replacement characters, and says so', async () => {
    const ws = tinyWorkspace();
    const ascii = accountsFile(2000, (i) => `A${i},Company ${i},Springfield,IL,5`);
    expect(ascii.length).toBeGreaterThan(65536);
    const bytes = Buffer.concat([Buffer.from(ascii), iconv.encode('Z1,Société Générale,Paris,,5\nZ2,Müller & Söhne,Köln,,7\n', 'windows-1252')]);
    const res = await cli('import', 'accounts', file('late-1252.csv', bytes), '-w', ws, '--json');
    expect(res.code).toBe(0);
    const s = JSON.parse(res.out).summary;
    expect(s).toMatchObject({ rows: 2002, imported: 2002 });
    const enc = s.issues.filter((i: { code: string }) => i.code === 'encoding');
    expect(enc).toEqual([{ line: 2002, column: null, code: 'encoding', action: 'repaired', reason: expect.stringMatching(/not UTF-8 .*Windows-1252.*Société Générale/) }]);
    const w = Workspace.open(ws, { readOnly: true });
    const a = w.accounts();
    expect([a.names[a.ids.indexOf('Z1' as never)], a.names[a.ids.indexOf('Z2' as never)]]).toEqual(['Société Générale', 'Müller & Söhne']);
    expect(a.names.some((n) => n.includes('\uFFFD'))).toBe(false);
    w.close();
  });

  it('reports a row that really holds a replacement character instead of storing it silently', async () => {
    const ws = tinyWorkspace();
    const rows = Array.from({ length: 20 }, (_, i) => `A${i + 2},Fine ${i}`).join('\n');
    const res = await cli('import', 'accounts', file('fffd.csv', `id,name\nA1,Soci\uFFFDt\uFFFD\n${rows}\n`), '-w', ws, '--json');
    const s = JSON.parse(res.out).summary;
    expect(s).toMatchObject({ rows: 21, imported: 21 });
    expect(s.issues.filter((i: { code: string }) => i.code === 'encoding')).toEqual([{ line: 2, record: 'Soci\uFFFDt\uFFFD', column: 'name', code: 'encoding', action: 'kept', reason: expect.stringMatching(/"Soci.t." holds the replacement character U\+FFFD/) }]);
  });

  it('reports a replacement character that first appears late in the file, inside a cell that spans two chunks', async () => {
    // Rows are scanned for U+FFFD only once the text read so far held one: the multi-line cell starts in
    // one 4 KB chunk and its U+FFFD arrives in the next, so the check must already be on for that row.
    const ws = Workspace.open(tinyWorkspace());
    const clean = Array.from({ length: 400 }, (_, i) => `A${i},Fine ${i}`).join('\n');
    const text = `id,name\n${clean}\nB1,"${'x'.repeat(5000)}\nline two Soci\uFFFDt\uFFFD"\nB2,After\n`;
    const bytes = Buffer.from(text, 'utf8');
    async function* chunks() {
      for (let i = 0; i < bytes.length; i += 4096) yield bytes.subarray(i, i + 4096);
    }
    const res = await runImport(ws, { kind: 'accounts', read: { encoding: 'utf-8', delimiter: ',', headerRow: 0 }, mapping: { id: 'id', name: 'name' } }, chunks());
    ws.close();
    if (!res.ok) throw new Error(res.error.message);
    expect(res.value).toMatchObject({ rows: 402, imported: 402 });
    expect(res.value.issues.filter((i) => i.code === 'encoding')).toEqual([expect.objectContaining({ line: 402, column: 'name', action: 'kept' })]);
  });

  it('reads "2.000" as 2000 in a file that writes decimals with a comma, and reports it where the file does not tell', async () => {
    const ws = tinyWorkspace();
    const eu = await cli('import', 'accounts', file('eu.csv', 'id;name;employees;revenue\nA1;One;2.000;10\nA2;Two;15;1.234,56\n'), '-w', ws, '--json');
    const s = JSON.parse(eu.out).summary;
    expect(s).toMatchObject({ rows: 2, imported: 2, repaired: 0 });
    let w = Workspace.open(ws, { readOnly: true });
    let a = w.accounts();
    expect([a.employees[a.ids.indexOf('A1' as never)], a.revenue[a.ids.indexOf('A2' as never)]]).toEqual([2000, 1234.56]);
    w.close();
    const unknown = await cli('import', 'accounts', file('amb.csv', 'id,name,employees\nB1,One,2.000\nB2,Two,15\n'), '-w', ws, '--json');
    const u = JSON.parse(unknown.out).summary;
    expect(u).toMatchObject({ rows: 2, imported: 2, repaired: 1 });
    expect(u.issues.filter((i: { code: string }) => i.code !== 'unplaced')).toEqual([{ line: 2, record: 'One', column: 'employees', code: 'ambiguous-number', action: 'repaired', reason: expect.stringMatching(/"2.000" could be 2 or 2000.*read as 2$/) }]);
    w = Workspace.open(ws, { readOnly: true });
    a = w.accounts();
    expect(a.employees[a.ids.indexOf('B1' as never)]).toBe(2);
    w.close();
  });
});
