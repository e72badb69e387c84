import type { Placement } from '../dataset/types';
import { US_STATES } from '../dataset/us-states';

/** Longitude, latitude in degrees. */
export type LonLat = readonly [number, number];

/** Offline lookups the geocoder falls back through; each returns undefined when it does not know the key. */
export type Gazetteer = {
  zip: (zip5: string) => LonLat | undefined;
  /** city and state as normalised by cityKey / stateAbbr. */
  city: (cityKey: string, stateAbbr: string) => LonLat | undefined;
  /** county by 5-digit FIPS, or by normalised name within a state. */
  county: (countyKeyOrFips: string, stateAbbr: string) => LonLat | undefined;
  state: (stateAbbr: string) => LonLat | undefined;
};

/** Address fields a record is placed from. */
export type AddressInput = {
  lat?: number | null;
  lon?: number | null;
  zip?: string;
  city?: string;
  state?: string;
  county?: string;
  country?: string;
};

/** Where a record ends up and how it got there. */
export type Placed = { x: number; y: number; placement: Placement };

const byName = new Map<string, string>();
for (const s of US_STATES) {
  byName.set(s.abbr, s.abbr);
  byName.set(s.name.toUpperCase(), s.abbr);
  byName.set(s.fips, s.abbr);
}

/** Two-letter state code of a state written as code, name or FIPS; '' when not a US state. */
export function stateAbbr(raw: string): string {
  return byName.get(raw.trim().toUpperCase().replace(/\./g, '')) ?? '';
}

const ABBREVIATIONS: [RegExp, string][] = [
  [/^ST /, 'SAINT '],
  [/^STE /, 'SAINTE '],
  [/^FT /, 'FORT '],
  [/^MT /, 'MOUNT '],
];

/** City key as the gazetteer stores it: upper case, no punctuation, "St." spelled "Saint". */
export function cityKey(raw: string): string {
  let s = raw.toUpperCase().replace(/[.'’]/g, '').replace(/[^A-Z0-9]+/g, ' ').trim();
  for (const [re, to] of ABBREVIATIONS) s = s.replace(re, to);
  return s;
}

/** County key: the city key without a trailing County/Parish/Borough word. */
export function countyKey(raw: string): string {
  return cityKey(raw).replace(/ (COUNTY|PARISH|BOROUGH|CENSUS AREA|MUNICIPALITY|CITY AND BOROUGH)$/, '');
}

const US_NAMES = new Set(['', 'US', 'USA', 'U S', 'U S A', 'UNITED STATES', 'UNITED STATES OF AMERICA', 'AMERICA']);

/** True when the country cell names the US or is empty (the gazetteer only knows US places). */
export function isUsCountry(country: string | undefined): boolean {
  // Most rows leave the country empty: no need to normalise it.
  return !country || US_NAMES.has(cityKey(country));
}

/**
 * Places a record: its own coordinates (exact), else the ZIP centroid, else the city + state centroid,
 * else the county, else the state; 'none' at 0,0 when nothing is known. Coordinates must be validated
 * by the caller (parseCoordinate).
 */
export function placeAddress(a: AddressInput, gaz: Gazetteer): Placed {
  if (a.lat != null && a.lon != null) return { x: a.lon, y: a.lat, placement: 'exact' };
  if (!isUsCountry(a.country)) return { x: 0, y: 0, placement: 'none' };
  const st = stateAbbr(a.state ?? '');
  const zip = a.zip && /^\d{5}$/.test(a.zip) ? a.zip : '';
  const county = (a.county ?? '').trim();
  return (
    (zip ? hit(gaz.zip(zip), 'zip') : null) ??
    (a.city && st ? hit(gaz.city(cityKey(a.city), st), 'city') : null) ??
    (county && /^\d{5}$/.test(county) ? hit(gaz.county(county, st), 'county') : null) ??
    (county && st ? hit(gaz.county(countyKey(county), st), 'county') : null) ??
    (st ? hit(gaz.state(st), 'state') : null) ?? { x: 0, y: 0, placement: 'none' }
  );
}

/** Raw tables a gazetteer is built from (loaded by the Node side, or by tests inline). */
/** A gazetteer hit as a placement (module level: placeAddress runs once per imported row). */
const hit = (p: LonLat | undefined, placement: Placement): Placed | null => (p ? { x: p[0], y: p[1], placement } : null);

export type GazetteerTables = {
  zips: Record<string, { latitude: number; longitude: number }>;
  /** Rows of state abbr, city key, lon, lat. */
  cities: readonly (readonly [string, string, number, number])[];
  /** Rows of FIPS, county name, state FIPS, lon, lat, weight (area or population, for state centroids). */
  counties: readonly (readonly [string, string, string, number, number, number])[];
};

/** Builds the lookup functions over the tables; state centroids are the weighted mean of their counties. */
export function buildGazetteer(t: GazetteerTables): Gazetteer {
  const cities = new Map<string, LonLat>();
  for (const [st, city, lon, lat] of t.cities) cities.set(`${st}|${city}`, [lon, lat]);
  const countyByFips = new Map<string, LonLat>();
  const countyByName = new Map<string, LonLat>();
  const stateSum = new Map<string, [number, number, number]>();
  for (const [fips, name, stateFips, lon, lat, w] of t.counties) {
    const st = stateAbbr(stateFips);
    countyByFips.set(fips, [lon, lat]);
    if (st) countyByName.set(`${st}|${countyKey(name)}`, [lon, lat]);
    const s = stateSum.get(st) ?? [0, 0, 0];
    const weight = w > 0 ? w : 1;
    stateSum.set(st, [s[0] + lon * weight, s[1] + lat * weight, s[2] + weight]);
  }
  const states = new Map<string, LonLat>([...stateSum].map(([st, [x, y, w]]) => [st, [x / w, y / w] as const]));
  return {
    zip: (z) => {
      const p = t.zips[z];
      return p ? [p.longitude, p.latitude] : undefined;
    },
    city: (c, st) => cities.get(`${st}|${c}`),
    county: (c, st) => (/^\d{5}$/.test(c) ? countyByFips.get(c) : countyByName.get(`${st}|${c}`)),
    state: (st) => states.get(st),
  };
}
