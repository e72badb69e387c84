import { haversineKm } from '../geo/distance';
import type { RepId, UnitId } from '../ids';
import { createRng, pickCumulative } from '../random';
import { GIVEN_NAMES, SURNAMES } from './company-names';
import { INDUSTRIES, apportion } from './synth';
import type { Rep } from './types';
import { US_REGIONS, usStateByFips, type UsRegion } from './us-states';

/** Per-unit inputs for placing reps: lon/lat centroids, state FIPS, population, establishments. */
export type RepUnits = {
  ids: readonly UnitId[];
  names: readonly string[];
  parents: readonly string[];
  x: readonly number[];
  y: readonly number[];
  population: readonly number[];
  establishments: readonly number[];
};

/** A rep's home as a unit index, with the role the demo plan gives it. */
export type RepHome = { unitIndex: number; role: 'territory' | 'enterprise'; region: UsRegion };

/** Establishments per state FIPS, in first-seen order. */
export function establishmentsByState(units: RepUnits): Map<string, number> {
  const m = new Map<string, number>();
  units.parents.forEach((s, i) => m.set(s, (m.get(s) ?? 0) + units.establishments[i]!));
  return m;
}

/**
 * Homes of `territoryReps` field reps (states get reps in proportion to establishments; within a state
 * the most populous counties at least minKm apart) and one enterprise rep per region (its most populous county).
 */
export function pickRepHomes(units: RepUnits, territoryReps: number, minKm = 100): RepHome[] {
  const byState = establishmentsByState(units);
  const states = [...byState.keys()].sort();
  const quota = apportion(states.map((s) => byState.get(s)!), territoryReps);
  const byPop = units.ids.map((_, i) => i).sort((a, b) => units.population[b]! - units.population[a]! || a - b);
  const homes: RepHome[] = [];
  states.forEach((state, si) => {
    const region = usStateByFips(state)?.region;
    if (!region) throw new Error(`Unknown state FIPS: ${state}`);
    const chosen: number[] = [];
    const inState = byPop.filter((i) => units.parents[i] === state);
    // Prefer spread-out metros; relax the spacing only when a small state cannot fit them all.
    for (const spacing of [minKm, minKm / 2, 0]) {
      for (const i of inState) {
        if (chosen.length >= quota[si]!) break;
        if (chosen.includes(i)) continue;
        const far = chosen.every((c) => haversineKm(units.x[i]!, units.y[i]!, units.x[c]!, units.y[c]!) >= spacing);
        if (far) chosen.push(i);
      }
    }
    for (const unitIndex of chosen) homes.push({ unitIndex, role: 'territory', region });
  });
  for (const region of US_REGIONS) {
    const top = byPop.find((i) => usStateByFips(units.parents[i]!)?.region === region);
    if (top !== undefined) homes.push({ unitIndex: top, role: 'enterprise', region });
  }
  return homes;
}

const SPANISH_STATES = new Set(['TX', 'FL', 'CA', 'AZ', 'NM']);
const OTHER_LANGUAGES = ['French', 'Chinese', 'Vietnamese', 'Korean', 'Portuguese', 'German'];

/** Deterministic reps living in the given homes: names, seniority, industries and languages. */
export function synthesizeReps(units: RepUnits, homes: readonly RepHome[], seed: number): Rep[] {
  const rng = createRng(seed);
  const used = new Set<string>();
  const industryCum: number[] = [];
  INDUSTRIES.reduce((s, ind) => (industryCum.push(s + ind.share), s + ind.share), 0);
  return homes.map((home, k) => {
    let name: string;
    do {
      name = `${GIVEN_NAMES[Math.floor(rng() * GIVEN_NAMES.length)]} ${SURNAMES[Math.floor(rng() * SURNAMES.length)]}`;
    } while (used.has(name));
    used.add(name);
    const r = rng();
    const seniority: Rep['seniority'] = home.role === 'enterprise' || r >= 0.7 ? 'senior' : r < 0.25 ? 'junior' : 'mid';
    const industries: string[] = [];
    const wanted = seniority === 'senior' ? 3 : 2;
    while (industries.length < wanted) {
      const ind = INDUSTRIES[pickCumulative(industryCum, rng())]!.name;
      if (!industries.includes(ind)) industries.push(ind);
    }
    const abbr = usStateByFips(units.parents[home.unitIndex]!)?.abbr ?? '';
    const languages = ['English'];
    if (rng() < (SPANISH_STATES.has(abbr) ? 0.6 : 0.1)) languages.push('Spanish');
    if (rng() < 0.1) languages.push(OTHER_LANGUAGES[Math.floor(rng() * OTHER_LANGUAGES.length)]!);
    return {
      id: `R-${String(k + 1).padStart(3, '0')}` as RepId,
      name,
      homeUnitId: units.ids[home.unitIndex]!,
      homeX: units.x[home.unitIndex]!,
      homeY: units.y[home.unitIndex]!,
      seniority,
      industries,
      languages,
    };
  });
}
