import { describe, expect, it } from 'vitest';
import { accountTerritoryOf, buildIncrementalKpis, currentKpis, moveUnits, setOverrides, unitMeasure, unitsPerTerritory, type AccountColumns, type IncrementalKpis } from '../../../../shared/domain/editing/incremental-kpis';
import { computeTerritoryKpis, type TerritoryKpis } from '../../../../shared/domain/kpi/territory-kpis';
import { resolveAccountTerritories, territoryGroups } from '../../../../shared/domain/territories/resolve';
import { createRng } from '../../../../shared/domain/random';

/** KPIs the slow way: resolve every account, then sum (what the KPI worker and the service do). */
function fullKpis(s: IncrementalKpis): TerritoryKpis {
  const accountTerritory = resolveAccountTerritories(s.columns.accountUnit, s.accountAlignment, s.accountOverride, s.unitTerritory);
  return computeTerritoryKpis(s.territoryCount, { ...s.columns, accountTerritory }, territoryGroups(s.territoryCount, s.unitTerritory));
}

function expectSameKpis(a: TerritoryKpis, b: TerritoryKpis): void {
  expect(a.rows.length).toBe(b.rows.length);
  a.rows.forEach((r, t) => {
    const o = b.rows[t]!;
    expect(r.accounts).toBe(o.accounts);
    for (const k of ['potential', 'revenue', 'workload', 'potentialDeviation', 'workloadDeviation'] as const) expect(r[k]).toBeCloseTo(o[k], 4);
  });
  expect(a.unassigned.accounts).toBe(b.unassigned.accounts);
  expect(a.unassigned.potential).toBeCloseTo(b.unassigned.potential, 4);
  expect(a.potentialBalance.cv).toBeCloseTo(b.potentialBalance.cv, 8);
}

/** Random dataset: accounts spread over units, two alignments (the second claims ~10 % of accounts), some overrides. */
function synthetic(units: number, accounts: number, territories: number, seed = 7) {
  const rnd = createRng(seed);
  const columns: AccountColumns = {
    accountUnit: new Int32Array(accounts),
    potential: new Float64Array(accounts),
    revenue: new Float64Array(accounts),
    workload: new Float64Array(accounts),
  };
  const accountAlignment = new Uint8Array(accounts);
  const accountOverride = new Int32Array(accounts).fill(-1);
  for (let i = 0; i < accounts; i++) {
    columns.accountUnit[i] = rnd() < 0.01 ? -1 : Math.floor(rnd() * units);
    columns.potential[i] = Math.round(rnd() * 1000);
    columns.revenue[i] = Math.round(rnd() * 400);
    columns.workload[i] = Math.round(rnd() * 20);
    accountAlignment[i] = rnd() < 0.1 ? 1 : 0;
    if (rnd() < 0.001) accountOverride[i] = Math.floor(rnd() * territories);
  }
  const unitTerritory = [0, 1].map(() => Int32Array.from({ length: units }, () => (rnd() < 0.02 ? -1 : Math.floor(rnd() * territories))));
  return { columns, input: { territoryCount: territories, unitCount: units, unitTerritory, accountAlignment, accountOverride }, rnd };
}

