import { territoryColor } from '../dataset/demo-alignment';
import type { Rep, UnitsTable } from '../dataset/types';
import { usStateByFips } from '../dataset/us-states';
import { haversineKm } from '../geo/distance';
import type { TerritoryId, UnitId } from '../ids';
import type { ScenarioPayload, Territory } from './types';

/** How a starting scenario is drawn for a workspace that has none. */
export type StarterMethod = { kind: 'state-groups'; k: number; measure?: string } | { kind: 'per-rep' };

type Starter = Pick<UnitsTable, 'ids' | 'parents' | 'x' | 'y' | 'measures'>;

const tid = (t: number) => `T-${String(t + 1).padStart(2, '0')}` as TerritoryId;
const payload = (territories: Territory[], assignment: Record<UnitId, TerritoryId>, rule: string): ScenarioPayload => ({
  schemaVersion: 1,
  territories,
  alignments: [{ key: 'geo', label: 'All accounts', segments: [], assignment }],
  accountOverrides: {},
  lockedUnits: [],
  settings: { origin: 'starter', rule },
});

/**
 * K territories of whole states (or whatever the units' parents are): the parents are ordered by US region,
 * then west to east, and cut into K runs of about equal MEASURE (unit count when it is missing or all zero).
 * Neighbouring states of one region end up together, so the plan is a sensible start for `balance`.
 */
export function stateGroupsPayload(units: Starter, k: number, measure?: string): ScenarioPayload {
  const values = measure ? units.measures[measure] : undefined;
  const weightOf = values && values.some((v) => v > 0) ? (i: number) => values[i]! : () => 1;
  const groups = new Map<string, { units: number[]; weight: number; xSum: number }>();
  units.ids.forEach((_, i) => {
    const g = groups.get(units.parents[i]!) ?? { units: [], weight: 0, xSum: 0 };
    g.units.push(i);
    g.weight += weightOf(i);
    g.xSum += units.x[i]!;
    groups.set(units.parents[i]!, g);
  });
  const regionRank = (p: string) => ['West', 'Central', 'South', 'Northeast'].indexOf(usStateByFips(p)?.region ?? '');
  const order = [...groups].sort(([a, ga], [b, gb]) => regionRank(a) - regionRank(b) || ga.xSum / ga.units.length - gb.xSum / gb.units.length || (a < b ? -1 : 1));
  const count = Math.max(1, Math.min(Math.round(k), order.length));
  const total = order.reduce((s, [, g]) => s + g.weight, 0);
  const runs: [string, (typeof order)[number][1]][][] = Array.from({ length: count }, () => []);
  let acc = 0;
  let cur = 0;
  order.forEach((entry, j) => {
    const want = Math.floor(((acc + entry[1].weight / 2) / total) * count);
    // Move on when this parent's middle lies in a later share, or when every later run needs one of the parents left.
    if (runs[cur]!.length > 0 && cur < count - 1 && (want > cur || order.length - j <= count - 1 - cur)) cur++;
    runs[cur]!.push(entry);
    acc += entry[1].weight;
  });
  const label = (p: string) => usStateByFips(p)?.abbr ?? (p || 'All units');
  const assignment: Record<UnitId, TerritoryId> = {};
  const territories: Territory[] = runs.map((run, t) => {
    for (const [, g] of run) for (const i of g.units) assignment[units.ids[i]!] = tid(t);
    const names = run.map(([p]) => label(p));
    return {
      id: tid(t),
      name: names.length <= 4 ? names.join(', ') : `${names.slice(0, 3).join(', ')} +${names.length - 3}`,
      color: territoryColor(t),
      repId: null,
      region: usStateByFips(run[0]![0])?.region ?? 'All',
      locked: false,
    };
  });
  return payload(territories, assignment, `${count} territories of whole ${groups.size > 1 ? 'states' : 'groups'}${values ? `, about equal ${measure}` : ''}`);
}

/** One territory per rep, named after the rep; every unit goes to the rep whose home is nearest. */
export function perRepPayload(units: Starter, reps: readonly Rep[]): ScenarioPayload | null {
  if (reps.length === 0) return null;
  const assignment: Record<UnitId, TerritoryId> = {};
  units.ids.forEach((id, i) => {
    let best = 0;
    let bestD = Infinity;
    reps.forEach((r, t) => {
      const d = haversineKm(units.x[i]!, units.y[i]!, r.homeX, r.homeY);
      if (d < bestD) [best, bestD] = [t, d];
    });
    assignment[id] = tid(best);
  });
  const territories: Territory[] = reps.map((r, t) => ({ id: tid(t), name: r.name, color: territoryColor(t), repId: r.id, region: 'All', locked: false }));
  return payload(territories, assignment, 'one territory per rep, units to the nearest rep home');
}
