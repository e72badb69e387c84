import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../fixtures/run-cli';
import { createServices } from '../../electron/services/app-services';
import { balanceWorkspace } from '../../electron/services/balance/run-workspace';
import { fillDataset, Workspace } from '../../electron/services/workspace';
import { useTempDir } from '../fixtures/temp';
import { tinyDataset, tinyPayload } from '../fixtures/tiny-dataset';

const tempDir = useTempDir();


/** A w x h grid of units with a potential column and 4-neighbour edges. */
function gridFiles(dir: string, w = 8, h = 8, extra: (i: number) => string = () => ''): { units: string; edges: string } {
  const units = ['id,x,y,potential' + (extra(-1) ? `,${extra(-1)}` : '')];
  const edges = ['from,to'];
  for (let i = 0; i < w * h; i++) {
    const x = i % w; const y = Math.floor(i / w);
    units.push(`u${i},${x},${y},${10 + ((i * 7) % 13)}${extra(i) ? `,${extra(i)}` : ''}`);
    if (x + 1 < w) edges.push(`u${i},u${i + 1}`);
    if (y + 1 < h) edges.push(`u${i},u${i + w}`);
  }
  const paths = { units: join(dir, 'units.csv'), edges: join(dir, 'edges.csv') };
  writeFileSync(paths.units, units.join('\n') + '\n');
  writeFileSync(paths.edges, edges.join('\n') + '\n');
  return paths;
}

