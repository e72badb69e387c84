import { describe, expect, it } from 'vitest';
import { joinStrayPieces, splitBetweenReps, territoryColor } from '../../../../shared/domain/dataset/demo-alignment';
import { haversineKm } from '../../../../shared/domain/geo/distance';
import type { UnitId } from '../../../../shared/domain/ids';
import { createRng } from '../../../../shared/domain/random';
import {
  INDUSTRIES,
  apportion,
  companyName,
  jitterLonLat,
  segmentForEmployees,
  sumByUnit,
  synthesizeAccounts,
  type SynthUnits,
} from '../../../../shared/domain/dataset/synth';
import { pickRepHomes, synthesizeReps, type RepUnits } from '../../../../shared/domain/dataset/synth-reps';

// Three counties of different size and wealth, one without any establishments.
const units: SynthUnits = {
  x: [-86.6, -118.2, -100.0],
  y: [32.5, 34.3, 45.0],
  areaKm2: [1556, 10500, 900],
  establishments: [1000, 9000, 0],
  employees: [12_000, 150_000, 0],
  payroll: [400e6, 9e9, 0],
};

describe('apportion', () => {
  it('splits a total exactly, in proportion to weights', () => {
    const c = apportion([1, 2, 3, 0], 600);
    expect(c).toEqual([100, 200, 300, 0]);
    expect(apportion([1, 1, 1], 10).reduce((a, b) => a + b, 0)).toBe(10);
  });
  it('gives leftover units to the largest remainders, ties to the lower index', () => {
    expect(apportion([1, 1, 1], 2)).toEqual([1, 1, 0]);
  });
  it('throws when no weight is positive', () => {
    expect(() => apportion([0, 0], 5)).toThrow(/positive weight/);
  });
});

describe('segmentForEmployees', () => {
  it('classifies by employees at 50 and 500', () => {
    expect([1, 49, 50, 499, 500, 20_000].map(segmentForEmployees)).toEqual([
      'SMB', 'SMB', 'Mid-Market', 'Mid-Market', 'Enterprise', 'Enterprise',
    ]);
  });
});

describe('synthesizeAccounts', () => {
  const a = synthesizeAccounts(units, { count: 2000, seed: 7 });

  it('draws exactly the requested count in proportion to establishments', () => {
    expect(a.ids).toHaveLength(2000);
    expect(sumByUnit(3, a.unitIndex, null)).toEqual([200, 1800, 0]);
  });

  it('is deterministic for a seed and differs for another seed', () => {
    expect(synthesizeAccounts(units, { count: 2000, seed: 7 })).toEqual(a);
    expect(synthesizeAccounts(units, { count: 2000, seed: 8 }).names).not.toEqual(a.names);
  });

  it('numbers ids with leading zeros and fills every column', () => {
    expect(a.ids[0]).toBe('ACC-000001');
    expect(a.ids[1999]).toBe('ACC-002000');
    for (const col of Object.values(a)) expect(col).toHaveLength(2000);
    expect(new Set(a.placement)).toEqual(new Set(['exact']));
    expect(new Set(a.owner)).toEqual(new Set(['']));
  });

  it('keeps accounts near their county centroid (half the equal-area radius)', () => {
    a.ids.forEach((_, i) => {
      const u = a.unitIndex[i]!;
      const r = 0.5 * Math.sqrt(units.areaKm2[u]! / Math.PI);
      expect(haversineKm(a.x[i]!, a.y[i]!, units.x[u]!, units.y[u]!)).toBeLessThan(r * 1.02 + 0.01);
    });
  });

  it('has about 60% prospects, consistent segments and positive potential', () => {
    const prospects = a.revenue.filter((r) => r === 0).length / a.ids.length;
    expect(prospects).toBeGreaterThan(0.5);
    expect(prospects).toBeLessThan(0.7);
    a.ids.forEach((_, i) => {
      expect(a.segment[i]).toBe(segmentForEmployees(a.employees[i]!));
      expect(a.potential[i]).toBeGreaterThan(0);
      expect(a.revenue[i]).toBeLessThanOrEqual(a.potential[i]!);
      expect(a.workload[i]).toBeGreaterThan(0);
    });
    expect(new Set(a.industry).size).toBeGreaterThanOrEqual(10);
  });

  it('gives a richer county bigger accounts on average', () => {
    const mean = (u: number) => {
      const e = a.employees.filter((_, i) => a.unitIndex[i] === u);
      return e.reduce((s, v) => s + v, 0) / e.length;
    };
    expect(mean(1)).toBeGreaterThan(mean(0));
  });
});

