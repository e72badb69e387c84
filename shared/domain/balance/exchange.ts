import type { Ctx } from './context';
import type { Control } from './control';
import { applyMove, disruptionChange, moveDelta, movable, removalKeepsConnected, type Scratch } from './local-search';
import { balancePenalty, unitCost, type State } from './state';

/** Largest instance on which the quadratic swap neighbourhood is searched. */
export const EXCHANGE_MAX_UNITS = 400;

/** True when u touches territory b in the adjacency graph. */
export function touches(ctx: Ctx, s: State, u: number, b: number): boolean {
  const { offsets, neighbors } = ctx.adj;
  for (let e = offsets[u]!; e < offsets[u + 1]!; e++) if (s.assign[neighbors[e]!] === b) return true;
  return false;
}

/** Objective change of swapping u (in a) and v (in b): both move at once, loads change by m_v - m_u. */
export function swapDelta(ctx: Ctx, s: State, u: number, v: number): number {
  const a = s.assign[u]!; const b = s.assign[v]!;
  const T = ctx.targets.length;
  let d = (unitCost(ctx, u, s.centers[b]!) - unitCost(ctx, u, s.centers[a]!) + unitCost(ctx, v, s.centers[a]!) - unitCost(ctx, v, s.centers[b]!)) / s.comp0;
  for (let j = 0; j < T; j++) {
    const diff = ctx.targets[j]!.values[v]! - ctx.targets[j]!.values[u]!;
    if (diff === 0) continue;
    const la = s.loads[a * T + j]!; const lb = s.loads[b * T + j]!;
    d += balancePenalty(ctx, j, la + diff) - balancePenalty(ctx, j, la) + balancePenalty(ctx, j, lb - diff) - balancePenalty(ctx, j, lb);
  }
  if (ctx.baseline && ctx.penalty > 0) d += (ctx.penalty * (disruptionChange(ctx, u, a, b) + disruptionChange(ctx, v, b, a))) / ctx.basisTotal;
  return d;
}

/** Applies the move of u to b when it keeps locks, the budget and contiguity; returns whether it was applied. */
export function tryMove(ctx: Ctx, s: State, sc: Scratch, u: number, b: number): boolean {
  if (!movable(ctx, s, u) || ctx.lockedTerritory[b] || s.assign[u] === b) return false;
  if (ctx.baseline) { const dm = disruptionChange(ctx, u, s.assign[u]!, b); if (dm > 0 && s.moved + dm > ctx.budget) return false; }
  if (ctx.contiguity && (!touches(ctx, s, u, b) || !removalKeepsConnected(ctx, s, sc, u))) return false;
  applyMove(ctx, s, u, b);
  return true;
}

/** Swaps u and v when both single moves are admissible in sequence (undone otherwise); returns whether it was applied. */
export function trySwap(ctx: Ctx, s: State, sc: Scratch, u: number, v: number): boolean {
  const a = s.assign[u]!; const b = s.assign[v]!;
  if (ctx.baseline) {
    const dm = disruptionChange(ctx, u, a, b) + disruptionChange(ctx, v, b, a);
    if (dm > 0 && s.moved + dm > ctx.budget) return false;
  }
  const saved = ctx.budget;
  ctx.budget = Infinity; // the pair was checked as a whole above
  try {
    if (!tryMove(ctx, s, sc, u, b)) return false;
    if (tryMove(ctx, s, sc, v, a)) return true;
    applyMove(ctx, s, u, a);
    return false;
  } finally { ctx.budget = saved; }
}

/**
 * Exchange local search for small instances: the best improving move of any unit to any admissible territory
 * (every territory without contiguity, touching ones with it) and the best improving swap of two units of different
 * territories, repeated until no move or swap improves. Keeps locks, the disruption budget and contiguity. Returns moves.
 */
export function exchangeSearch(ctx: Ctx, s: State, sc: Scratch, ctl: Control, maxPasses = 50): number {
  const { n, k } = ctx;
  let total = 0;
  for (let pass = 0; pass < maxPasses; pass++) {
    let improved = 0;
    for (let u = 0; u < n; u++) {
      if ((u & 31) === 0 && ctl.stop()) return total;
      if (!movable(ctx, s, u)) continue;
      const a = s.assign[u]!;
      let best = -1; let bestD = -1e-12;
      for (let b = 0; b < k; b++) {
        if (b === a || ctx.lockedTerritory[b]) continue;
        const d = moveDelta(ctx, s, u, b);
        if (d < bestD && (!ctx.contiguity || touches(ctx, s, u, b))) { bestD = d; best = b; }
      }
      if (best >= 0 && tryMove(ctx, s, sc, u, best)) { improved++; continue; }
      let bv = -1; let bestS = -1e-12;
      for (let v = u + 1; v < n; v++) {
        const b = s.assign[v]!;
        if (b === a || b < 0 || !movable(ctx, s, v)) continue;
        const d = swapDelta(ctx, s, u, v);
        if (d < bestS && (!ctx.contiguity || (touches(ctx, s, u, b) && touches(ctx, s, v, a)) || adjacent(ctx, u, v))) { bestS = d; bv = v; }
      }
      if (bv >= 0 && trySwap(ctx, s, sc, u, bv)) improved++;
    }
    ctl.iterations++;
    total += improved;
    if (improved === 0) break;
  }
  return total;
}

function adjacent(ctx: Ctx, u: number, v: number): boolean {
  const { offsets, neighbors } = ctx.adj;
  for (let e = offsets[u]!; e < offsets[u + 1]!; e++) if (neighbors[e] === v) return true;
  return false;
}
