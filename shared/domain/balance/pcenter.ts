import { territoryMembers } from './centers';
import type { Ctx } from './context';
import type { Control } from './control';
import { touches } from './exchange';
import { applyMove, disruptionChange, movable, removalKeepsConnected, type Scratch } from './local-search';
import { canCenter } from './seed';
import { refreshCompactness, type State } from './state';

const EPS = 1e-9;
/** Instances up to this size also try moves and swaps of a farthest unit with both centres re-optimised. */
const SWAP_MAX_UNITS = 400;
/** Instances up to this size also try swaps of any unit of the farthest unit's territory. */
const ANY_SWAP_MAX_UNITS = 60;
/** Territories up to this size try every member as the minimax centre; larger ones the 48 nearest the bounding-box middle. */
const EXACT_CENTER_LIMIT = 400;

/** Largest unit-to-centre distance over all territories (the p-center objective). */
export function maxRadius(ctx: Ctx, s: State): number {
  let r = 0;
  for (let u = 0; u < ctx.n; u++) { const t = s.assign[u]!; if (t >= 0 && s.centers[t]! >= 0) r = Math.max(r, ctx.dist(u, s.centers[t]!)); }
  return r;
}

/**
 * p-center local search for objective 'max' (minimise the largest unit-to-centre distance), in place. Each round takes
 * the territories at the current maximum radius R and (1) moves the centre to the member minimising the territory's
 * radius, else (2) moves each unit at distance R to an admissible territory whose centre is closer than R, when that
 * does not raise the band excess (else (3) as a chain: the unit moves and one unit of the receiving territory moves on
 * to a third territory, again within R, so that the band excess does not rise; else, on small instances, (4) the unit
 * moves to, or swaps with a unit of, another territory and both centres are re-optimised, kept when both radii drop
 * below R and the band excess does not rise). Locks, contiguity and the disruption
 * budget hold as in the boundary search. Every accepted round lowers R or the number of units at R, so it ends;
 * it also stops on cancellation or the time limit. Returns the number of changes.
 */
export function pcenterSearch(ctx: Ctx, s: State, sc: Scratch, ctl: Control, maxRounds = 10_000): number {
  let changes = 0;
  for (let round = 0; round < maxRounds && !ctl.stop(); round++) {
    ctl.iterations++;
    const { start, units } = territoryMembers(s.assign, ctx.k);
    const radius = new Float64Array(ctx.k);
    let R = 0;
    for (let t = 0; t < ctx.k; t++) {
      const c = s.centers[t]!;
      if (c < 0) continue;
      for (let i = start[t]!; i < start[t + 1]!; i++) radius[t] = Math.max(radius[t]!, ctx.dist(units[i]!, c));
      R = Math.max(R, radius[t]!);
    }
    if (R <= 0) break;
    let improved = false;
    for (let t = 0; t < ctx.k && !improved; t++) {
      if (radius[t]! < R - EPS || ctx.lockedTerritory[t]) continue;
      const members = Array.from(units.subarray(start[t]!, start[t + 1]!));
      const c = minimaxCenter(ctx, s, members, t);
      if (c >= 0 && c !== s.centers[t] && radiusOf(ctx, members, c) < radius[t]! - EPS) {
        s.centers[t] = c; refreshCompactness(ctx, s); improved = true; break;
      }
      const far = members.filter((u) => ctx.dist(u, s.centers[t]!) >= R - EPS);
      for (const u of far) if (relocate(ctx, s, sc, u, R, radius)) { improved = true; break; }
      if (!improved && ctx.n <= SWAP_MAX_UNITS) for (const u of far) if (swapRecentre(ctx, s, sc, u, R)) { improved = true; break; }
    }
    if (!improved) break;
    changes++;
  }
  return changes;
}

function radiusOf(ctx: Ctx, members: number[], c: number): number {
  let r = 0;
  for (const u of members) r = Math.max(r, ctx.dist(u, c));
  return r;
}

/** Member of territory t (admissible as its centre, in the current centre's graph component) with the least radius. */
function minimaxCenter(ctx: Ctx, s: State, members: number[], t: number): number {
  const cur = s.centers[t]!;
  const home = cur >= 0 ? ctx.comp[cur]! : ctx.comp[members[0]!]!;
  let cands = members.filter((u) => ctx.comp[u] === home && canCenter(ctx, u, t));
  if (cands.length > EXACT_CENTER_LIMIT) {
    let x0 = Infinity; let x1 = -Infinity; let y0 = Infinity; let y1 = -Infinity;
    for (const u of members) { x0 = Math.min(x0, ctx.x[u]!); x1 = Math.max(x1, ctx.x[u]!); y0 = Math.min(y0, ctx.y[u]!); y1 = Math.max(y1, ctx.y[u]!); }
    const mx = (x0 + x1) / 2; const my = (y0 + y1) / 2;
    cands = cands.map((u) => ({ u, d: (ctx.x[u]! - mx) ** 2 + (ctx.y[u]! - my) ** 2 })).sort((p, q) => p.d - q.d).slice(0, 48).map((p) => p.u);
  }
  let best = cur; let bestR = cur >= 0 ? radiusOf(ctx, members, cur) : Infinity;
  for (const c of cands) {
    let r = 0;
    for (const u of members) { r = Math.max(r, ctx.dist(u, c)); if (r >= bestR) break; }
    if (r < bestR - EPS) { bestR = r; best = c; }
  }
  return best;
}

/** Band excess of territory t's loads plus delta (per target, relative to the mean). */
function excessWith(ctx: Ctx, s: State, t: number, u: number, sign: number): number {
  const T = ctx.targets.length;
  let e = 0;
  for (let j = 0; j < T; j++) {
    const tg = ctx.targets[j]!;
    if (tg.mean <= 0) continue;
    const l = s.loads[t * T + j]! + sign * tg.values[u]!;
    e += Math.max(0, l - tg.hi, tg.lo - l) / tg.mean;
  }
  return e;
}

