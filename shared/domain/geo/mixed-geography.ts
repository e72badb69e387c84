// Mixed geography: coarse units (counties) of which some are split into their child units (ZIP areas).
// Pure and index-based so the same code serves the app, the CLI, the demo builder and the engine's input.
import type { UnitEdges } from '../dataset/types';
import type { TerritoryId, UnitId } from '../ids';
import { pointInRing, type FlatRing } from './point-in-polygon';

/** One geographic level: unit ids, a representative point per unit, and adjacency as index pairs. */
export type GeoLevel = { ids: readonly UnitId[]; x: ArrayLike<number>; y: ArrayLike<number>; edges: UnitEdges };

/** The finer level: each child's coarse parent id; its edges include pairs whose parents differ (they touch across the border). */
export type ChildLevel = GeoLevel & { parent: readonly UnitId[] };

/** The units of a mixed geography: unsplit coarse units in their order, then the children of split units in theirs. */
export type MixedGeography = {
  ids: UnitId[];
  /** Index into the coarse level (for a coarse unit) or the child level (for a child), per mixed unit. */
  source: Int32Array;
  /** 0 = coarse unit, 1 = child unit, per mixed unit. */
  level: Uint8Array;
  /** Coarse parent id of each mixed unit (its own id for a coarse unit). */
  parent: UnitId[];
  edges: UnitEdges;
};

/** Child indices of each coarse id (only coarse ids that have children). */
export function childrenByParent(children: Pick<ChildLevel, 'parent'>): Map<UnitId, number[]> {
  const out = new Map<UnitId, number[]>();
  children.parent.forEach((p, i) => {
    const list = out.get(p);
    if (list) list.push(i);
    else out.set(p, [i]);
  });
  return out;
}

/**
 * Builds the mixed geography in which the coarse units in `split` are replaced by their children.
 * Adjacency runs across levels: a child touches an unsplit coarse unit when it touches one of that unit's children
 * (the child level's cross-border edges say so). Where two coarse units are adjacent but no child-level edge links
 * them (a coarse unit without children), the nearest pair of their mixed units is joined, so splitting never
 * disconnects what the coarse level connects. Throws for an unknown id or a unit with no children.
 */
