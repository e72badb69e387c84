import { haversineKm } from '../geo/distance';
import type { TerritoryId, UnitId } from '../ids';
import type { Alignment, Territory } from '../territories/types';
import type { RepHome, RepUnits } from './synth-reps';
import { establishmentsByState } from './synth-reps';
import type { Rep, UnitEdges } from './types';
import { US_REGIONS, usStateByFips } from './us-states';

/** Readable, well-separated colour for the k-th territory (golden-angle hues, alternating lightness). */
export function territoryColor(k: number): string {
  const h = (k * 137.508) % 360;
  const s = 0.62 + 0.12 * (k % 2);
  const l = [0.5, 0.62, 0.42][k % 3]!;
  const f = (n: number) => {
    const a = (n + h / 30) % 12;
    const c = l - s * Math.min(l, 1 - l) * Math.max(-1, Math.min(a - 3, 9 - a, 1));
    return Math.round(c * 255).toString(16).padStart(2, '0');
  };
  return `#${f(0)}${f(8)}${f(4)}`;
}

/** Territories and alignments of the demo's current plan. */
export type DemoPlan = { territories: Territory[]; alignments: Alignment[] };

/**
 * The demo's initial plan: one territory per field rep. States with several reps are split between
 * them by nearest home, nudged towards equal establishments; states without a rep join, whole, an adjacent territory of the same region with the
 * least establishments so far (islands join the nearest rep of their region). Enterprise
 * accounts follow a second alignment: one territory per region, worked by the enterprise reps.
 */
export function buildDemoPlan(units: RepUnits, edges: UnitEdges, reps: readonly Rep[], homes: readonly RepHome[]): DemoPlan {
  const n = units.ids.length;
  const fieldIdx = homes.map((h, k) => k).filter((k) => homes[k]!.role === 'territory');
  const unitTerr = new Int32Array(n).fill(-1);
  const repsInState = new Map<string, number[]>();
  fieldIdx.forEach((k, t) => {
    const s = units.parents[homes[k]!.unitIndex]!;
    repsInState.set(s, [...(repsInState.get(s) ?? []), t]);
  });
  const stateUnits = new Map<string, number[]>();
  units.parents.forEach((s, i) => stateUnits.set(s, [...(stateUnits.get(s) ?? []), i]));
  for (const [state, ts] of repsInState) {
    const split = splitBetweenReps(units, stateUnits.get(state)!, ts.map((t) => homes[fieldIdx[t]!]!.unitIndex));
    stateUnits.get(state)!.forEach((i, k) => (unitTerr[i] = ts[split[k]!]!));
  }
  joinStrayPieces(units, edges, unitTerr, fieldIdx.map((k) => homes[k]!.unitIndex));
  const load = new Array<number>(fieldIdx.length).fill(0);
  for (let i = 0; i < n; i++) if (unitTerr[i]! >= 0) load[unitTerr[i]!]! += units.establishments[i]!;

  // Attach rep-less states, biggest frontier state first, so large states pick before small ones.
  const estByState = establishmentsByState(units);
  const pending = new Set([...stateUnits.keys()].filter((s) => !repsInState.has(s)));
  const attached = new Map<number, string[]>();
  const regionOf = (s: string) => usStateByFips(s)?.region;
  const terrRegion = fieldIdx.map((k) => homes[k]!.region);
  const attach = (state: string, t: number) => {
    for (const i of stateUnits.get(state)!) unitTerr[i] = t;
    load[t]! += estByState.get(state)!;
    attached.set(t, [...(attached.get(t) ?? []), state]);
    pending.delete(state);
  };
  while (pending.size > 0) {
    let choice: { state: string; t: number } | null = null;
    for (const state of [...pending].sort((a, b) => estByState.get(b)! - estByState.get(a)! || (a < b ? -1 : 1))) {
      const cands = new Set<number>();
      for (let e = 0; e < edges.a.length; e++) {
        const [a, b] = [edges.a[e]!, edges.b[e]!];
        if (units.parents[a] === state && unitTerr[b]! >= 0) cands.add(unitTerr[b]!);
        if (units.parents[b] === state && unitTerr[a]! >= 0) cands.add(unitTerr[a]!);
      }
      const same = [...cands].filter((t) => terrRegion[t] === regionOf(state));
      const pool = same.length > 0 ? same : [...cands];
      if (pool.length === 0) continue;
      choice = { state, t: pool.reduce((best, t) => (load[t]! < load[best]! || (load[t] === load[best] && t < best) ? t : best)) };
      break;
    }
    if (!choice) {
      // Only islands (no adjacency to any assigned unit) remain: Alaska and Hawaii.
      const state = [...pending].sort()[0]!;
      const pool = terrRegion.map((r, t) => t).filter((t) => terrRegion[t] === regionOf(state));
      const all = pool.length > 0 ? pool : terrRegion.map((r, t) => t);
      const [i0] = stateUnits.get(state)!;
      const dist = (t: number) => haversineKm(units.x[i0!]!, units.y[i0!]!, reps[fieldIdx[t]!]!.homeX, reps[fieldIdx[t]!]!.homeY);
      choice = { state, t: all.reduce((best, t) => (dist(t) < dist(best) ? t : best)) };
    }
    attach(choice.state, choice.t);
  }

  const territories: Territory[] = fieldIdx.map((k, t) => {
    const home = homes[k]!.unitIndex;
    const st = usStateByFips(units.parents[home]!)!;
    const split = (repsInState.get(st.fips)?.length ?? 0) > 1;
    const extra = (attached.get(t) ?? []).map((s) => usStateByFips(s)!.abbr).sort();
    const base = split ? `${st.abbr} ${units.names[home]!.replace(/, [A-Z]{2}$/, '')}` : st.abbr;
    return {
      id: `T-${String(t + 1).padStart(2, '0')}` as TerritoryId,
      name: extra.length > 0 ? `${base} + ${extra.join(', ')}` : base,
      color: territoryColor(t),
      repId: reps[k]!.id,
      region: terrRegion[t]!,
      locked: false,
    };
  });
  const geo: Record<UnitId, TerritoryId> = {};
  for (let i = 0; i < n; i++) geo[units.ids[i]!] = territories[unitTerr[i]!]!.id;

  const entColors = ['#8c564b', '#2f4b7c', '#a05195', '#d45087'];
  const enterprise: Territory[] = [];
  const entByRegion = new Map<string, TerritoryId>();
  homes.forEach((h, k) => {
    if (h.role !== 'enterprise') return;
    const id = `E-${h.region.toUpperCase()}` as TerritoryId;
    entByRegion.set(h.region, id);
    const color = entColors[US_REGIONS.indexOf(h.region)] ?? '#555555';
    enterprise.push({ id, name: `Enterprise ${h.region}`, color, repId: reps[k]!.id, region: h.region, locked: false });
  });
  const ent: Record<UnitId, TerritoryId> = {};
  for (let i = 0; i < n; i++) {
    const t = entByRegion.get(regionOf(units.parents[i]!) ?? '');
    if (t) ent[units.ids[i]!] = t;
  }
  return {
    territories: [...territories, ...enterprise],
    alignments: [
      { key: 'geo', label: 'Geographic (SMB and Mid-Market)', segments: [], assignment: geo },
      { key: 'enterprise', label: 'Enterprise', segments: ['Enterprise'], assignment: ent },
    ],
  };
}