describe('names, colours and jitter', () => {
  it('makes company names deterministically from a seed', () => {
    const one = companyName(INDUSTRIES[0]!, createRng(3));
    expect(companyName(INDUSTRIES[0]!, createRng(3))).toBe(one);
    expect(one.length).toBeGreaterThan(3);
  });
  it('gives 60 distinct hex colours', () => {
    const colors = Array.from({ length: 60 }, (_, k) => territoryColor(k));
    for (const c of colors) expect(c).toMatch(/^#[0-9a-f]{6}$/);
    expect(new Set(colors).size).toBe(60);
  });
  it('jitters within the radius', () => {
    const rng = createRng(1);
    for (let k = 0; k < 200; k++) {
      const [x, y] = jitterLonLat(-100, 60, 10, rng);
      expect(haversineKm(x, y, -100, 60)).toBeLessThan(10.1);
    }
  });
});

// A row of five counties in one state (A..E, west to east) and one county in a second state.
const row: RepUnits = {
  ids: ['10001', '10003', '10005', '10007', '10009', '20001'] as UnitId[],
  names: ['A, XX', 'B, XX', 'C, XX', 'D, XX', 'E, XX', 'F, YY'],
  parents: ['10', '10', '10', '10', '10', '11'],
  x: [-80, -79, -78, -77, -76, -75],
  y: [40, 40, 40, 40, 40, 40],
  population: [900, 100, 100, 100, 800, 50],
  establishments: [100, 10, 10, 10, 100, 5],
};
const chain = { a: [0, 1, 2, 3, 4], b: [1, 2, 3, 4, 5] };

describe('rep homes and state splits', () => {
  it('puts reps in the most populous, spread-out counties and one enterprise rep per region', () => {
    const homes = pickRepHomes(row, 2, 100);
    const field = homes.filter((h) => h.role === 'territory').map((h) => h.unitIndex);
    expect(field.sort()).toEqual([0, 4]);
    expect(homes.filter((h) => h.role === 'enterprise').length).toBeGreaterThan(0);
    const reps = synthesizeReps(row, homes, 1);
    expect(reps.map((r) => r.id)).toEqual(homes.map((_, k) => `R-${String(k + 1).padStart(3, '0')}`));
    expect(new Set(reps.map((r) => r.name)).size).toBe(reps.length);
    expect([reps[0]!.homeUnitId, reps[0]!.homeX]).toEqual([row.ids[homes[0]!.unitIndex], row.x[homes[0]!.unitIndex]]);
  });

  it('splits a state between two reps, each keeping its home', () => {
    const split = splitBetweenReps(row, [0, 1, 2, 3, 4], [0, 4]);
    expect(split[0]).toBe(0);
    expect(split[4]).toBe(1);
    expect(split[1]).toBe(0);
    expect(split[3]).toBe(1);
  });

  it('moves a piece cut off from its home to a connected neighbour in the same state', () => {
    const terr = Int32Array.from([0, 1, 0, 1, 1, -1]);
    joinStrayPieces(row, chain, terr, [0, 4]);
    const t = Array.from(terr);
    expect(t[1]).toBe(0);
    expect([t[0], t[4], t[5]]).toEqual([0, 1, -1]);
    // Along a chain, both territories are connected exactly when the sequence never goes back.
    expect(t.slice(0, 5)).toEqual([...t.slice(0, 5)].sort());
  });
});
