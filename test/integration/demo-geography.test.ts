import { beforeAll, describe, expect, it } from 'vitest';
import { buildDemo, MIXED_SPLIT_SHARE } from '../../electron/services/demo/demo-geography';
import { DEMO_CONFIG } from '../../electron/services/demo/build-demo';
import type { Topology } from 'topojson-specification';
import { applyBalanceResult, designSettlePass, prepareBalance, runBalance, runKpis, settledResult, type BalanceSettings } from '../../shared/domain/balance';

type Demo = ReturnType<typeof buildDemo>;
let mixed: Demo;

describe('mixed demo geography', () => {
  beforeAll(() => {
    mixed = buildDemo('mixed');
  }, 120_000);

  it('splits the heavy metro counties into ZIP areas and leaves no unit above the split share of a territory', () => {
    expect(mixed.split).toEqual(expect.arrayContaining(['06037', '17031', '36061', '48201'])); // Los Angeles, Cook, New York, Harris
    const u = mixed.dataset.units;
    expect(new Set(u.ids).size).toBe(u.ids.length);
    for (const c of mixed.split) expect(u.ids).not.toContain(c);
    expect(u.ids.filter((id) => id.startsWith('zip:')).length).toBeGreaterThan(mixed.split.length);
    for (const m of ['accounts', 'workload'] as const) {
      const v = u.measures[m]!;
      const target = v.reduce((a, b) => a + b, 0) / DEMO_CONFIG.fieldReps;
      // Counties below the share stay whole; a ZIP area is far smaller than the county it came from.
      expect(Math.max(...v) / target).toBeLessThan(1);
      const counties = v.filter((_, i) => !u.ids[i]!.startsWith('zip:'));
      expect(Math.max(...counties) / target).toBeLessThanOrEqual(MIXED_SPLIT_SHARE);
    }
  });

  it('keeps every account placed and every scenario assigning exactly the units of the dataset', () => {
    const d = mixed.dataset;
    expect(d.accounts.unitIndex.every((i) => i >= 0 && i < d.units.ids.length)).toBe(true);
    expect(d.units.measures.accounts!.reduce((a, b) => a + b, 0)).toBe(d.accounts.ids.length);
    const ids = new Set<string>(d.units.ids);
    for (const s of mixed.scenarios) {
      const geo = s.payload.alignments[0]!.assignment;
      expect(Object.keys(geo).filter((k) => !ids.has(k))).toEqual([]);
      expect(d.units.ids.filter((id) => geo[id] === undefined)).toEqual([]);
    }
    for (const r of d.reps) if (r.homeUnitId !== null) expect(ids.has(r.homeUnitId)).toBe(true);
  });

  it('designs 56 contiguous territories at ±5 %, in band with the named accounts counted as the saved scenario counts them', () => {
    const d = mixed.dataset;
    const payload = mixed.scenarios[0]!.payload;
    expect(Object.keys(payload.accountOverrides).length).toBeGreaterThan(0);
    // A generous limit: the run ends when it is done, so the result does not depend on the machine's speed.
    const settings: BalanceSettings = { mode: 'design', k: 56, measures: ['potential'], tolerance: 0.05, contiguity: true, objective: 'sum', seed: 1, timeLimitMs: 120_000 };
    const prepared = prepareBalance(d, payload, settings);
    if (!prepared.ok) throw new Error(prepared.error.message);
    const first = runBalance(prepared.value.input);
    const settle = designSettlePass(d, payload, prepared.value, first)!;
    expect(settle.input.fixedLoads).toBeDefined();
    const result = settledResult(first, runBalance(settle.input));
    expect(result.report.nonContiguous).toBe(0);
    expect(result.report.violations).toEqual([]);
    const applied = applyBalanceResult(d, payload, settle, result);
    const kpis = runKpis(d, applied, settle, result);
    expect(kpis.territories).toHaveLength(56);
    expect(kpis.worstDeviation).toBeLessThanOrEqual(0.05 + 1e-9);
    // No unit is too heavy for a territory: the pre-check proves nothing impossible.
    expect(result.report.violations.filter((v) => v.proven)).toEqual([]);
  }, 180_000);

  it('draws one polygon per unit, in unit order, with the states', () => {
    const topo = mixed.dataset.geometry!.topology as Topology;
    const units = topo.objects[mixed.dataset.geometry!.unitsObject] as unknown as { geometries: { id: string; type: string | null }[] };
    expect(units.geometries.map((g) => g.id)).toEqual(mixed.dataset.units.ids);
    expect(topo.objects.states).toBeDefined();
  });
});