export function buildMixedGeography(coarse: GeoLevel, children: ChildLevel, split: Iterable<UnitId>): MixedGeography {
  const coarseIndex = new Map(coarse.ids.map((id, i) => [id, i]));
  // A finer unit may already stand at the coarse level (a ZIP area of a county the dataset itself split): its parent is
  // then no coarse unit. Otherwise a finer id equal to a coarse id is a clash.
  const clash = children.ids.find((id, i) => coarseIndex.has(id) && coarseIndex.has(children.parent[i]!));
  if (clash !== undefined) throw new Error(`Finer unit id ${clash} is also a coarse unit id; give finer units distinct ids (zipUnitId)`);
  const kids = childrenByParent(children);
  const splitSet = new Set<UnitId>();
  for (const id of split) {
    if (!coarseIndex.has(id)) throw new Error(`Cannot split unknown unit id: ${id}`);
    if (!kids.has(id)) throw new Error(`Cannot split unit ${id}: no finer units lie in it`);
    splitSet.add(id);
  }
  const ids: UnitId[] = [];
  const source: number[] = [];
  const level: number[] = [];
  const parent: UnitId[] = [];
  const coarseToMixed = new Int32Array(coarse.ids.length).fill(-1);
  const childToMixed = new Int32Array(children.ids.length).fill(-1);
  coarse.ids.forEach((id, i) => {
    if (splitSet.has(id)) return;
    coarseToMixed[i] = ids.length;
    ids.push(id);
    source.push(i);
    level.push(0);
    parent.push(id);
  });
  children.ids.forEach((id, i) => {
    const p = children.parent[i]!;
    if (!splitSet.has(p)) return;
    childToMixed[i] = ids.length;
    ids.push(id);
    source.push(i);
    level.push(1);
    parent.push(p);
  });
  // The mixed unit that stands for a child: itself when its parent is split, else its parent, else (a finer unit
  // already at the coarse level) the coarse unit of its own id.
  const childRep = (c: number): number => {
    if (childToMixed[c]! >= 0) return childToMixed[c]!;
    const p = coarseIndex.get(children.parent[c]!) ?? coarseIndex.get(children.ids[c]!);
    return p === undefined ? -1 : coarseToMixed[p]!;
  };
  const seen = new Set<number>();
  const a: number[] = [];
  const b: number[] = [];
  const n = ids.length;
  const add = (u: number, v: number): void => {
    if (u < 0 || v < 0 || u === v) return;
    const key = Math.min(u, v) * n + Math.max(u, v);
    if (seen.has(key)) return;
    seen.add(key);
    a.push(Math.min(u, v));
    b.push(Math.max(u, v));
  };
  // Coarse pairs already linked by some mixed edge, to know where the fallback is needed.
  const linkedCoarse = new Set<number>();
  const nc = coarse.ids.length;
  const markCoarse = (p: UnitId, q: UnitId): void => {
    const i = coarseIndex.get(p), j = coarseIndex.get(q);
    if (i !== undefined && j !== undefined) linkedCoarse.add(Math.min(i, j) * nc + Math.max(i, j));
  };
  for (let e = 0; e < coarse.edges.a.length; e++) {
    const u = coarseToMixed[coarse.edges.a[e]!]!, v = coarseToMixed[coarse.edges.b[e]!]!;
    if (u < 0 || v < 0) continue;
    add(u, v);
    markCoarse(coarse.ids[coarse.edges.a[e]!]!, coarse.ids[coarse.edges.b[e]!]!);
  }
  for (let e = 0; e < children.edges.a.length; e++) {
    const c = children.edges.a[e]!, d = children.edges.b[e]!;
    if (childToMixed[c]! < 0 && childToMixed[d]! < 0) continue; // both parents unsplit: the coarse edge covers it
    const u = childRep(c), v = childRep(d);
    if (u < 0 || v < 0 || u === v) continue;
    add(u, v);
    markCoarse(parent[u]!, parent[v]!);
  }
  const mixedOf = (coarseIdx: number): number[] => {
    const id = coarse.ids[coarseIdx]!;
    return splitSet.has(id) ? kids.get(id)!.map((c) => childToMixed[c]!) : [coarseToMixed[coarseIdx]!];
  };
  const mx = (m: number): number => (level[m] === 0 ? coarse.x[source[m]!]! : children.x[source[m]!]!);
  const my = (m: number): number => (level[m] === 0 ? coarse.y[source[m]!]! : children.y[source[m]!]!);
  for (let e = 0; e < coarse.edges.a.length; e++) {
    const i = coarse.edges.a[e]!, j = coarse.edges.b[e]!;
    if (linkedCoarse.has(Math.min(i, j) * nc + Math.max(i, j))) continue;
    let best = Infinity, bu = -1, bv = -1;
    for (const u of mixedOf(i)) {
      for (const v of mixedOf(j)) {
        const d = (mx(u) - mx(v)) ** 2 + (my(u) - my(v)) ** 2;
        if (d >= best) continue;
        best = d;
        bu = u;
        bv = v;
      }
    }
    add(bu, bv);
  }
  return { ids, source: Int32Array.from(source), level: Uint8Array.from(level), parent, edges: { a, b } };
}

/** A unit's assignment after splitting it: its children inherit its territory (none when it had none). */
export function splitAssignment(assignment: Readonly<Record<string, TerritoryId>>, unit: UnitId, children: readonly UnitId[]): Record<string, TerritoryId> {
  const out = { ...assignment };
  const t = out[unit];
  delete out[unit];
  for (const c of children) {
    if (t === undefined) delete out[c];
    else out[c] = t;
  }
  return out;
}

/**
 * The territory a merged unit takes: the one holding the largest weight of its children (count when no weights;
 * ties go to the territory met first), or null when no child is assigned.
 */
export function mergedTerritory(assignment: Readonly<Record<string, TerritoryId>>, children: readonly UnitId[], weight?: (child: UnitId) => number): TerritoryId | null {
  const sums = new Map<TerritoryId, number>();
  for (const c of children) {
    const t = assignment[c];
    if (t !== undefined) sums.set(t, (sums.get(t) ?? 0) + (weight ? weight(c) : 1));
  }
  let best: TerritoryId | null = null, bestW = -Infinity;
  for (const [t, w] of sums) {
    if (w <= bestW) continue;
    best = t;
    bestW = w;
  }
  return best;
}

/** A unit's assignment after merging its children back: the children's entries go, the unit takes `territory`. */
export function mergeAssignment(assignment: Readonly<Record<string, TerritoryId>>, unit: UnitId, children: readonly UnitId[], territory: TerritoryId | null): Record<string, TerritoryId> {
  const out = { ...assignment };
  for (const c of children) delete out[c];
  if (territory === null) delete out[unit];
  else out[unit] = territory;
  return out;
}

/**
 * Unit id of a ZIP area in a geography that also holds counties: "zip:" + the ZIP, since ZIP codes and county FIPS
 * overlap (ZIP 06037 is in Connecticut, county 06037 is Los Angeles).
 */
export function zipUnitId(zip: string): UnitId {
  return `zip:${zip}` as UnitId;
}