const MAX_WEIGHT_KM = 120;

/**
 * Splits a state's units between reps living in homeUnits: nearest home by distance minus a per-rep
 * additive weight, tuned so establishments even out. Additive weights keep each piece star-shaped
 * around its home (so in practice contiguous); a home always stays with its own rep.
 */
export function splitBetweenReps(units: RepUnits, unitIdx: readonly number[], homeUnits: readonly number[]): number[] {
  const k = homeUnits.length;
  const d = unitIdx.map((i) => homeUnits.map((h) => haversineKm(units.x[i]!, units.y[i]!, units.x[h]!, units.y[h]!)));
  const est = unitIdx.map((i) => units.establishments[i]!);
  const target = est.reduce((a, b) => a + b, 0) / k;
  const w = new Array<number>(k).fill(0);
  const assign = () =>
    unitIdx.map((i, u) => {
      const own = homeUnits.indexOf(i);
      if (own >= 0) return own;
      let best = 0;
      for (let t = 1; t < k; t++) if (d[u]![t]! - w[t]! < d[u]![best]! - w[best]!) best = t;
      return best;
    });
  let out = assign();
  // A few damped rounds: a heavy county (Los Angeles) can make equal loads impossible, so stop early, not exactly.
  for (let round = 0; round < 40 && k > 1; round++) {
    const load = new Array<number>(k).fill(0);
    out.forEach((t, u) => (load[t]! += est[u]!));
    const step = 60 * (1 - round / 40);
    for (let t = 0; t < k; t++) {
      const next = w[t]! + step * Math.max(-1, Math.min(1, (target - load[t]!) / target));
      // Capped so a far rep never takes a metro from a near one (no Syracuse rep working Manhattan).
      w[t] = Math.max(-MAX_WEIGHT_KM, Math.min(MAX_WEIGHT_KM, next));
    }
    out = assign();
  }
  return out;
}

/**
 * Moves units cut off from their territory's home (e.g. Suffolk County given to an upstate rep) to the
 * territory of a neighbour in the same state that is connected to its home. Water islands with no such
 * neighbour stay where they are. Mutates unitTerr.
 */
export function joinStrayPieces(units: RepUnits, edges: UnitEdges, unitTerr: Int32Array, homeOfTerritory: readonly number[]): void {
  const n = unitTerr.length;
  const adj: number[][] = Array.from({ length: n }, () => []);
  edges.a.forEach((a, e) => {
    adj[a]!.push(edges.b[e]!);
    adj[edges.b[e]!]!.push(a);
  });
  for (let pass = 0; pass < n; pass++) {
    const reached = new Uint8Array(n);
    homeOfTerritory.forEach((home, t) => {
      if (unitTerr[home] !== t) return;
      const stack = [home];
      reached[home] = 1;
      while (stack.length > 0) {
        for (const v of adj[stack.pop()!]!) {
          if (!reached[v] && unitTerr[v] === t) {
            reached[v] = 1;
            stack.push(v);
          }
        }
      }
    });
    let changed = false;
    for (let i = 0; i < n; i++) {
      if (unitTerr[i]! < 0 || reached[i]) continue;
      const j = adj[i]!.find((v) => reached[v] && unitTerr[v]! >= 0 && units.parents[v] === units.parents[i]);
      if (j !== undefined) {
        unitTerr[i] = unitTerr[j]!;
        changed = true;
      }
    }
    if (!changed) break;
  }
}
