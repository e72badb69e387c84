import { execFile } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main';
import { appendVersion, findScenario, readVersion } from '../../electron/db/scenario-repo';
import { APP_VERSION } from '../../electron/services/app-services';
import type { Io } from '../../electron/cli/output';
import { fillDataset, Workspace } from '../../electron/services/workspace';
import { useTempDir } from '../fixtures/temp';
import { tinyDataset, tinyPayload } from '../fixtures/tiny-dataset';

const tempDir = useTempDir();
const BIN = resolve(__dirname, '../../bin/tessera.mjs');

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: Io = { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) };
  const code = await runCli(args, io);
  return { code, out, err };
}

function tinyWorkspace(): string {
  const path = join(tempDir(), 'tiny.tessera');
  Workspace.createWith(path, (db) => fillDataset(db, tinyDataset(), [{ name: 'Current plan', description: '', payload: tinyPayload() }], 't', 'n')).close();
  return path;
}

describe('tessera CLI', () => {
  it('prints counts and scenarios with info, as text and as JSON', async () => {
    const path = tinyWorkspace();
    const text = await cli('info', path);
    expect(text.code).toBe(0);
    expect(text.out).toContain('Units 4, adjacencies 4, accounts 6, reps 2');
    expect(text.out).toContain('Current plan');
    const json = await cli('info', path, '--json');
    expect(JSON.parse(json.out)).toMatchObject({ counts: { units: 4, accounts: 6 }, scenarios: [{ name: 'Current plan', headVersion: 1 }] });
  });

  it('prints territory KPIs of a scenario as JSON', async () => {
    const res = await cli('kpis', '--workspace', tinyWorkspace(), '--scenario', 'Current plan', '--json');
    expect(res.code).toBe(0);
    const t = JSON.parse(res.out);
    expect(t.rows.map((r: { name: string; potential: number }) => [r.name, r.potential])).toEqual([['West', 540], ['East', 120]]);
  });

  it('exits 1 with a clear message for a file that is not a workspace', async () => {
    const path = join(tempDir(), 'accounts.csv');
    writeFileSync(path, 'Id,Name\n1,Acme\n');
    const res = await cli('info', path);
    expect(res.code).toBe(1);
    expect(res.err).toMatch(/accounts\.csv is not a Tessera workspace/);
  });

  it('exits 1 naming an unknown scenario', async () => {
    const res = await cli('kpis', '-w', tinyWorkspace(), '-s', 'Nope');
    expect(res.code).toBe(1);
    expect(res.err).toMatch(/No scenario named or numbered "Nope"/);
  });

  it('passes --version after a command to the command (a scenario version), not to the program', async () => {
    const path = tinyWorkspace();
    const w = Workspace.open(path);
    const s = findScenario(w.db, 'Current plan')!;
    appendVersion(w.db, s.id, 1, readVersion(w.db, s)!.payload, 'test', 'second');
    w.close();
    const out = join(tempDir(), 'v1.csv');
    const res = await cli('export', '-w', path, '-s', 'Current plan', '-f', 'assignments-csv', '-o', out, '--version', '1');
    expect([res.code, res.err]).toEqual([0, '']);
    expect(res.out).toMatch(/"Current plan" v1/);
    expect(existsSync(out)).toBe(true);
    expect((await cli('kpis', '-w', path, '-s', 'Current plan', '--version', '2', '--json')).out).not.toContain('0.1.0');
    const bad = await cli('export', '-w', path, '-s', 'Current plan', '-f', 'assignments-csv', '-o', out, '--version', 'x');
    expect([bad.code, bad.err]).toEqual([2, expect.stringMatching(/--version needs a whole number of 1 or more, got "x"/)]);
    const program = await cli('--version');
    expect([program.code, program.out.trim()]).toEqual([0, APP_VERSION]);
  });

  it('exits 1 naming the measure when KPI totals are not finite (values written by an older import)', async () => {
    const path = join(tempDir(), 'huge.tessera');
    const data = tinyDataset();
    data.accounts.potential = data.accounts.potential.map(() => 1e308);
    Workspace.createWith(path, (db) => fillDataset(db, data, [{ name: 'Current plan', description: '', payload: tinyPayload() }], 't', 'n')).close();
    const res = await cli('kpis', '-w', path, '-s', 'Current plan');
    expect([res.code, res.err]).toEqual([1, expect.stringMatching(/^tessera: Territory KPIs cannot be computed: the total potential is Infinity/)]);
  });

  it('exits 2 on bad usage', async () => {
    expect((await cli('frobnicate')).code).toBe(2);
    expect((await cli('kpis')).code).toBe(2);
    expect((await cli('info')).code).toBe(2);
  });

  it('refuses to overwrite an existing file with demo unless forced, and never a non-workspace', async () => {
    const path = join(tempDir(), 'precious.txt');
    writeFileSync(path, 'precious');
    expect((await cli('demo', '--workspace', path)).code).toBe(1);
    const forced = await cli('demo', '--workspace', path, '--force');
    expect(forced.code).toBe(1);
    expect(forced.err).toMatch(/not a Tessera workspace/);
  });

  it('refuses an unknown demo geography, naming the choices', async () => {
    const r = await cli('demo', '--workspace', join(tempDir(), 'geo.tessera'), '--geography', 'states');
    expect(r.code).toBe(1);
    expect(r.err).toContain('Unknown demo geography "states"; choose counties, zips, mixed.');
  });

  it('writes the demo workspace, and the real binary exits with the documented codes', async () => {
    const path = join(tempDir(), 'demo.tessera');
    const run = promisify(execFile);
    const { stdout } = await run(process.execPath, [BIN, 'demo', '--workspace', path, '--json']);
    const info = JSON.parse(stdout);
    expect(info.counts.units).toBeGreaterThan(3100);
    expect(info.counts.accounts).toBeGreaterThanOrEqual(49_000);
    expect(info.seconds).toEqual(expect.any(Number)); // reported, never asserted against a budget
    await expect(run(process.execPath, [BIN, 'info', join(tempDir(), 'missing.tessera')])).rejects.toMatchObject({ code: 1 });
    await expect(run(process.execPath, [BIN, '--no-such-flag'])).rejects.toMatchObject({ code: 2 });
  }, 180_000 /* the default mixed demo decodes the ZIP areas too */);
});
