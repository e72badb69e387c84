import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createServices } from '../../electron/services/app-services';
import { cli } from '../fixtures/run-cli';
import { useTempDir } from '../fixtures/temp';

const FIX = join(__dirname, '..', 'fixtures', 'import');
const hospitals = join(FIX, 'cms-hospitals.csv');
const reps = join(FIX, 'reps-org.csv');

type Kpis = { rows: { name: string; units: number; accounts: number; repName: string | null }[] };
const json = async <T>(...args: string[]): Promise<T> => {
  const r = await cli(...args, '--json');
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.out) as T;
};

describe('new workspace from your own data', () => {
  const temp = useTempDir();

  it('creates an empty US-counties workspace by name, imports accounts and reps into it, then makes a starting scenario', async () => {
    const dataDir = temp();
    const services = createServices({ mode: 'browser', dataDir });
    const made = await services.api['workspace.create']({ name: 'hospitals.tessera', demo: false, geography: 'counties' });
    if (!made.ok) throw new Error(made.error.message);
    expect(made.value).toMatchObject({ name: 'hospitals.tessera', isDemo: false, datasetName: 'US counties', counts: { units: 3144, accounts: 0, reps: 0 }, scenarios: [] });
    expect(made.value.counts.edges).toBeGreaterThan(8000);
    // An empty workspace comes in counties or ZIP areas only; mixed is a demo.
    const bad = await services.api['workspace.create']({ name: 'x.tessera', demo: false, geography: 'mixed' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid', message: 'A new empty workspace comes in counties or zips, not "mixed".' } });
    services.close();

    const ws = join(dataDir, 'hospitals.tessera');
    const acc = await json<{ summary: { imported: number; unplaced: { name: string; reason: string }[] } }>('import', 'accounts', hospitals, '-w', ws);
    expect(acc.summary.imported).toBe(11);
    expect(acc.summary.unplaced).toEqual([expect.objectContaining({ name: 'HOSPITAL DE DAMAS', reason: "ZIP 00733 (Puerto Rico) is outside the workspace's geography" })]);
    const rep = await json<{ mapping: Record<string, string>; summary: { imported: number; unplaced: { name: string; reason: string }[] } }>('import', 'reps', reps, '-w', ws);
    expect(rep.mapping).toMatchObject({ manager: 'Manager', team: 'Team', region: 'Region', office: 'Regional Office' });
    expect(rep.summary.imported).toBe(9);
    expect(rep.summary.unplaced.map((u) => u.name)).toEqual(['Robin Hale', 'Casey Moore', 'Marisol Vega']);

    const info = await json<{ counts: { accounts: number; reps: number }; scenarios: unknown[] }>('info', ws);
    expect(info).toMatchObject({ counts: { accounts: 11, reps: 9 }, scenarios: [] });

    // The workspace has no scenario: the starter makes one per placed rep, and says who it left out.
    const starter = await cli('scenario', 'starter', '-w', ws, '--per-rep');
    expect(starter.out).toMatch(/Left out, with no home location: Robin Hale, Casey Moore, Marisol Vega\./);
    const k = await json<Kpis>('kpis', '-w', ws);
    expect(k.rows.map((r) => r.repName)).toEqual(['Dana Whitfield', 'Luis Ortega', 'Priya Raman', "Sam O'Neil", 'Kim Tran', 'Alex Fischer']);
    expect(k.rows.reduce((s, r) => s + r.units, 0)).toBe(3144);
    // The ten hospitals in the states are all in some territory (the one in Puerto Rico is outside every county).
    expect(k.rows.reduce((s, r) => s + r.accounts, 0)).toBe(10);
  }, 120_000);

  it('creates an empty US ZIP-areas workspace from the CLI, imports accounts by ZIP and offers state groups', async () => {
    const ws = join(temp(), 'zips.tessera');
    const made = await cli('new', ws, '--geography', 'zips');
    expect(made.code).toBe(0);
    expect(made.out).toMatch(/US ZIP areas: 33,642 units, [\d,]+ adjacencies, no accounts, reps or scenarios/);
    const acc = await json<{ summary: { imported: number; placement: Record<string, number>; unplaced: { name: string }[] } }>('import', 'accounts', hospitals, '-w', ws);
    expect(acc.summary.imported).toBe(11);
    // Every hospital in a state lands in a ZIP area; the one in Puerto Rico is outside them all.
    expect(acc.summary.unplaced.map((u) => u.name)).toEqual(['HOSPITAL DE DAMAS']);
    await cli('scenario', 'starter', '-w', ws, '-k', '4', '--measure', 'accounts');
    const k = await json<Kpis>('kpis', '-w', ws);
    expect(k.rows).toHaveLength(4);
    expect(k.rows.reduce((s, r) => s + r.accounts, 0)).toBe(10);
    expect((await cli('new', ws, '--geography', 'zips')).err).toMatch(/already exists/);
    expect((await cli('new', join(temp(), 'm.tessera'), '--geography', 'mixed')).err).toMatch(/comes in counties or zips, not "mixed"/);
  }, 120_000);
});
