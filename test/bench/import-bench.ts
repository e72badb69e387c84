// Bench: a 1M-row (~150 MB) CRM account export imported into the demo workspace (counties, point in
// polygon). Generated in a temp folder, never in the repo. Run: npx tsx test/bench/import-bench.ts [rows] [keep.tessera]
// With a second argument the workspace (demo + the generated accounts, one import pass) is kept at that path:
// the app-scale map bench opens it (`tessera serve --workspace keep.tessera`).
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createReadStream } from 'node:fs';
import { usZipCentroids } from '../../electron/services/import/gazetteer';
import { previewBytes, readHead, runImport } from '../../electron/services/import/import-service';
import { Workspace } from '../../electron/services/workspace';

const rows = Number(process.argv[2] ?? 1_000_000);
const keep = process.argv[3];
const dir = mkdtempSync(join(tmpdir(), 'tessera-import-bench-'));
const csv = join(dir, 'accounts.csv');

async function generate(): Promise<void> {
  const zips = Object.entries(usZipCentroids());
  const out = createWriteStream(csv);
  const write = (s: string) => (out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r())));
  await write('Id,Name,BillingStreet,BillingCity,BillingState,BillingPostalCode,BillingLatitude,BillingLongitude,Industry,AnnualRevenue,NumberOfEmployees,OwnerId,Type\n');
  let seed = 42;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let i = 0; i < rows; i++) {
    const [zip, p] = zips[Math.floor(rnd() * zips.length)]!;
    const kind = rnd();
    const lat = kind < 0.4 ? (p.latitude + (rnd() - 0.5) * 0.02).toFixed(5) : '';
    const lon = kind < 0.4 ? (p.longitude + (rnd() - 0.5) * 0.02).toFixed(5) : '';
    const z = kind < 0.85 ? zip : kind < 0.97 ? '' : 'N/A';
    const rev = kind > 0.99 ? 'lots' : String(Math.floor(rnd() * 5e7));
    await write(`001B${String(i).padStart(14, '0')},"Company ${i}, Inc.",${100 + (i % 9000)} Main Street Suite ${i % 500},Springfield,${kind > 0.97 ? 'IL' : ''},${z},${lat},${lon},Manufacturing,${rev},${Math.floor(rnd() * 2000)},R-${String(1 + (i % 56)).padStart(3, '0')},Customer - Direct\n`);
  }
  await new Promise<void>((r) => out.end(() => r()));
}

async function main(): Promise<void> {
  let t = performance.now();
  await generate();
  const bytes = statSync(csv).size;
  console.log(`generated ${rows.toLocaleString()} rows, ${(bytes / 1e6).toFixed(0)} MB in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  const ws = Workspace.create(keep ?? join(dir, 'bench.tessera'), true);
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
  const { head, truncated } = readHead(csv);
  const p = previewBytes('accounts', head, truncated);
  if (!p.ok) throw new Error(p.error.message);
  for (const pass of keep ? ['first import'] : ['first import', 're-import (all unchanged)']) {
    t = performance.now();
    // CPU time too: on a shared machine wall time depends on what else runs.
    const cpu = process.cpuUsage();
    const r = await runImport(ws, { kind: 'accounts', read: p.value.read, mapping: p.value.mapping }, createReadStream(csv, { highWaterMark: 1 << 20 }));
    if (!r.ok) throw new Error(r.error.message);
    const s = r.value;
    const used = process.cpuUsage(cpu);
    console.log(`${pass}: ${((performance.now() - t) / 1000).toFixed(1)} s wall, ${((used.user + used.system) / 1e6).toFixed(1)} s CPU (load average ${os.loadavg()[0]!.toFixed(1)}); rows ${s.rows}, added ${s.added}, updated ${s.updated}, unchanged ${s.unchanged}, rejected ${s.rejected}, repaired ${s.repaired}; placement ${JSON.stringify(s.placement)}; listed issues ${s.issues.length} + ${s.issuesOmitted} counted`);
  }
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  console.log(`peak RSS ${(peak / 1e6).toFixed(0)} MB (workspace with the demo open before the import: ${(rssBefore / 1e6).toFixed(0)} MB); maxRSS ${(process.resourceUsage().maxRSS / 1e3).toFixed(0)} MB`);
  ws.close();
  rmSync(dir, { recursive: true, force: true });
}

void main();
