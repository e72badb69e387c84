import { describe, expect, it } from 'vitest';
import { accountTerritoryOf, buildIncrementalKpis, currentKpis, moveUnits, setOverrides, unitMeasure, unitsPerTerritory, type AccountColumns } from '../../../../shared/domain/editing/incremental-kpis';
import type { TerritoryKpis } from '../../../../shared/domain/kpi/territory-kpis';
import { fullKpis, synthetic } from './fixtures';

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
});