describe('tessera balance on plain files', () => {
  it('writes id,territory,is_center and a JSON summary with the LP bound', async () => {
    const dir = tempDir();
    const f = gridFiles(dir);
    const out = join(dir, 'assignment.csv');
    const res = await cli('balance', '--units', f.units, '--edges', f.edges, '--out', out, '--territories', '4', '--tolerance', '0.1', '--contiguous', '--seed', '3', '--time-limit', '2');
    expect(res.err).toBe('');
    expect(res.code).toBe(0);
    const summary = JSON.parse(res.out);
    expect(summary).toMatchObject({ units: 64, k: 4, nonContiguous: 0, measures: ['potential'] });
    expect(summary.worstDeviation).toBeLessThanOrEqual(0.1);
    expect(summary.lowerBound.bound).toBeGreaterThan(0);
    expect(summary.lowerBound.gap).toBeGreaterThanOrEqual(0);
    // The LP bound is computed first; this plan reaches it, so the search stops there (well before --time-limit 2).
    expect(summary.stoppedBy).toBe('bound');
    expect(summary.lowerBound.gap).toBe(0);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('id,territory,is_center');
    expect(lines).toHaveLength(65);
    expect(lines.filter((l) => l.endsWith(',1'))).toHaveLength(4);
    expect(new Set(lines.slice(1).map((l) => l.split(',')[1]))).toEqual(new Set(['T1', 'T2', 'T3', 'T4']));
  });

  it('rebalances an existing territory column, keeps locked units and is deterministic for a seed with a step budget', async () => {
    const dir = tempDir();
    const f = gridFiles(dir, 6, 6, (i) => (i < 0 ? 'territory,locked' : `${i % 6 < 2 ? 'West' : 'East'},${i === 0 ? 1 : 0}`));
    const run = async (name: string) => {
      const out = join(dir, name);
      const res = await cli('balance', '--units', f.units, '--edges', f.edges, '--out', out, '--territories', '2', '--tolerance', '0.05', '--seed', '9', '--perturbations', '30', '--no-bound');
      expect(res.code).toBe(0);
      return { summary: JSON.parse(res.out), csv: readFileSync(out, 'utf8') };
    };
    const a = await run('a.csv');
    const b = await run('b.csv');
    expect(a.csv).toBe(b.csv);
    expect(a.summary.disruption.unitsMoved).toBeGreaterThan(0);
    expect(a.csv).toContain('u0,West,');
    expect(a.summary.worstDeviation).toBeLessThan(0.2);
  });

  it('--max alone is a capacity without a lower band (a ±5 % band would forbid loads 3 and 1)', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'units.csv'), 'id,x,y,potential\na,0,0,1\nb,1,0,1\nc,2,0,1\nd,10,0,1\n');
    const out = join(dir, 'o.csv');
    const res = await cli('balance', '--units', join(dir, 'units.csv'), '--out', out, '--territories', '2', '--max', '3', '--weight', 'uniform', '--no-bound');
    expect(res.err).toBe('');
    const summary = JSON.parse(res.out);
    expect(summary.feasible).toBe(true);
    expect(summary.territories.map((t: { measures: { potential: number } }) => t.measures.potential).sort()).toEqual([1, 3]);
    const terr = Object.fromEntries(readFileSync(out, 'utf8').trim().split('\n').slice(1).map((l) => l.split(',').slice(0, 2)));
    expect(terr.a).toBe(terr.b);
    expect(terr.b).toBe(terr.c);
    expect(terr.d).not.toBe(terr.a);
  });

  it('--weight sets the compactness weights: the centre is the weighted median by the measure, the plain median when uniform', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'units.csv'), 'id,x,y,potential\na,0,0,1\nb,1,0,1\nc,2,0,100\n');
    const centre = async (weight: string) => {
      const out = join(dir, `${weight}.csv`);
      const res = await cli('balance', '--units', join(dir, 'units.csv'), '--out', out, '--territories', '1', '--weight', weight, '--no-bound');
      expect(res.code).toBe(0);
      return readFileSync(out, 'utf8').trim().split('\n').find((l) => l.endsWith(',1'))!.split(',')[0];
    };
    expect(await centre('measure')).toBe('c');
    expect(await centre('uniform')).toBe('b');
  });

  it('--objective diameter reports each territory diameter and their maximum as the compactness', async () => {
    const dir = tempDir();
    const f = gridFiles(dir, 6, 6);
    const res = await cli('balance', '--units', f.units, '--edges', f.edges, '--out', join(dir, 'o.csv'), '--territories', '3', '--tolerance', '0.1', '--contiguous', '--objective', 'diameter', '--seed', '2');
    expect(res.code).toBe(0);
    const summary = JSON.parse(res.out);
    expect(summary.objective).toBe('diameter');
    expect(summary.nonContiguous).toBe(0);
    expect(summary.lowerBound).toEqual({ skipped: 'the diameter objective has no LP bound here' });
    const diameters = summary.territories.map((t: { diameter: number }) => t.diameter);
    expect(diameters.every((d: number) => d > 0)).toBe(true);
    expect(summary.compactness).toBe(Math.max(...diameters));
  });

  it.each([
    ['no units', 'id,x,y,potential\n', undefined, [], /no units/],
    ['K greater than units', 'id,x,y,potential\na,0,0,1\nb,1,0,1\n', undefined, ['--territories', '3'], /--territories 3 is greater than the number of units \(2\)/],
    ['a NaN measure', 'id,x,y,potential\na,0,0,1\nb,1,0,abc\n', undefined, [], /line 3, column "potential": "abc" is not a number/],
    ['a negative measure', 'id,x,y,potential\na,0,0,1\nb,1,0,-4\n', undefined, [], /line 3, column "potential": -4 is negative/],
    ['duplicate ids', 'id,x,y,potential\na,0,0,1\na,1,0,2\n', undefined, [], /line 3, column "id": duplicate id "a" \(first on line 2\)/],
    ['edges naming unknown ids', 'id,x,y,potential\na,0,0,1\nb,1,0,2\n', 'from,to\na,b\nb,zz\n', [], /edges\.csv line 3, column "to": unknown unit id "zz"/],
    ['tolerance out of range', 'id,x,y,potential\na,0,0,1\nb,1,0,2\n', undefined, ['--tolerance', '1.5'], /--tolerance 1.5 is out of range/],
    ['no coordinates', 'id,potential\na,1\n', undefined, [], /needs columns "x,y" or "lon,lat"/],
    ['a stray quote', `id,x,y,potential\na,0,0,1\n"b,1,0,2\n${Array.from({ length: 50 }, (_, i) => `c${i},${i},1,1`).join('\n')}\n`, undefined, [], /units\.csv: .*unclosed quote opened at line 3/],
    ['an unknown objective', 'id,x,y,potential\na,0,0,1\n', undefined, ['--objective', 'radius'], /--objective must be sum, max or diameter, got "radius"/],
    ['an unknown weight', 'id,x,y,potential\na,0,0,1\n', undefined, ['--weight', 'area'], /--weight must be measure or uniform, got "area"/],
    ['bad --perturbations', 'id,x,y,potential\na,0,0,1\n', undefined, ['--perturbations', 'many'], /--perturbations must be a whole number >= 0 or until-time-limit, got "many"/],
    ['--max alone with two measures', 'id,x,y,p,q\na,0,0,1,1\n', undefined, ['--measures', 'p,q', '--max', '5'], /--min\/--max bound the first measure only; give --tolerance/],
  ])('exits 1 with a clear message for %s', async (_name, units, edges, extra, message) => {
    const dir = tempDir();
    writeFileSync(join(dir, 'units.csv'), units);
    if (edges) writeFileSync(join(dir, 'edges.csv'), edges);
    const args = ['balance', '--units', join(dir, 'units.csv'), '--out', join(dir, 'o.csv'), '--territories', '1', ...extra];
    if (edges) args.push('--edges', join(dir, 'edges.csv'));
    const res = await cli(...args);
    expect(res.code).toBe(1);
    expect(res.err).toMatch(message);
  });
});

