import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createServices } from '../../electron/services/app-services';
import { buildIncrementalKpis, currentKpis } from '../../shared/domain/editing/incremental-kpis';
import { computeTerritoryKpis } from '../../shared/domain/kpi/territory-kpis';
import { indexAlignment, resolveAccountTerritories, territoryGroups } from '../../shared/domain/territories/resolve';
import { cli } from '../fixtures/run-cli';
import { useTempDir } from '../fixtures/temp';

const tempDir = useTempDir();

type RunJson = {
  worstDeviation: number;
  territories: { territory: string; deviations: Record<string, number> }[];
  removed: { name: string }[];
  reassigned: { accountId: string; from: string; to: string | null }[];
};

describe('design from scratch on the demo', () => {
  it('saves exactly K territories whose KPIs equal the run report in every view', async () => {
    const file = join(tempDir(), 'demo.tessera');
    expect((await cli('demo', '--workspace', file, '--geography', 'counties')).code).toBe(0);
    const res = await cli('balance', '--workspace', file, '--scenario', 'K12', '--from', 'Current plan', '--mode', 'design', '--territories', '12',
      '--measures', 'potential,accounts', '--tolerance', '0.05', '--contiguous', '--no-bound', '--time-limit', '2', '--json');
    expect(res.err).toBe('');
    const run = JSON.parse(res.out) as RunJson;
    expect(run.territories).toHaveLength(12);
    // Named accounts of territories that no longer exist are listed with where they went.
    expect(run.reassigned.length).toBeGreaterThan(0);
    expect(run.reassigned.every((a) => a.to !== null && run.territories.some((t) => t.territory === a.to))).toBe(true);
    const runPotential = new Map(run.territories.map((t) => [t.territory, t.deviations.potential!]));
    const runWorstPotential = Math.max(...[...runPotential.values()].map(Math.abs));

    const services = createServices({ mode: 'direct', workspace: file });
    try {
      const v = await services.api['scenario.get']({ scenario: 'K12' });
      if (!v.ok) throw new Error(v.error.message);
      const p = v.value.payload;
      const geo = p.alignments.find((a) => a.segments.length === 0)!;
      expect(new Set(Object.values(geo.assignment)).size).toBe(12);
      // Every territory holds units: the 12 designed ones plus the untouched Enterprise overlay.
      const inAlignments = new Set(p.alignments.flatMap((a) => Object.values(a.assignment) as string[]));
      expect(p.territories.every((t) => inAlignments.has(t.id))).toBe(true);
      expect(p.territories.filter((t) => t.name.startsWith('Enterprise'))).toHaveLength(4);
      const namedTo = new Set(Object.values(p.accountOverrides) as string[]);
      expect([...namedTo].every((id) => p.territories.some((t) => t.id === id))).toBe(true);

      // tessera kpis
      const kpis = JSON.parse((await cli('kpis', '--workspace', file, '--scenario', 'K12', '--json')).out) as {
        rows: { name: string; potentialDeviation: number }[]; potentialBalance: { worstDeviation: number };
      };
      expect(kpis.potentialBalance.worstDeviation).toBeCloseTo(runWorstPotential, 12);
      for (const [name, d] of runPotential) expect(kpis.rows.find((r) => r.name === name)!.potentialDeviation).toBeCloseTo(d, 12);

      // the grid: the KPI worker's full computation and the incremental one used while editing
      const ws = services.workspace();
      const units = ws.units(); const accounts = ws.accounts();
      const idx = indexAlignment(p, units.ids, accounts);
      const columns = { accountUnit: Int32Array.from(accounts.unitIndex), potential: Float64Array.from(accounts.potential), revenue: Float64Array.from(accounts.revenue), workload: Float64Array.from(accounts.workload) };
      const accountTerritory = resolveAccountTerritories(columns.accountUnit, idx.accountAlignment, idx.accountOverride, idx.unitTerritory);
      const grid = computeTerritoryKpis(p.territories.length, { ...columns, accountTerritory }, territoryGroups(p.territories.length, idx.unitTerritory));
      const incremental = currentKpis(buildIncrementalKpis(columns, { territoryCount: p.territories.length, unitCount: units.ids.length, unitTerritory: idx.unitTerritory, accountAlignment: idx.accountAlignment, accountOverride: idx.accountOverride }));
      for (const k of [grid, incremental]) {
        expect(k.potentialBalance.worstDeviation).toBeCloseTo(runWorstPotential, 12);
        p.territories.forEach((t, i) => { if (runPotential.has(t.name)) expect(k.rows[i]!.potentialDeviation).toBeCloseTo(runPotential.get(t.name)!, 12); });
      }

      // compare
      const cmp = JSON.parse((await cli('compare', '--workspace', file, 'Current plan', 'K12', '--json')).out) as { scenarios: { name: string; metrics: { potentialBalance: { worstDeviation: number } } }[] };
      expect(cmp.scenarios.find((s) => s.name === 'K12')!.metrics.potentialBalance.worstDeviation).toBeCloseTo(runWorstPotential, 12);

      // dashboard
      const dash = await services.api['dashboard.get']({ scenario: 'K12' });
      if (!dash.ok) throw new Error(dash.error.message);
      expect(dash.value.dashboard.balance.potential.worstDeviation).toBeCloseTo(runWorstPotential, 12);
      for (const t of dash.value.dashboard.territories) if (runPotential.has(t.name)) expect(t.potentialDeviation).toBeCloseTo(runPotential.get(t.name)!, 12);
    } finally {
      services.close();
    }

    // report (its KPI cards print the dashboard's numbers)
    const html = join(tempDir(), 'k12.html');
    expect((await cli('report', '--workspace', file, '--scenario', 'K12', '--html', '-o', html)).code).toBe(0);
    const text = readFileSync(html, 'utf8').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(text).toContain(`Potential: worst deviation ${(runWorstPotential * 100).toFixed(1)}%`);
  }, 120_000);
});
