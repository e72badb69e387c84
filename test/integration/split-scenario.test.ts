import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../fixtures/run-cli';
import { createServices } from '../../electron/services/app-services';
import type { UnitId } from '../../shared/domain/ids';
import { useTempDir } from '../fixtures/temp';

// Counties split into their ZIP areas per scenario, on the county demo workspace: the CLI edits, every reader
// (KPIs, compare, balance, exports) at the scenario's own units, and merging back.

const tempDir = useTempDir();


type KpiJson = { rows: { name: string; units: number; accounts: number; potential: number }[]; unassignedAccounts: number };
const kpis = async (w: string, scenario: string): Promise<KpiJson> => JSON.parse((await cli('kpis', '-w', w, '--scenario', scenario, '--json')).out) as KpiJson;

describe('splitting counties into ZIP areas per scenario', () => {
  let w = '';
  // One demo workspace for the whole suite (the tests build on each other's scenarios).
  const shared = mkdtempSync(join(tmpdir(), 'tessera-split-'));
  afterAll(() => rmSync(shared, { recursive: true, force: true }));
  beforeAll(async () => {
    w = join(shared, 'demo.tessera');
    expect((await cli('demo', '-w', w, '--geography', 'counties')).code).toBe(0);
  }, 60_000);

  it('splits named counties as a new version: the ZIP areas keep the territory, KPIs and accounts stay, compare counts no move', async () => {
    expect((await cli('scenario', 'copy', 'Current plan', 'Metro split', '-w', w)).code).toBe(0);
    const before = await kpis(w, 'Metro split');
    const r = await cli('scenario', 'split', 'Metro split', '06037', '17031', '-w', w);
    expect(r.err).toBe('');
    expect(r.out).toMatch(/Saved "Metro split" v2: Split 2 counties into ZIP areas: 06037, 17031/);
    const after = await kpis(w, 'Metro split');
    const la = (k: KpiJson) => k.rows.find((row) => row.name === 'CA Los Angeles')!;
    expect(la(before).units).toBe(1);
    expect(la(after).units).toBeGreaterThan(250); // Los Angeles County's ZIP areas
    // Every account is placed on a ZIP area of its county: per territory nothing changes but the unit count.
    expect(after.rows.map((row) => [row.name, row.accounts, Math.round(row.potential)])).toEqual(before.rows.map((row) => [row.name, row.accounts, Math.round(row.potential)]));
    expect(after.unassignedAccounts).toBe(before.unassignedAccounts);
    const c = JSON.parse((await cli('compare', 'Metro split@1', 'Metro split@2', '-w', w, '--json')).out) as { scenarios: { diff: { units: unknown[]; accounts: unknown[] } }[] };
    expect(c.scenarios[1]!.diff.units).toHaveLength(0);
    expect(c.scenarios[1]!.diff.accounts).toHaveLength(0);
  }, 60_000);

  it('compares a county plan with a split plan per ZIP area and per account', async () => {
    expect((await cli('scenario', 'copy', 'Current plan', 'LA east', '-w', w)).code).toBe(0);
    expect((await cli('scenario', 'split', 'LA east', '06037', '-w', w)).code).toBe(0);
    // Move part of Los Angeles County (some of its ZIP areas) to the Orange County territory, through the API.
    const s = createServices({ mode: 'direct', workspace: w });
    try {
      const v = await s.api['scenario.get']({ scenario: 'LA east' });
      if (!v.ok) throw new Error(v.error.message);
      const p = v.value.payload;
      const orange = p.territories.find((t) => t.name === 'CA Orange') ?? p.territories.find((t) => t.name.startsWith('CA ') && t.name !== 'CA Los Angeles')!;
      const zips = Object.keys(p.alignments[0]!.assignment).filter((u) => u.startsWith('zip:9')).slice(0, 20);
      const assignment = { ...p.alignments[0]!.assignment };
      for (const z of zips) assignment[z as UnitId] = orange.id;
      const saved = await s.api['scenario.saveVersion']({ scenarioId: v.value.scenarioId, baseVersion: v.value.version, payload: { ...p, alignments: [{ ...p.alignments[0]!, assignment }, ...p.alignments.slice(1)] }, note: 'move 20 ZIP areas' });
      expect(saved.ok).toBe(true);
      const cmp = await s.api['compare.scenarios']({ scenarios: [{ scenario: 'Current plan' }, { scenario: 'LA east' }] });
      if (!cmp.ok) throw new Error(cmp.error.message);
      const diff = cmp.value.scenarios[1]!.diff;
      expect(diff.units).toHaveLength(20);
      expect(diff.units.every((u) => u.unitId.startsWith('zip:'))).toBe(true);
      expect(diff.accounts.length).toBeGreaterThan(0);
      expect(Object.values(cmp.value.labels.units).some((l) => /^ZIP 9\d{4}/.test(l))).toBe(true);
      // A payload splitting what cannot be split is refused with the reason.
      const bad = await s.api['scenario.saveVersion']({ scenarioId: v.value.scenarioId, baseVersion: v.value.version + 1, payload: { ...p, splitUnits: ['99999' as UnitId] }, note: 'bad' });
      expect(bad.ok).toBe(false);
      if (!bad.ok) expect(bad.error.message).toMatch(/99999 is not in this workspace/);
    } finally {
      s.close();
    }
  }, 60_000);

  it('writes ZIP-level assignments and outlines for a split scenario', async () => {
    const dir = tempDir();
    const csv = join(dir, 'a.csv');
    expect((await cli('export', '-w', w, '--scenario', 'Metro split', '--format', 'assignments-csv', '--out', csv)).code).toBe(0);
    const lines = readFileSync(csv, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(50_001);
    expect(lines.some((l) => l.includes(',zip:900'))).toBe(true); // accounts of Los Angeles County on its ZIP areas
    const gj = join(dir, 't.geojson');
    expect((await cli('export', '-w', w, '--scenario', 'Metro split', '--format', 'geojson', '--out', gj)).code).toBe(0);
    const fc = JSON.parse(readFileSync(gj, 'utf8')) as { features: { properties: { name: string; units: number } }[] };
    expect(fc.features.find((f) => f.properties.name === 'CA Los Angeles')!.properties.units).toBeGreaterThan(250);
  }, 60_000);

  it('splits the heavy counties so a rebalance reports no unit too heavy, then merges one back', async () => {
    expect((await cli('scenario', 'copy', 'Current plan', 'Heavy split', '-w', w)).code).toBe(0);
    const none = await cli('balance', '-w', w, '--scenario', 'Heavy split', '--mode', 'rebalance', '--measures', 'potential', '--tolerance', '0.05', '--contiguous', '--time-limit', '2', '--json');
    const kinds = (out: string) => (JSON.parse(out) as { explanation: { issues: { kind: string; text: string }[] } }).explanation.issues.map((i) => i.kind);
    expect(kinds(none.out)).toContain('unit-too-large');
    const heavy = await cli('scenario', 'split', 'Heavy split', '--heavy', '0.25', '--measure', 'potential', '-w', w);
    expect(heavy.err).toBe('');
    const n = Number(/Split (\d+) counties/.exec(heavy.out)?.[1]);
    expect(n).toBeGreaterThan(10);
    const run = await cli('balance', '-w', w, '--scenario', 'Heavy split', '--mode', 'rebalance', '--measures', 'potential', '--tolerance', '0.05', '--contiguous', '--time-limit', '2', '--json');
    expect(run.err).toBe('');
    expect(kinds(run.out)).not.toContain('unit-too-large');
    // Merge Los Angeles back: it takes the territory holding most of its ZIP areas' potential.
    const merged = await cli('scenario', 'merge', 'Heavy split', '06037', '-w', w);
    expect(merged.out).toMatch(/Merged 1 county back from ZIP areas: 06037/);
    const k = await kpis(w, 'Heavy split');
    expect(k.unassignedAccounts).toBe(0);
    expect((await cli('scenario', 'merge', 'Heavy split', '06037', '-w', w)).err).toMatch(/Not split in "Heavy split" v\d+: 06037/);
  }, 120_000);

  it('counts leads of a split county for its territory on the dashboard', async () => {
    const dir = tempDir();
    const leads = join(dir, 'leads.csv');
    writeFileSync(leads, 'id,company,city,state,zip,status\nL-1,Acme,Los Angeles,CA,90012,Won\nL-2,Beta,Los Angeles,CA,90012,Lost\n');
    expect((await cli('import', 'leads', leads, '-w', w)).code).toBe(0);
    const s = createServices({ mode: 'direct', workspace: w, openOptions: { readOnly: true } });
    try {
      for (const name of ['Current plan', 'Metro split']) {
        const d = await s.api['dashboard.get']({ scenario: name });
        if (!d.ok) throw new Error(d.error.message);
        expect(d.value.dashboard.territories.find((t) => t.name === 'CA Los Angeles')!.closeRate).toBe(0.5);
      }
    } finally {
      s.close();
    }
  }, 60_000);

  it('refuses what cannot be split, naming it', async () => {
    expect((await cli('scenario', 'split', 'Current plan', '99999', '-w', w)).err).toMatch(/Cannot split 99999: only US counties of this workspace/);
    expect((await cli('scenario', 'split', 'Current plan', '-w', w)).err).toMatch(/Name the counties to split/);
    expect((await cli('scenario', 'split', 'Metro split', '06037', '-w', w)).err).toMatch(/Already split in "Metro split" v2: 06037/);
    expect((await cli('scenario', 'merge', 'Current plan', '06037', '-w', w)).err).toMatch(/it splits no county/);
  }, 60_000);
});
