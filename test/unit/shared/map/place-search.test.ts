import { describe, expect, it } from 'vitest';
import { buildPlaceIndex, searchPlaces, type Place } from '../../../../shared/domain/map/place-search';

const box = (x: number, y: number): Place['bounds'] => [[x, y], [x, y]];
const places: Place[] = [
  { kind: 'unit', name: 'Kent, MI', detail: 'county', bounds: box(-85.5, 43) },
  { kind: 'unit', name: 'Kenton, KY', detail: 'county', bounds: box(-84.5, 38.9) },
  { kind: 'territory', name: 'MI Kent', detail: 'territory', bounds: box(-85, 43) },
  { kind: 'state', name: 'Kentucky', detail: 'state', bounds: box(-85, 37.5) },
  { kind: 'account', name: 'Société Générale', detail: 'account', bounds: box(-74, 40.7) },
  { kind: 'unit', name: 'Ohio, IN', detail: 'county', bounds: box(-84.9, 38.9) },
  { kind: 'state', name: 'Ohio', detail: 'state', bounds: box(-82.8, 40.3) },
  { kind: 'city', name: 'Kent, WA', detail: 'city', bounds: box(-122.2, 47.4) },
];
const index = buildPlaceIndex(places);
const names = (q: string) => searchPlaces(index, q).map((p) => p.name);

describe('place search', () => {
  it('ranks exact names, then name starts, then word starts, then anywhere', () => {
    expect(names('ohio')).toEqual(['Ohio', 'Ohio, IN']);
    // Same rank: states, then territories, then cities, then units.
    expect(names('kent')).toEqual(['Kentucky', 'Kent, WA', 'Kent, MI', 'Kenton, KY', 'MI Kent']);
    expect(names('ent')).toEqual(['Kentucky', 'MI Kent', 'Kent, WA', 'Kent, MI', 'Kenton, KY']);
  });
  it('ignores case and accents, finds nothing for an empty query and honours the limit', () => {
    expect(names('SOCIETE')).toEqual(['Société Générale']);
    expect(names('   ')).toEqual([]);
    expect(searchPlaces(index, 'k', 2)).toHaveLength(2);
    expect(names('zzz')).toEqual([]);
  });
});
