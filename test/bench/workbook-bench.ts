// Bench and corpus run for workbook imports. Builds variants (title rows, merges, formulas with and without
// saved results, several sheets, truncated and renamed files, a large sheet), adds any files given on the
// command line (e.g. LibreOffice or Excel saves), and imports each into a demo workspace in a temp folder.
// Prints, per file, imported / refused (with the message) / crashed, then a large sheet's timings and peak memory
// next to the same rows as CSV.
// Run: npx tsx test/bench/workbook-bench.ts [rows=50000] [more files...]
import { execFileSync } from 'node:child_process';
import { createReadStream, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { previewFile, readHead, runImport } from '../../electron/services/import/import-service';
import { Workspace } from '../../electron/services/workspace';

const rows = Number(process.argv[2] ?? 50_000);
const extra = process.argv.slice(3);
const FIX = resolve(import.meta.dirname, '../fixtures/import');

async function book(fill: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  fill(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function corpus(): Promise<[string, Uint8Array][]> {
  const zbp = readFileSync(join(FIX, 'zbp-accounts.xlsx'));
  const files: [string, Uint8Array][] = [
    ['zbp-accounts.xlsx (exceljs)', zbp],
    ['salesforce-account.xlsx (LibreOffice save of the CSV)', readFileSync(join(FIX, 'salesforce-account.xlsx'))],
    ['real.xls (LibreOffice)', readFileSync(join(FIX, 'real.xls'))],
    ['real.ods (LibreOffice)', readFileSync(join(FIX, 'real.ods'))],
    ['protected.xlsx (encrypted)', readFileSync(join(FIX, 'protected.xlsx'))],
    ['zbp truncated to half', zbp.subarray(0, zbp.length >> 1)],
    ['CSV renamed .xlsx', new TextEncoder().encode('Id,Name\n1,Acme\n')],
    ['formulas without saved results', await book((wb) => {
      const ws = wb.addWorksheet('S');
      ws.addRow(['Id', 'Name', 'Potential']);
      for (let i = 1; i <= 20; i++) ws.addRow([`F-${i}`, `Firm ${i}`, { formula: `${i}*1000` }]);
    })],
    ['merged region column, 3 sheets', await book((wb) => {
      wb.addWorksheet('Cover').addRow(['Q3 plan']);
      const ws = wb.addWorksheet('Accounts');
      ws.addRow(['Region', 'Id', 'Name', 'Employees']);
      for (let i = 1; i <= 30; i++) ws.addRow([i <= 15 ? 'East' : 'West', `M-${i}`, `Merged ${i}`, i * 3]);
      ws.mergeCells('A2:A16');
      ws.mergeCells('A17:A31');
      wb.addWorksheet('Notes').addRow(['n/a']);
    })],
    ['empty workbook', await book((wb) => wb.addWorksheet('Empty'))],
  ];
  for (const f of extra) files.push([basename(f), readFileSync(f)]);
  return files;
}

async function importBytes(ws: Workspace, bytes: Uint8Array, sheet?: string) {
  const p = await previewFile('accounts', bytes, false, sheet ? { sheet } : {});
  if (!p.ok) return p;
  async function* one() {
    yield bytes;
  }
  return runImport(ws, { kind: 'accounts', read: p.value.read, mapping: p.value.mapping }, one());
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'tessera-workbook-bench-'));
  const ws = Workspace.create(join(dir, 'demo.tessera'), true);
  try {
    let imported = 0;
    let refused = 0;
    let crashed = 0;
    for (const [name, bytes] of await corpus()) {
      try {
        const r = await importBytes(ws, bytes, name.includes('3 sheets') ? 'Accounts' : undefined);
        if (r.ok) {
          imported++;
          const s = r.value;
          console.log(`imported  ${name}: rows ${s.rows} = imported ${s.imported} + rejected ${s.rejected}; issues ${s.issues.length}`);
        } else {
          refused++;
          console.log(`refused   ${name}: [${r.error.code}] ${r.error.message}`);
        }
      } catch (e) {
        crashed++;
        console.log(`CRASHED   ${name}: ${(e as Error).stack}`);
      }
    }
    console.log(`\ncorpus: tried ${imported + refused + crashed}, imported ${imported}, refused cleanly ${refused}, crashed ${crashed}\n`);

    const big = await book((wb) => {
      const s = wb.addWorksheet('Accounts');
      s.addRow(['Id', 'Name', 'City', 'State', 'ZIP', 'Employees', 'Potential', 'Revenue', 'Industry', 'Since']);
      for (let i = 0; i < rows; i++) s.addRow([`B-${i}`, `Company ${i}`, 'Boston', 'MA', 2100 + (i % 100), i % 700, i * 13.5, { formula: `G${i + 2}/10`, result: i * 1.35 }, 'Retail', new Date(Date.UTC(2020, 0, 1 + (i % 365)))]);
      s.getColumn(5).numFmt = '00000';
    });
    const csv = ['Id,Name,City,State,ZIP,Employees,Potential,Revenue,Industry,Since'];
    for (let i = 0; i < rows; i++) csv.push(`B-${i},Company ${i},Boston,MA,0${2100 + (i % 100)},${i % 700},${i * 13.5},${i * 1.35},Retail,2020-01-01`);
    writeFileSync(join(dir, 'big.xlsx'), big);
    writeFileSync(join(dir, 'big.csv'), `${csv.join('\n')}\n`);
    // Each in a fresh process, so its peak RSS is its own.
    for (const f of ['big.xlsx', 'big.csv']) {
      const out = execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--measure', join(dir, f)], { encoding: 'utf8' });
      console.log(`${f}: ${rows.toLocaleString('en-US')} rows x 10 columns, ${(statSync(join(dir, f)).size / 1048576).toFixed(1)} MB; ${out.trim()}`);
    }
  } finally {
    ws.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Child mode: preview and import one file into a fresh demo workspace; prints times and peak RSS. */
async function measure(path: string): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'tessera-workbook-measure-'));
  const ws = Workspace.create(join(dir, 'demo.tessera'), true);
  const rss0 = process.memoryUsage().rss;
  try {
    let t = performance.now();
    const head = readHead(path);
    const p = await previewFile('accounts', head.head, head.truncated);
    const previewMs = performance.now() - t;
    if (!p.ok) throw new Error(p.error.message);
    t = performance.now();
    const r = await runImport(ws, { kind: 'accounts', read: p.value.read, mapping: p.value.mapping }, createReadStream(path, { highWaterMark: 1 << 20 }));
    const importMs = performance.now() - t;
    if (!r.ok) throw new Error(r.error.message);
    const peak = process.resourceUsage().maxRSS * 1024;
    console.log(`preview ${(previewMs / 1000).toFixed(1)} s, import ${(importMs / 1000).toFixed(1)} s (${r.value.imported} imported), peak RSS ${(peak / 1048576).toFixed(0)} MB (${(rss0 / 1048576).toFixed(0)} MB before)`);
  } finally {
    ws.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await (process.argv[2] === '--measure' ? measure(process.argv[3]!) : main());
