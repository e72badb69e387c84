import { describe, expect, it } from 'vitest';
import type { TerritoryId, UnitId } from '../../../../shared/domain/ids';
import {
  assignedUnitKey, buildMixedGeography, heavyUnits, mergeAssignment, mergedTerritory, placeAccountsInMixed, splitAssignment,
  type ChildLevel, type GeoLevel, type MixedGeography,
} from '../../../../shared/domain/geo/mixed-geography';
import { rectangleRing } from '../../../../shared/domain/geo/point-in-polygon';

const u = (...ids: string[]): UnitId[] => ids as UnitId[];
const T = (id: string): TerritoryId => id as TerritoryId;

// Three counties in a row, A | B | C, each 1 wide. A has one ZIP area, B two (B1 west, B2 east), C none.
const coarse: GeoLevel = { ids: u('A', 'B', 'C'), x: [0.5, 1.5, 2.5], y: [0.5, 0.5, 0.5], edges: { a: [0, 1], b: [1, 2] } };
const zips: ChildLevel = { ids: u('A1', 'B1', 'B2'), parent: u('A', 'B', 'B'), x: [0.5, 1.25, 1.75], y: [0.5, 0.5, 0.5], edges: { a: [0, 1], b: [1, 2] } };
const rings = [[rectangleRing(0, 0, 1, 1)], [rectangleRing(1, 0, 1.5, 1)], [rectangleRing(1.5, 0, 2, 1)]];

const edgeNames = (m: MixedGeography): string[] => m.edges.a.map((a, e) => [m.ids[a], m.ids[m.edges.b[e]!]].sort().join('-')).sort();

describe('mixed geography', () => {
  it('replaces a split county by its ZIP areas and wires adjacency across levels', () => {
    const m = buildMixedGeography(coarse, zips, u('B'));
    expect(m.ids).toEqual(['A', 'C', 'B1', 'B2']);
    expect(m.parent).toEqual(['A', 'C', 'B', 'B']);
    // A1 touches B1, so county A touches ZIP area B1 (not B2); C has no ZIP areas, so it joins B's nearest ZIP area.
    expect(edgeNames(m)).toEqual(['A-B1', 'B1-B2', 'B2-C']);
  });

  it('links ZIP areas of two split neighbours directly and keeps unsplit geography unchanged', () => {
    expect(edgeNames(buildMixedGeography(coarse, zips, u('A', 'B')))).toEqual(['A1-B1', 'B1-B2', 'B2-C']);
    const none = buildMixedGeography(coarse, zips, []);
    expect(none.ids).toEqual(['A', 'B', 'C']);
    expect(edgeNames(none)).toEqual(['A-B', 'B-C']);
  });

  it('splits further in a geography where a county is already split: its ZIP areas stand at the coarse level and touch the new ones', () => {
    // The dataset itself split A (its ZIP area A1 is a unit); the scenario now splits B.
    const already: GeoLevel = { ids: u('A1', 'B', 'C'), x: [0.5, 1.5, 2.5], y: [0.5, 0.5, 0.5], edges: { a: [0, 1], b: [1, 2] } };
    const m = buildMixedGeography(already, zips, u('B'));
    expect(m.ids).toEqual(['A1', 'C', 'B1', 'B2']);
    expect(edgeNames(m)).toEqual(['A1-B1', 'B1-B2', 'B2-C']);
  });

  it('refuses to split an unknown unit or one without ZIP areas, naming it', () => {
    expect(() => buildMixedGeography(coarse, zips, u('Z'))).toThrow('Cannot split unknown unit id: Z');
    expect(() => buildMixedGeography(coarse, zips, u('C'))).toThrow('Cannot split unit C: no finer units lie in it');
    expect(() => buildMixedGeography(coarse, { ...zips, ids: u('A1', 'B', 'B2') }, u('B'))).toThrow('Finer unit id B is also a coarse unit id');
  });

  it('gives the ZIP areas their county\'s territory, and merging back restores the assignment', () => {
    const before = { A: T('W'), B: T('E'), C: T('E') };
    const split = splitAssignment(before, 'B' as UnitId, u('B1', 'B2'));
    expect(split).toEqual({ A: 'W', B1: 'E', B2: 'E', C: 'E' });
    expect(mergeAssignment(split, 'B' as UnitId, u('B1', 'B2'), mergedTerritory(split, u('B1', 'B2')))).toEqual(before);
    expect(splitAssignment({ A: T('W') }, 'B' as UnitId, u('B1', 'B2'))).toEqual({ A: 'W' });
  });

  it('merges children in different territories into the one holding the most weight', () => {
    const a = { B1: T('W'), B2: T('E') };
    const w = (c: UnitId): number => (c === 'B2' ? 10 : 1);
    expect(mergedTerritory(a, u('B1', 'B2'), w)).toBe('E');
    expect(mergedTerritory({ B1: T('W'), B2: T('E'), B3: T('W') }, u('B1', 'B2', 'B3'))).toBe('W');
    expect(mergedTerritory({}, u('B1', 'B2'))).toBeNull();
  });

  it('moves accounts of a split county to their ZIP area by ZIP, then by point, then to the nearest area', () => {
    const m = buildMixedGeography(coarse, zips, u('B'));
    const accounts = {
      unitIndex: [0, 1, 1, 1, -1],
      x: [0.2, 1.9, 1.1, 1.6, 0],
      y: [0.5, 0.5, 0.5, 5, 0],
      zip: ['', 'B1', '', '', ''], // account 1 lies in B2's polygon but its ZIP says B1: the ZIP wins
    };
    const { unitIndex, counts } = placeAccountsInMixed(accounts, coarse, zips, m, (c) => rings[c]!);
    expect([...unitIndex].map((i) => (i < 0 ? null : m.ids[i]))).toEqual(['A', 'B1', 'B1', 'B2', null]);
    expect(counts).toEqual({ byZip: 1, byPoint: 1, byNearest: 1, unchanged: 1, unplaced: 1 });
  });

  it('finds units above a share of a territory\'s target, heaviest first, only where they can be split', () => {
    // total 200 over 4 territories: target 50; above 80 % of it (40) are 45 and 90; index 3 cannot be split.
    expect(heavyUnits([45, 10, 90, 50, 5], 4, 0.8, (i) => i !== 3)).toEqual([2, 0]);
    expect(() => heavyUnits([1], 0, 1, () => true)).toThrow('territory count must be at least 1');
  });
});

describe('assigned unit key', () => {
  const parentOf = (zip: string): UnitId | undefined => (zip === '75201' || zip === '75202' ? ('B' as UnitId) : undefined);
  it('routes a place in a split county by its ZIP area, and elsewhere by its county', () => {
    expect(assignedUnitKey('A' as UnitId, '75201', u('B'), parentOf)).toBe('A');
    expect(assignedUnitKey('B' as UnitId, '75202', u('B'), parentOf)).toBe('zip:75202');
    expect(assignedUnitKey('B' as UnitId, '75202', undefined, parentOf)).toBe('B');
  });
  it('gives no key when the ZIP is blank or lies in another county', () => {
    expect(assignedUnitKey('B' as UnitId, '', u('B'), parentOf)).toBeNull();
    expect(assignedUnitKey('B' as UnitId, '06037', u('B'), parentOf)).toBeNull();
  });
});