describe('tessera balance on a workspace', () => {
  function tinyWorkspace(): string {
    const path = join(tempDir(), 'tiny.tessera');
    Workspace.createWith(path, (db) => fillDataset(db, tinyDataset(), [{ name: 'Current plan', description: '', payload: tinyPayload() }], 't', 'n')).close();
    return path;
  }

  it('creates scenario NEW from BASE, then adds a version when NEW exists, and prints the report', async () => {
    const path = tinyWorkspace();
    const first = await cli('balance', '-w', path, '-s', 'Balanced', '--from', 'Current plan', '--measures', 'potential', '--tolerance', '0.2', '--contiguous', '--json');
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    const j = JSON.parse(first.out);
    expect(j.saved).toMatchObject({ scenarioName: 'Balanced', version: 2, created: true });
    expect(j.territories.map((t: { territory: string }) => t.territory)).toEqual(['West', 'East']);
    // Default alignment: A+D (50) vs B+C (50) is the only split within ±20% of the units' accounts — reached from
    // West A,C / East B,D. The report shows the saved plan's KPIs, which also count East's named account a6 (60).
    expect(j.feasible).toBe(true);
    const kpis = JSON.parse((await cli('kpis', '-w', path, '-s', 'Balanced', '--json')).out);
    expect(j.worstDeviation).toBeCloseTo(kpis.potentialBalance.worstDeviation, 12);
    const again = await cli('balance', '-w', path, '-s', 'Balanced', '--measures', 'potential', '--tolerance', '0.2');
    expect(again.code).toBe(0);
    expect(again.out).toContain('Saved Balanced v3');
    expect(again.out).toMatch(/territory\s+units\s+centre\s+potential\s+deviation/);
    const ws = Workspace.open(path, { readOnly: true });
    try {
      const names = ws.info().scenarios.map((s) => [s.name, s.headVersion]);
      expect(names).toEqual(expect.arrayContaining([['Current plan', 1], ['Balanced', 3]]));
    } finally {
      ws.close();
    }
  });

  it('creates NEW and saves its balanced version in one transaction: a failed save leaves no scenario behind', async () => {
    const path = tinyWorkspace();
    const services = createServices({ mode: 'direct', workspace: path });
    try {
      // Stands in for a disk that fills up between the two writes: the balanced version (v2) cannot be stored.
      // (Added after opening: a workspace holding a trigger is refused on open.)
      services.workspace().db.exec("CREATE TEMP TRIGGER fail_v2 BEFORE INSERT ON main.scenario_versions WHEN NEW.version = 2 BEGIN SELECT RAISE(ABORT, 'disk full'); END");
      const settings = { mode: 'rebalance' as const, measures: ['potential'], tolerance: 0.2, contiguity: false, objective: 'sum' as const };
      await expect(balanceWorkspace(services, { scenario: 'Balanced', from: 'Current plan', settings, bound: false })).rejects.toThrow(/disk full/);
      expect((await services.api['scenario.list']({})).map((s) => s.name)).toEqual(['Current plan']);
    } finally {
      services.close();
    }
  });

  it('exits 1 for an unknown measure, a missing base scenario, or K below the current count', async () => {
    const path = tinyWorkspace();
    const m = await cli('balance', '-w', path, '-s', 'X', '--measures', 'nope');
    expect([m.code, m.err]).toEqual([1, expect.stringMatching(/Unknown measure "nope"/)]);
    const b = await cli('balance', '-w', path, '-s', 'X', '--from', 'Missing');
    expect([b.code, b.err]).toEqual([1, expect.stringMatching(/--from:/)]);
    const k = await cli('balance', '-w', path, '-s', 'X', '--territories', '1');
    expect([k.code, k.err]).toEqual([1, expect.stringMatching(/Rebalancing keeps the 2 territories/)]);
  });
});
