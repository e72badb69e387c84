import type { Ctx } from './context';
import { territoryPieces } from './graph';
import { applyMove, disruptionChange } from './local-search';
import { pairExcess } from './recom';
import { unitCost, type State } from './state';

/**
 * Joins each stray piece of a territory (a connected piece not holding its centre and not a whole island) to the
 * neighbouring territory it fits best, when that keeps the pair's band excess and the disruption budget. Unit moves
 * never split a territory, but they cannot join one either: a baseline territory already in pieces keeps them, and a
 * piece of units that weigh nothing (no potential, so no compactness cost) is never worth a move on its own.
 * Returns the number of pieces joined.
 */
export function joinStrayPieces(ctx: Ctx, s: State): number {
  const { n, k } = ctx;
  const { offsets, neighbors } = ctx.adj;
  const T = ctx.targets.length;
  const pieceOf = new Int32Array(n).fill(-1);
  const islandPiece: boolean[] = [];
  territoryPieces(ctx.adj, s.assign, k, ctx.comp, ctx.compSize, s.centers, { pieceOf, islandPiece });
  const members = new Map<number, number[]>();
  for (let u = 0; u < n; u++) {
    const p = pieceOf[u]!;
    if (p < 0) continue;
    const l = members.get(p); if (l) l.push(u); else members.set(p, [u]);
  }
  const centrePiece = new Set<number>();
  for (let t = 0; t < k; t++) if (s.centers[t]! >= 0) centrePiece.add(pieceOf[s.centers[t]!]!);
  let joined = 0;
  const loadsOf = (t: number): Float64Array => s.loads.slice(t * T, (t + 1) * T);
  for (const [p, units] of members) {
    if (centrePiece.has(p) || islandPiece[p]) continue;
    const a = s.assign[units[0]!]!;
    if (a < 0 || ctx.lockedTerritory[a] || units.some((u) => ctx.fixed[u])) continue;
    const load = new Float64Array(T);
    for (const u of units) for (let j = 0; j < T; j++) load[j] = load[j]! + ctx.targets[j]!.values[u]!;
    const candidates = new Set<number>();
    for (const u of units) for (let e = offsets[u]!; e < offsets[u + 1]!; e++) {
      const b = s.assign[neighbors[e]!]!;
      if (b >= 0 && b !== a && !ctx.lockedTerritory[b]) candidates.add(b);
    }
    let best = -1; let bestKey = Infinity;
    const la = loadsOf(a);
    const laAfter = la.map((l, j) => l - load[j]!);
    for (const b of [...candidates].sort((x, y) => x - y)) {
      const lb = loadsOf(b);
      const excess = pairExcess(ctx, laAfter, lb.map((l, j) => l + load[j]!));
      if (excess > pairExcess(ctx, la, lb) + 1e-12) continue;
      let moved = 0; let cost = 0;
      for (const u of units) { moved += disruptionChange(ctx, u, a, b); cost += unitCost(ctx, u, s.centers[b]!) - unitCost(ctx, u, s.centers[a]!); }
      if (moved > 0 && s.moved + moved > ctx.budget) continue;
      const key = excess * 1e6 + cost / s.comp0;
      if (key < bestKey) { bestKey = key; best = b; }
    }
    if (best < 0) continue;
    for (const u of units) applyMove(ctx, s, u, best);
    joined++;
  }
  return joined;
}