describe('incremental territory KPIs', () => {
  it('start equal to the full computation, including unplaced, unassigned and overridden accounts', () => {
    const { columns, input } = synthetic(50, 2000, 6);
    expectSameKpis(currentKpis(buildIncrementalKpis(columns, input)), fullKpis(buildIncrementalKpis(columns, input)));
  });

  it('stay equal to the full computation after random unit moves, unassignments and override changes', () => {
    const { columns, input, rnd } = synthetic(80, 3000, 7, 11);
    const s = buildIncrementalKpis(columns, input);
    for (let step = 0; step < 40; step++) {
      if (step % 3 === 2) {
        const acc = Int32Array.from({ length: 5 }, () => Math.floor(rnd() * 3000));
        setOverrides(s, acc, Int32Array.from(acc, () => Math.floor(rnd() * 8) - 1));
      } else {
        const units = Int32Array.from({ length: 6 }, () => Math.floor(rnd() * 80));
        moveUnits(s, step % 2, units, Int32Array.from(units, () => Math.floor(rnd() * 8) - 1));
      }
      expectSameKpis(currentKpis(s), fullKpis(s));
    }
    expect(Array.from(unitsPerTerritory(s)).reduce((a, b) => a + b, 0)).toBe(s.unitTerritory.flatMap((a) => Array.from(a)).filter((t) => t >= 0).length);
  });

  it('restores the KPIs exactly when a move is moved back (undo)', () => {
    const { columns, input } = synthetic(30, 500, 4, 3);
    const s = buildIncrementalKpis(columns, input);
    const before = currentKpis(s);
    const units = Int32Array.of(1, 2, 3, 4);
    const old = units.map((u) => s.unitTerritory[0]![u]!);
    expect(moveUnits(s, 0, units, Int32Array.of(0, 0, 0, 0))).toBeGreaterThan(0);
    moveUnits(s, 0, units, old);
    expectSameKpis(currentKpis(s), before);
  });

  it('resolves single accounts and per-unit measures', () => {
    const columns: AccountColumns = { accountUnit: Int32Array.of(0, 0, 1, -1), potential: Float64Array.of(10, 5, 7, 1), revenue: Float64Array.of(4, 1, 7, 0), workload: Float64Array.of(1, 1, 1, 1) };
    const s = buildIncrementalKpis(columns, { territoryCount: 2, unitCount: 2, unitTerritory: [Int32Array.of(0, 1)], accountAlignment: new Uint8Array(4), accountOverride: Int32Array.of(-1, 1, -1, -1) });
    expect([0, 1, 2, 3].map((i) => accountTerritoryOf(s, i))).toEqual([0, 1, 1, -1]);
    expect(Array.from(unitMeasure(s, 'potential'))).toEqual([10, 7]);
    expect(Array.from(unitMeasure(s, 'whiteSpace'))).toEqual([6, 0]);
    expect(currentKpis(s).rows.map((r) => r.potential)).toEqual([10, 12]);
  });

  it('rejects unknown units, territories and accounts with a precise message', () => {
    const { columns, input } = synthetic(10, 100, 3);
    const s = buildIncrementalKpis(columns, input);
    expect(() => moveUnits(s, 0, [10], [0])).toThrow('Unknown unit index: 10');
    expect(() => moveUnits(s, 0, [1], [3])).toThrow('Unknown territory index: 3');
    expect(() => moveUnits(s, 5, [1], [0])).toThrow('Unknown alignment index: 5');
    expect(() => setOverrides(s, [100], [0])).toThrow('Unknown account index: 100');
    expect(() => buildIncrementalKpis(columns, { ...input, unitCount: 11 })).toThrow(/covers 10 units, dataset has 11/);
  });

  it('moves 33,000 ZIP units and 1M accounts in O(moved units) (prints timings, asserts correctness only)', () => {
    const { columns, input, rnd } = synthetic(33_000, 1_000_000, 200, 5);
    let t0 = performance.now();
    const s = buildIncrementalKpis(columns, input);
    const buildMs = performance.now() - t0;
    t0 = performance.now();
    const full = fullKpis(s);
    const fullMs = performance.now() - t0;
    const times: number[] = [];
    for (const size of [1, 50, 1000, 5000]) {
      const runs: number[] = [];
      for (let r = 0; r < 7; r++) {
        const units = Int32Array.from({ length: size }, () => Math.floor(rnd() * 33_000));
        const to = Int32Array.from(units, () => Math.floor(rnd() * 200));
        t0 = performance.now();
        moveUnits(s, 0, units, to);
        currentKpis(s);
        runs.push(performance.now() - t0);
      }
      times.push(runs.sort((a, b) => a - b)[3]!);
    }
    expectSameKpis(currentKpis(s), fullKpis(s));
    expect(full.rows.length).toBe(200);
    console.log(
      `incremental KPIs, 33,000 units / 1M accounts / 200 territories: build ${buildMs.toFixed(0)} ms (worker, once per version), ` +
        `full recompute ${fullMs.toFixed(0)} ms; edit + KPIs for 1 / 50 / 1,000 / 5,000 moved units (median of 7): ${times.map((t) => t.toFixed(2)).join(' / ')} ms`,
    );
  });
});
