import type { Ctx } from './context';

/** Weight of squared deviation from the mean (pulls every territory towards the mean). */
export const DEV_WEIGHT = 20;
/** Weight of relative excess outside the band (makes the band a near-hard target). */
export const OUT_WEIGHT = 400;

/** Mutable search state: assignment, centres, per-territory loads of the target measures. */
export type State = {
  assign: Int32Array;
  centers: Int32Array;
  /** loads[t * T + j] for target j. */
  loads: Float64Array;
  size: Int32Array;
  /** Σ unit cost (weighted distance, or squared distance for 'max'). */
  comp: number;
  /** Normaliser of comp so that the compactness term starts near 1. */
  comp0: number;
  /** Moved amount of the disruption basis vs the baseline. */
  moved: number;
};

/** Compactness cost of unit u in a territory centred at c ('max': d^maxPower, a smooth proxy of the largest distance). */
export function unitCost(ctx: Ctx, u: number, c: number): number {
  const d = ctx.dist(u, c);
  return ctx.objective === 'sum' ? ctx.weights[u]! * d : ctx.maxPower === 2 ? d * d : d ** ctx.maxPower;
}

/** Balance penalty of one territory load on target j. */
export function balancePenalty(ctx: Ctx, j: number, load: number): number {
  const t = ctx.targets[j]!;
  if (t.mean === 0) return 0;
  const dev = (load - t.mean) / t.mean;
  const out = Math.max(0, load - t.hi, t.lo - load) / t.mean;
  return t.weight * (ctx.devWeight * dev * dev + OUT_WEIGHT * out);
}

/** Builds loads, sizes, costs and disruption from an assignment and centres. */
export function createState(ctx: Ctx, assign: Int32Array, centers: Int32Array, comp0?: number): State {
  const T = ctx.targets.length;
  const loads = ctx.fixedLoad.slice();
  const size = new Int32Array(ctx.k);
  let comp = 0; let moved = 0;
  for (let u = 0; u < ctx.n; u++) {
    const t = assign[u]!;
    if (t < 0) continue;
    size[t] = size[t]! + 1;
    for (let j = 0; j < T; j++) loads[t * T + j] = loads[t * T + j]! + (ctx.targets[j]!.values[u]!);
    comp += unitCost(ctx, u, centers[t]!);
    if (ctx.baseline && ctx.baseline[u]! >= 0 && ctx.baseline[u] !== t) moved += ctx.basis![u]!;
  }
  return { assign, centers, loads, size, comp, comp0: comp0 ?? (comp > 0 ? comp : 1), moved };
}

/** Normalised objective: compactness + balance penalties + disruption penalty. */
export function score(ctx: Ctx, s: State): number {
  const T = ctx.targets.length;
  let v = s.comp / s.comp0;
  for (let t = 0; t < ctx.k; t++) for (let j = 0; j < T; j++) v += balancePenalty(ctx, j, s.loads[t * T + j]!);
  if (ctx.basisTotal > 0) v += (ctx.penalty * s.moved) / ctx.basisTotal;
  return v;
}

/** Worst |deviation| from the mean over territories and targets. */
export function worstDeviation(ctx: Ctx, s: State): number {
  const T = ctx.targets.length;
  let w = 0;
  for (let t = 0; t < ctx.k; t++) for (let j = 0; j < T; j++) {
    const m = ctx.targets[j]!.mean;
    if (m > 0) w = Math.max(w, Math.abs(s.loads[t * T + j]! - m) / m);
  }
  return w;
}

/** Sum over territories and targets of the amount outside the band, relative to the mean. */
export function bandExcess(ctx: Ctx, s: State): number {
  const T = ctx.targets.length;
  let e = 0;
  for (let t = 0; t < ctx.k; t++) for (let j = 0; j < T; j++) {
    const tg = ctx.targets[j]!; const l = s.loads[t * T + j]!;
    if (tg.mean > 0) e += Math.max(0, l - tg.hi, tg.lo - l) / tg.mean;
  }
  return e;
}

/** Recomputes the compactness total after centres changed. */
export function refreshCompactness(ctx: Ctx, s: State): void {
  let comp = 0;
  for (let u = 0; u < ctx.n; u++) if (s.assign[u]! >= 0) comp += unitCost(ctx, u, s.centers[s.assign[u]!]!);
  s.comp = comp;
}