/** Checks locks, budget and contiguity of moving u to b (without applying it). */
function admissible(ctx: Ctx, s: State, sc: Scratch, u: number, b: number): boolean {
  const a = s.assign[u]!;
  if (b === a || b < 0 || ctx.lockedTerritory[b] || !movable(ctx, s, u) || s.centers[b]! < 0) return false;
  if (ctx.baseline) { const dm = disruptionChange(ctx, u, a, b); if (dm > 0 && s.moved + dm > ctx.budget) return false; }
  if (ctx.contiguity && (!touches(ctx, s, u, b) || !removalKeepsConnected(ctx, s, sc, u))) return false;
  return true;
}

/** Candidate receiving territories of u: neighbours' territories with contiguity, else all. */
function targetsOf(ctx: Ctx, s: State, u: number): number[] {
  if (!ctx.contiguity) return Array.from({ length: ctx.k }, (_, t) => t);
  const out = new Set<number>();
  for (let e = ctx.adj.offsets[u]!; e < ctx.adj.offsets[u + 1]!; e++) out.add(s.assign[ctx.adj.neighbors[e]!]!);
  return Array.from(out).sort((p, q) => p - q);
}

/** Moves u (at distance R from its centre) to a territory whose centre is closer than R without raising the band excess. */
function relocate(ctx: Ctx, s: State, sc: Scratch, u: number, R: number, radius: Float64Array): boolean {
  const a = s.assign[u]!;
  const before = (b: number): number => excessWith(ctx, s, a, u, 0) + excessWith(ctx, s, b, u, 0);
  let best = -1; let bestKey = Infinity;
  const chain: number[] = [];
  for (const b of targetsOf(ctx, s, u)) {
    if (b === a || b < 0) continue;
    const d = ctx.dist(u, s.centers[b]!);
    if (d >= R - EPS || !admissible(ctx, s, sc, u, b)) continue;
    const after = excessWith(ctx, s, a, u, -1) + excessWith(ctx, s, b, u, 1);
    if (after <= before(b) + EPS) {
      const key = Math.max(radius[b]!, d) + 1e-6 * after;
      if (key < bestKey) { bestKey = key; best = b; }
    } else chain.push(b);
  }
  if (best >= 0) { applyMove(ctx, s, u, best); return true; }
  // Ejection chain of length two: u -> b, then some v of b -> c (c may be a), both within R, excess not raised.
  for (const b of chain) {
    const excess0 = totalExcess(ctx, s);
    applyMove(ctx, s, u, b);
    for (let i = 0; i < ctx.n; i++) {
      if (s.assign[i] !== b || i === u) continue;
      for (const c of targetsOf(ctx, s, i)) {
        if (c === b || c < 0 || ctx.dist(i, s.centers[c]!) >= R - EPS || !admissible(ctx, s, sc, i, c)) continue;
        applyMove(ctx, s, i, c);
        if (totalExcess(ctx, s) <= excess0 + EPS) return true;
        applyMove(ctx, s, i, b);
      }
    }
    applyMove(ctx, s, u, a);
  }
  return false;
}

function totalExcess(ctx: Ctx, s: State): number {
  let e = 0;
  for (let t = 0; t < ctx.k; t++) e += excessWith(ctx, s, t, 0, 0);
  return e;
}

/**
 * Move u to another territory b, or swap it with a unit of b, re-optimising both centres; on tiny instances (≤
 * ANY_SWAP_MAX_UNITS) also swaps of any other unit of u's territory. Kept when both radii end below R and the band
 * excess does not rise.
 */
function swapRecentre(ctx: Ctx, s: State, sc: Scratch, u: number, R: number): boolean {
  const a = s.assign[u]!;
  const excess0 = totalExcess(ctx, s);
  const ca = s.centers[a]!;
  const tryPair = (b: number): boolean => {
    const cb = s.centers[b]!;
    const memA: number[] = []; const memB: number[] = [];
    for (let i = 0; i < ctx.n; i++) { if (s.assign[i] === a) memA.push(i); else if (s.assign[i] === b) memB.push(i); }
    if (memA.length + memB.length > 200) return false;
    const na = minimaxCenter(ctx, s, memA, a); const nb = minimaxCenter(ctx, s, memB, b);
    if (na >= 0 && nb >= 0 && radiusOf(ctx, memA, na) < R - EPS && radiusOf(ctx, memB, nb) < R - EPS && totalExcess(ctx, s) <= excess0 + EPS) {
      s.centers[a] = na; s.centers[b] = nb; refreshCompactness(ctx, s);
      return true;
    }
    s.centers[a] = ca; s.centers[b] = cb;
    return false;
  };
  const movers = [u];
  if (ctx.n <= ANY_SWAP_MAX_UNITS) for (let i = 0; i < ctx.n; i++) if (s.assign[i] === a && i !== u) movers.push(i);
  for (const x of movers) {
    for (const b of targetsOf(ctx, s, x)) {
      if (b === a || b < 0 || !admissible(ctx, s, sc, x, b)) continue;
      applyMove(ctx, s, x, b);
      if (x === u && tryPair(b)) return true;
      for (let v = 0; v < ctx.n; v++) {
        if (s.assign[v] !== b || v === x || !admissible(ctx, s, sc, v, a)) continue;
        applyMove(ctx, s, v, a);
        if (tryPair(b)) return true; // radiusOf(a) covers u when it stayed in a
        applyMove(ctx, s, v, b);
      }
      applyMove(ctx, s, x, a);
    }
  }
  return false;
}
