import type { Ctx } from './context';
import type { Control } from './control';
import { applyMove, movable, removalKeepsConnected, type Scratch } from './local-search';
import type { State } from './state';

/**
 * Diameter of every territory: the largest distance between two of its units, under the run's distance (shortest
 * paths over the edge distances when given, else the metric distance). O(Σ m²) over territory sizes m.
 */
export function territoryDiameters(ctx: Ctx, assign: Int32Array): Float64Array {
  const members = membersOf(ctx, assign);
  return Float64Array.from(members, (m) => diameterOf(ctx, m));
}

/** Largest territory diameter of an assignment. */
export function maxDiameter(ctx: Ctx, assign: Int32Array): number {
  let d = 0;
  for (const v of territoryDiameters(ctx, assign)) d = Math.max(d, v);
  return d;
}

function membersOf(ctx: Ctx, assign: Int32Array): number[][] {
  const members: number[][] = Array.from({ length: ctx.k }, () => []);
  for (let u = 0; u < ctx.n; u++) if (assign[u]! >= 0) members[assign[u]!]!.push(u);
  return members;
}

function diameterOf(ctx: Ctx, units: readonly number[], without = -1, plus = -1): number {
  let d = 0;
  for (let i = 0; i < units.length; i++) {
    const u = units[i]!;
    if (u === without) continue;
    for (let j = i + 1; j < units.length; j++) if (units[j] !== without) d = Math.max(d, ctx.dist(u, units[j]!));
    if (plus >= 0) d = Math.max(d, ctx.dist(u, plus));
  }
  return d;
}

/** Relative amount outside the band of territory t after adding sign × u's values (and sign2 × w's) to its loads. */
function excessOf(ctx: Ctx, s: State, t: number, sign: number, u: number, sign2 = 0, w = -1): number {
  const T = ctx.targets.length;
  let e = 0;
  for (let j = 0; j < T; j++) {
    const tg = ctx.targets[j]!;
    if (tg.mean <= 0) continue;
    const l = s.loads[t * T + j]! + sign * tg.values[u]! + (w >= 0 ? sign2 * tg.values[w]! : 0);
    e += Math.max(0, l - tg.hi, tg.lo - l) / tg.mean;
  }
  return e;
}

type Move = { u: number; b: number; w: number; c: number; value: number };

/**
 * Diameter descent (objective 'diameter'), in place: takes the territory with the largest diameter and moves one unit
 * of a farthest pair to a neighbouring territory, alone or together with a compensating unit w that joins from a
 * neighbour c, when the band excess does not grow, contiguity holds and every touched territory ends with a smaller
 * diameter than the current largest. Stops when no such move exists or on the time limit. Returns the moves made.
 */
