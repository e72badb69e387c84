import type { Ctx } from './context';
import type { Control } from './control';
import { balancePenalty, score, unitCost, worstDeviation, type State } from './state';

/** Scratch buffers reused across local-search calls on the same instance. */
export type Scratch = { stamp: Int32Array; gen: number; stack: Int32Array; queue: Int32Array; inQueue: Uint8Array };

/** Allocates scratch buffers for n units. */
export function createScratch(n: number): Scratch {
  return { stamp: new Int32Array(n), gen: 0, stack: new Int32Array(n), queue: new Int32Array(n), inQueue: new Uint8Array(n) };
}

/** True when territory a stays connected around u after removing u (BFS inside a from one a-neighbour of u). */
export function removalKeepsConnected(ctx: Ctx, s: State, sc: Scratch, u: number): boolean {
  const { offsets, neighbors } = ctx.adj;
  const a = s.assign[u]!;
  let need = 0; let first = -1;
  for (let e = offsets[u]!; e < offsets[u + 1]!; e++) {
    const v = neighbors[e]!;
    if (s.assign[v] === a) { need++; if (first < 0) first = v; }
  }
  if (need <= 1) return true;
  const gen = ++sc.gen;
  sc.stamp[u] = gen; sc.stamp[first] = gen;
  let top = 0; sc.stack[top++] = first;
  let found = 1;
  const isNbr = (v: number): boolean => {
    for (let e = offsets[u]!; e < offsets[u + 1]!; e++) if (neighbors[e] === v) return true;
    return false;
  };
  while (top > 0) {
    const w = sc.stack[--top]!;
    for (let e = offsets[w]!; e < offsets[w + 1]!; e++) {
      const v = neighbors[e]!;
      if (sc.stamp[v] === gen || s.assign[v] !== a) continue;
      sc.stamp[v] = gen; sc.stack[top++] = v;
      if (isNbr(v) && ++found === need) return true;
    }
  }
  return false;
}

/** Objective change of moving u from its territory to b (compactness + balance + disruption). */
export function moveDelta(ctx: Ctx, s: State, u: number, b: number): number {
  const a = s.assign[u]!;
  const T = ctx.targets.length;
  let d = (unitCost(ctx, u, s.centers[b]!) - unitCost(ctx, u, s.centers[a]!)) / s.comp0;
  for (let j = 0; j < T; j++) {
    const m = ctx.targets[j]!.values[u]!;
    if (m === 0) continue;
    const la = s.loads[a * T + j]!; const lb = s.loads[b * T + j]!;
    d += balancePenalty(ctx, j, la - m) - balancePenalty(ctx, j, la) + balancePenalty(ctx, j, lb + m) - balancePenalty(ctx, j, lb);
  }
  if (ctx.baseline && ctx.penalty > 0) d += (ctx.penalty * disruptionChange(ctx, u, a, b)) / ctx.basisTotal;
  return d;
}

/** Change of the moved disruption basis when u goes from a to b. */
export function disruptionChange(ctx: Ctx, u: number, a: number, b: number): number {
  const base = ctx.baseline?.[u] ?? -1;
  if (base < 0) return 0;
  return ctx.basis![u]! * (Number(b !== base) - Number(a !== base));
}

/** Applies the move of u to territory b. */
export function applyMove(ctx: Ctx, s: State, u: number, b: number): void {
  const a = s.assign[u]!;
  const T = ctx.targets.length;
  for (let j = 0; j < T; j++) {
    const m = ctx.targets[j]!.values[u]!;
    s.loads[a * T + j] = s.loads[a * T + j]! - (m); s.loads[b * T + j] = s.loads[b * T + j]! + (m);
  }
  s.size[a] = s.size[a]! - 1; s.size[b] = s.size[b]! + 1;
  s.comp += unitCost(ctx, u, s.centers[b]!) - unitCost(ctx, u, s.centers[a]!);
  if (ctx.baseline) s.moved += disruptionChange(ctx, u, a, b);
  s.assign[u] = b;
}

/** True when u may leave its territory at all (not fixed, not a centre, territory not locked or singleton). */
export function movable(ctx: Ctx, s: State, u: number): boolean {
  const a = s.assign[u]!;
  return a >= 0 && !ctx.fixed[u] && !ctx.lockedTerritory[a] && s.centers[a] !== u && s.size[a]! > 1;
}

/**
 * Boundary local search: repeatedly moves a unit to the neighbouring territory that lowers the objective most,
 * keeping contiguity (when required), locks and the disruption budget. Returns the number of moves.
 */
export function localSearch(ctx: Ctx, s: State, sc: Scratch, ctl: Control, maxMoves = Infinity): number {
  const { n } = ctx;
  const { offsets, neighbors } = ctx.adj;
  let head = 0; let len = 0;
  const push = (u: number): void => {
    if (sc.inQueue[u]) return;
    sc.inQueue[u] = 1; sc.queue[(head + len++) % n] = u;
  };
  for (let u = 0; u < n; u++) push(u);
  let moves = 0; let pops = 0;
  while (len > 0 && moves < maxMoves) {
    const u = sc.queue[head]!; head = (head + 1) % n; len--; sc.inQueue[u] = 0;
    if ((++pops & 255) === 0) {
      ctl.iterations++;
      if (ctl.stop()) break;
      ctl.progress({ phase: 'improve', bestObjective: score(ctx, s), worstDeviation: worstDeviation(ctx, s), fraction: Math.min(0.95, (ctl.now() - ctl.start) / (ctl.deadline - ctl.start)) });
    }
    if (!movable(ctx, s, u)) continue;
    const a = s.assign[u]!;
    let best = -1; let bestD = -1e-12;
    for (let e = offsets[u]!; e < offsets[u + 1]!; e++) {
      const b = s.assign[neighbors[e]!]!;
      if (b < 0 || b === a || ctx.lockedTerritory[b]) continue;
      const dm = ctx.baseline ? disruptionChange(ctx, u, a, b) : 0;
      if (dm > 0 && s.moved + dm > ctx.budget) continue;
      const d = moveDelta(ctx, s, u, b);
      if (d < bestD) { bestD = d; best = b; }
    }
    if (best < 0) continue;
    if (ctx.contiguity && !removalKeepsConnected(ctx, s, sc, u)) continue;
    applyMove(ctx, s, u, best);
    moves++;
    push(u);
    for (let e = offsets[u]!; e < offsets[u + 1]!; e++) push(neighbors[e]!);
  }
  while (len > 0) { sc.inQueue[sc.queue[head]!] = 0; head = (head + 1) % n; len--; }
  return moves;
}