/**
 * The key a located place is assigned under in a scenario: the unit itself, or, where the scenario split that unit,
 * the ZIP area of the place's ZIP (zipUnitId); null when the split unit holds no such ZIP.
 */
export function assignedUnitKey(unitId: UnitId, zip: string, splitUnits: readonly UnitId[] | undefined, zipParent: (zip: string) => UnitId | undefined): UnitId | null {
  if (!splitUnits?.includes(unitId)) return unitId;
  return zip !== '' && zipParent(zip) === unitId ? zipUnitId(zip) : null;
}

/** How accounts were placed on child units: by their ZIP, by point in polygon, or (outside every child polygon) on the nearest child. */
export type AccountPlacementCounts = { byZip: number; byPoint: number; byNearest: number; unchanged: number; unplaced: number };

/** Accounts to place: their coarse unit index (-1 unplaced), point, and optionally the finer unit id their ZIP names (e.g. zipUnitId(zip); '' unknown). */
export type AccountsToPlace = { unitIndex: ArrayLike<number>; x: ArrayLike<number>; y: ArrayLike<number>; zip?: ArrayLike<string> };

/**
 * Each account's unit in the mixed geography. An account in an unsplit coarse unit stays on it; one in a split unit
 * moves to the child its ZIP names (when that child lies in its county), else to the child polygon holding its
 * point (`childRings(c)`: the child's rings, holes included, even–odd), else to the nearest child point.
 */
export function placeAccountsInMixed(
  accounts: AccountsToPlace,
  coarse: Pick<GeoLevel, 'ids'>,
  children: Pick<ChildLevel, 'ids' | 'parent' | 'x' | 'y'>,
  mixed: Pick<MixedGeography, 'ids' | 'source' | 'level'>,
  childRings: (child: number) => readonly FlatRing[],
): { unitIndex: Int32Array; counts: AccountPlacementCounts } {
  const coarseToMixed = new Int32Array(coarse.ids.length).fill(-1);
  const childToMixed = new Int32Array(children.ids.length).fill(-1);
  for (let m = 0; m < mixed.ids.length; m++) {
    if (mixed.level[m] === 0) coarseToMixed[mixed.source[m]!] = m;
    else childToMixed[mixed.source[m]!] = m;
  }
  const kids = childrenByParent(children);
  const childIndex = new Map(children.ids.map((id, i) => [id as string, i]));
  const counts: AccountPlacementCounts = { byZip: 0, byPoint: 0, byNearest: 0, unchanged: 0, unplaced: 0 };
  const n = accounts.unitIndex.length;
  const out = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const cu = accounts.unitIndex[i]!;
    if (cu < 0 || cu >= coarse.ids.length) {
      counts.unplaced++;
      continue;
    }
    if (coarseToMixed[cu]! >= 0) {
      out[i] = coarseToMixed[cu]!;
      counts.unchanged++;
      continue;
    }
    const county = coarse.ids[cu]!;
    const zip = accounts.zip?.[i];
    const zc = zip ? childIndex.get(zip) : undefined;
    if (zc !== undefined && children.parent[zc] === county && childToMixed[zc]! >= 0) {
      out[i] = childToMixed[zc]!;
      counts.byZip++;
      continue;
    }
    const x = accounts.x[i]!, y = accounts.y[i]!;
    const list = kids.get(county) ?? [];
    const hit = list.find((c) => childRings(c).reduce((inside, ring) => (pointInRing(x, y, ring) ? !inside : inside), false));
    if (hit !== undefined) {
      out[i] = childToMixed[hit]!;
      counts.byPoint++;
      continue;
    }
    let best = -1, bestD = Infinity;
    for (const c of list) {
      const d = (children.x[c]! - x) ** 2 + (children.y[c]! - y) ** 2;
      if (d >= bestD) continue;
      bestD = d;
      best = c;
    }
    if (best < 0) {
      counts.unplaced++;
      continue;
    }
    out[i] = childToMixed[best]!;
    counts.byNearest++;
  }
  return { unitIndex: out, counts };
}

/**
 * Coarse units that "Split heavy units" splits: those holding more than `share` of one territory's target
 * (total / k) of a measure, heaviest first, and only those that have children to split into.
 */
export function heavyUnits(values: ArrayLike<number>, k: number, share: number, splittable: (unit: number) => boolean): number[] {
  if (!(k >= 1)) throw new Error(`heavyUnits: territory count must be at least 1 (got ${k})`);
  if (!(share > 0)) throw new Error(`heavyUnits: share of the target must be positive (got ${share})`);
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i]!;
  const limit = (total / k) * share;
  const out: number[] = [];
  for (let i = 0; i < values.length; i++) if (values[i]! > limit && splittable(i)) out.push(i);
  return out.sort((p, q) => values[q]! - values[p]!);
}