export function diameterSearch(ctx: Ctx, s: State, sc: Scratch, ctl: Control, maxMoves = 100_000): number {
  const { adj } = ctx;
  const members = membersOf(ctx, s.assign);
  const diam = Float64Array.from(members, (m) => diameterOf(ctx, m));
  const connectedWithout = (u: number): boolean => !ctx.contiguity || removalKeepsConnected(ctx, s, sc, u);
  let moves = 0;
  const blocked = new Uint8Array(ctx.k);
  while (moves < maxMoves && !ctl.stop()) {
    let a = -1;
    for (let t = 0; t < ctx.k; t++) if (!blocked[t] && (a < 0 || diam[t]! > diam[a]!)) a = t;
    if (a < 0) break;
    let globalMax = 0;
    for (let t = 0; t < ctx.k; t++) globalMax = Math.max(globalMax, diam[t]!);
    const D = diam[a]!;
    if (D < globalMax - 1e-12) break; // the largest territory is stuck: nothing below it can lower the max
    const eps = 1e-9 * Math.max(1, D);
    const ma = members[a]!;
    const ends: number[] = [];
    for (const u of ma) for (const v of ma) if (ctx.dist(u, v) >= D - eps) { ends.push(u); break; }
    let best: Move | null = null;
    for (const u of ends) {
      if (!movable(ctx, s, u) || !connectedWithout(u)) continue;
      const dA = diameterOf(ctx, ma, u);
      if (dA >= D - eps) continue;
      // Without contiguity u may join any territory; with it, a neighbouring one.
      const targets = new Set<number>();
      if (ctx.contiguity) for (let e = adj.offsets[u]!; e < adj.offsets[u + 1]!; e++) targets.add(s.assign[adj.neighbors[e]!]!);
      else for (let t = 0; t < ctx.k; t++) targets.add(t);
      for (const b of targets) {
        if (b < 0 || b === a || ctx.lockedTerritory[b]) continue;
        const dB = diameterOf(ctx, members[b]!, -1, u);
        if (dB >= D - eps) continue;
        const before = excessOf(ctx, s, a, 0, u) + excessOf(ctx, s, b, 0, u);
        const after = excessOf(ctx, s, a, -1, u) + excessOf(ctx, s, b, 1, u);
        const value = Math.max(dA, dB);
        if (after <= before + 1e-12) {
          if (!best || value < best.value) best = { u, b, w: -1, c: -1, value };
          continue;
        }
        // Compensate: a unit w of a neighbouring territory c joins a (c = b gives a swap; without contiguity any w of b).
        const joiners: number[] = [];
        for (const x of ma) if (x !== u) for (let f = adj.offsets[x]!; f < adj.offsets[x + 1]!; f++) joiners.push(adj.neighbors[f]!);
        if (!ctx.contiguity) joiners.push(...members[b]!);
        {
          for (const w of joiners) {
            const c = s.assign[w]!;
            if (c < 0 || c === a || w === u || ctx.lockedTerritory[c] || !movable(ctx, s, w)) continue;
            const dA2 = Math.max(dA, maxTo(ctx, ma, w, u));
            if (dA2 >= D - eps) continue;
            const dB2 = c === b ? diameterOf(ctx, members[b]!, w, u) : dB;
            if (dB2 >= D - eps) continue;
            const excessBefore = c === b ? before : before + excessOf(ctx, s, c, 0, w);
            const excessAfter = c === b
              ? excessOf(ctx, s, a, -1, u, 1, w) + excessOf(ctx, s, b, 1, u, -1, w)
              : excessOf(ctx, s, a, -1, u, 1, w) + excessOf(ctx, s, b, 1, u) + excessOf(ctx, s, c, -1, w);
            if (excessAfter > excessBefore + 1e-12) continue;
            const v2 = Math.max(dA2, dB2);
            if (best && v2 >= best.value) continue;
            if (!connectedWithout(w)) continue;
            if (c === b && ctx.contiguity && !swapKeepsConnected(ctx, s, sc, u, w)) continue;
            best = { u, b, w, c, value: v2 };
          }
        }
      }
    }
    if (!best) { blocked[a] = 1; continue; }
    const touched = [a, best.b];
    applyMove(ctx, s, best.u, best.b);
    if (best.w >= 0) { applyMove(ctx, s, best.w, a); touched.push(best.c); }
    for (const t of touched) {
      members[t] = [];
      blocked[t] = 0;
    }
    for (let u = 0; u < ctx.n; u++) if (touched.includes(s.assign[u]!)) members[s.assign[u]!]!.push(u);
    for (const t of touched) diam[t] = diameterOf(ctx, members[t]!);
    moves++;
    ctl.iterations++;
  }
  return moves;
}

function maxTo(ctx: Ctx, units: readonly number[], w: number, without: number): number {
  let d = 0;
  for (const v of units) if (v !== without) d = Math.max(d, ctx.dist(v, w));
  return d;
}

/** After u: a→b and w: b→a, both territories are still connected (checked by applying and undoing the swap). */
function swapKeepsConnected(ctx: Ctx, s: State, sc: Scratch, u: number, w: number): boolean {
  const a = s.assign[u]!; const b = s.assign[w]!;
  s.assign[u] = b; s.assign[w] = a;
  const ok = connected(ctx, s, sc, a) && connected(ctx, s, sc, b);
  s.assign[u] = a; s.assign[w] = b;
  return ok;
}

function connected(ctx: Ctx, s: State, sc: Scratch, t: number): boolean {
  const { offsets, neighbors } = ctx.adj;
  let start = -1; let size = 0;
  for (let u = 0; u < ctx.n; u++) if (s.assign[u] === t) { size++; if (start < 0) start = u; }
  if (size <= 1) return true;
  const gen = ++sc.gen;
  sc.stamp[start] = gen;
  let top = 0; sc.stack[top++] = start;
  let seen = 1;
  while (top > 0) {
    const x = sc.stack[--top]!;
    for (let e = offsets[x]!; e < offsets[x + 1]!; e++) {
      const v = neighbors[e]!;
      if (sc.stamp[v] === gen || s.assign[v] !== t) continue;
      sc.stamp[v] = gen; sc.stack[top++] = v; seen++;
    }
  }
  return seen === size;
}
