import { buildContext, type Ctx } from './context';
import { createControl, type Control } from './control';
import { attachUnreached, createGrowBuffers, tuneOffsets } from './construct';
import { recenter } from './centers';
import { applyMove, createScratch, disruptionChange, localSearch, movable, removalKeepsConnected, type Scratch } from './local-search';
import { diameterSearch, maxDiameter } from './diameter';
import { exchangeSearch, EXCHANGE_MAX_UNITS } from './exchange';
import { transportAssign } from './transport';
import { maxRadius, pcenterSearch } from './pcenter';
import { precheck } from './precheck';
import { frozenTerritories, recomRepair, repairableExcess } from './recom';
import { evaluate } from './report';
import { seedCenters } from './seed';
import { joinStrayPieces } from './stray-pieces';
import { createRng } from '../random';
import { bandExcess, createState, DEV_WEIGHT, refreshCompactness, score, worstDeviation, type State } from './state';
import type { BalanceInput, BalanceOptions, BalanceResult, BalanceStop } from './types';
import { BalanceInputError, validateBalanceInput } from './validate';

const TUNE_ITERATIONS = 40;
const CENTER_ROUNDS = 3;
const IMPROVE_ROUNDS = 6;
const POLISH_DEV_WEIGHT = 0.01;
/** Iterated local search: a centre swap whose transportation LP is this much above the current plan is not settled. */
const PRUNE_MARGIN = 0.03;
/**
 * Centre search without contiguity: steps without a gain before a step swaps two centres (three after twice as many),
 * and before a restart from random centres. Measured on the Osman & Christofides set at 1 s CPU, seeds 1-5: single
 * swaps only, mean gap 0.42 %, max 3.09 % (a plan three centres away from the optimum); with both, mean 0.13-0.22 %,
 * max 0.58-0.97 %.
 */
const KICK_AFTER = 100;
const RESTART_AFTER = 600;
/** Iterated local search on contiguous plans: boundary units moved per perturbation. */
const SHAKE_MOVES = 8;

/**
 * Runs the balancing engine: design from scratch (no baseline) or rebalance a baseline, synchronously.
 * Throws BalanceInputError for invalid input; unmeetable constraints are reported in report.violations.
 * Deterministic for a given input.seed (unless the time limit or cancellation cuts the search short).
 */
export function runBalance(input: BalanceInput, opts: BalanceOptions = {}): BalanceResult {
  const issues = validateBalanceInput(input);
  if (issues.length > 0) throw new BalanceInputError(issues);
  const ctl = createControl(opts, input.timeLimitMs ?? 5000);
  ctl.progress({ phase: 'validate', bestObjective: Infinity, worstDeviation: Infinity, fraction: 0 });
  const ctx = buildContext(input);
  const proven = precheck(ctx);
  const rebalance = ctx.baseline !== null;
  const restarts = rebalance ? 1 : input.restarts ?? (ctx.n <= 300 ? 12 : ctx.n <= 3000 ? 2 : 1);
  const scratch = createScratch(ctx.n);
  let best: State | null = null;
  let done = 0;
  for (let r = 0; r < restarts; r++) {
    if (r > 0 && ctl.stop()) break;
    let s = rebalance ? startFromBaseline(ctx) : design(ctx, ctl, (input.seed ?? 1) + r * 7919);
    improve(ctx, s, scratch, ctl);
    if (repair(ctx, s, ctl, (input.seed ?? 1) + r * 7919)) improve(ctx, s, scratch, ctl);
    // Polish: inside the band only compactness (and disruption) matter, as in the exact model.
    ctx.devWeight = POLISH_DEV_WEIGHT;
    improve(ctx, s, scratch, ctl);
    if (ctx.n <= EXCHANGE_MAX_UNITS) s = smallPolish(ctx, s, scratch, ctl);
    // p-center: the search above works on Σ d² as a smooth proxy; this pass minimises the largest distance itself.
    if (ctx.objective === 'max') s = pcenter(ctx, s, scratch, ctl);
    // Territories still outside the band: keep repairing while the time limit allows and the repair makes progress.
    for (let round = 0; round < 20 && !ctl.stop() && ctx.contiguity; round++) {
      const before = repairableExcess(ctx, s, frozenTerritories(ctx, s.assign));
      if (before <= 1e-12 || !repair(ctx, s, ctl, (input.seed ?? 1) + r * 7919 + round + 1)) break;
      ctx.devWeight = POLISH_DEV_WEIGHT;
      improve(ctx, s, scratch, ctl);
      ctx.devWeight = DEV_WEIGHT;
      if (repairableExcess(ctx, s, frozenTerritories(ctx, s.assign)) >= before - 1e-12) break;
    }
    if (ctx.contiguity && ctx.hasGraph && joinStrayPieces(ctx, s) > 0) {
      recenter(ctx, s.assign, s.centers);
      refreshCompactness(ctx, s);
    }
    done++;
    if (!best || better(ctx, s, best)) best = s;
    checkBound(ctx, ctl, best, opts.lowerBound);
    ctx.devWeight = DEV_WEIGHT;
    ctl.progress({ phase: 'improve', bestObjective: score(ctx, best), worstDeviation: worstDeviation(ctx, best), fraction: Math.min(0.95, (r + 1) / restarts) });
  }
  if (best && input.perturbations !== undefined && input.perturbations !== 0) {
    const budget = input.perturbations === 'until-time-limit' ? Infinity : input.perturbations;
    if (!rebalance && !ctx.contiguity && ctx.n <= EXCHANGE_MAX_UNITS) best = perturb(ctx, best, scratch, ctl, input.seed ?? 1, budget, opts.lowerBound);
    // Everything else (contiguous plans, rebalances, large instances): boundary shakes on the adjacency (k nearest
    // neighbours when none was given).
    else best = shake(ctx, best, scratch, ctl, input.seed ?? 1, budget, opts.lowerBound);
  }
  const s = best!;
  ctl.progress({ phase: 'report', bestObjective: score(ctx, s), worstDeviation: worstDeviation(ctx, s), fraction: 0.97 });
  const ev = evaluate(ctx, s.assign, s.centers, proven);
  const end = ctl.now();
  const stoppedBy: BalanceStop = ctl.cancelled ? 'cancelled' : ctl.proven ? 'bound' : end > ctl.deadline ? 'time-limit' : typeof input.perturbations === 'number' && input.perturbations > 0 ? 'steps' : 'converged';
  const report = { ...ev, score: score(ctx, s), runtimeMs: end - ctl.start, iterations: ctl.iterations, restarts: done, cancelled: ctl.cancelled, stoppedBy };
  ctl.progress({ phase: 'report', bestObjective: report.score, worstDeviation: report.worstDeviation, fraction: 1 });
  return { assignment: s.assign, centers: s.centers, report };
}

/**
 * Small instances: exchange search (moves to any admissible territory and swaps) alternated with centre moves; without
 * contiguity also location–allocation with the exact transportation allocation for the current centres (rounded and
 * repaired by the exchange search) until the centres stop moving. Returns the best state seen.
 */
function smallPolish(ctx: Ctx, s: State, sc: Scratch, ctl: Control): State {
  const settle = (st: State): void => {
    for (let round = 0; round < 10 && !ctl.stop(); round++) {
      exchangeSearch(ctx, st, sc, ctl);
      if (!recenter(ctx, st.assign, st.centers)) break;
      refreshCompactness(ctx, st);
    }
  };
  settle(s);
  let best = s;
  if (ctx.contiguity) return best;
  let centers = s.centers.slice();
  const seen = new Set<string>();
  for (let round = 0; round < 20 && !ctl.stop(); round++) {
    const key = Array.from(centers).sort((p, q) => p - q).join(',');
    if (seen.has(key)) break;
    seen.add(key);
    const tr = transportAssign(ctx, centers);
    if (!tr) break;
    const st = createState(ctx, tr.assign, centers.slice(), s.comp0);
    settle(st);
    if (better(ctx, st, best)) best = st;
    centers = st.centers.slice();
  }
  return best;
}

/**
 * Iterated local search on the centres (small instances without contiguity): close one centre and open another unit
 * (half the time a member of the same territory, else any unit), allocate by the transportation model, settle with the
 * exchange search and centre moves, and keep the plan when it is better. After KICK_AFTER steps without a gain a step
 * swaps two centres, after twice that three; after RESTART_AFTER the search restarts from random centres (the best plan
 * is kept). Runs `budget` steps or until the time limit.
 */
function perturb(ctx: Ctx, start: State, sc: Scratch, ctl: Control, seed: number, budget: number, bound?: number): State {
  const rng = createRng(seed * 31 + 17);
  // As in the polish: inside the band only compactness matters.
  ctx.devWeight = POLISH_DEV_WEIGHT;
  let cur = start;
  let best = start;
  let stale = 0;
  for (let it = 0; it < budget && !ctl.stop(); it++) {
    if (stale >= RESTART_AFTER) {
      stale = 0;
      const centers = randomCenters(ctx, rng);
      const tr = transportAssign(ctx, centers);
      if (!tr) continue;
      cur = smallPolish(ctx, createState(ctx, tr.assign, centers, best.comp0), sc, ctl);
      if (better(ctx, cur, best)) { best = cur; checkBound(ctx, ctl, best, bound); }
      continue;
    }
    const centers = cur.centers.slice();
    const kicks = 1 + Math.min(2, Math.floor(stale / KICK_AFTER));
    let opened = 0;
    for (let q = 0; q < kicks; q++) {
      const t = Math.floor(rng() * ctx.k);
      const local = rng() < 0.5;
      let u = -1;
      for (let tries = 0; tries < 50 && u < 0; tries++) {
        const v = Math.floor(rng() * ctx.n);
        if (ctx.candidate[v] && !centers.includes(v) && (!local || cur.assign[v] === t)) u = v;
      }
      if (u >= 0) { centers[t] = u; opened++; }
    }
    if (opened === 0) continue;
    const tr = transportAssign(ctx, centers);
    if (!tr) continue;
    ctl.iterations++;
    stale++;
    // The transportation LP is a lower bound of any allocation to these centres; the settle below may still gain by
    // moving the centres, so a step is dropped only when the LP is PRUNE_MARGIN above the current plan. Measured on the
    // Osman & Christofides set at 1 s CPU: mean gap 0.98 % -> 0.69 %, max 6.34 % -> 3.09 % (margins 0-10 % alike).
    if (ctx.objective === 'sum' && bandExcess(ctx, cur) <= 1e-12 && tr.lpCost >= cur.comp * (1 + PRUNE_MARGIN)) continue;
    const st = createState(ctx, tr.assign, centers, cur.comp0);
    for (let round = 0; round < 10 && !ctl.stop(); round++) {
      exchangeSearch(ctx, st, sc, ctl);
      if (!recenter(ctx, st.assign, st.centers)) break;
      refreshCompactness(ctx, st);
    }
    if (better(ctx, st, cur)) {
      cur = st;
      stale = 0;
      if (better(ctx, st, best)) { best = st; checkBound(ctx, ctl, best, bound); }
    }
    searchProgress(ctx, ctl, best, it, budget);
  }
  ctx.devWeight = DEV_WEIGHT;
  return best;
}

/** k distinct random candidate centres (fewer when there are fewer candidates). */
function randomCenters(ctx: Ctx, rng: () => number): Int32Array {
  const out: number[] = [];
  for (let tries = 0; out.length < ctx.k && tries < 100 * ctx.n; tries++) {
    const v = Math.floor(rng() * ctx.n);
    if (ctx.candidate[v] && !out.includes(v)) out.push(v);
  }
  return Int32Array.from(out);
}

/** Progress of an iterated local search: by steps against a step budget, else by time against the limit. */
function searchProgress(ctx: Ctx, ctl: Control, cur: State, it: number, budget: number): void {
  const fraction = budget === Infinity ? (ctl.now() - ctl.start) / Math.max(1, ctl.deadline - ctl.start) : (it + 1) / budget;
  ctl.progress({ phase: 'improve', bestObjective: score(ctx, cur), worstDeviation: worstDeviation(ctx, cur), fraction: Math.min(0.95, fraction) });
}

/**
 * Iterated local search on the adjacency: from the best plan, move a few units on one territory's boundary to random
 * neighbouring territories (each move keeps locks, the disruption budget and, when required, contiguity), improve and polish,
 * and keep the result when it is better (band excess, then objective). Runs `budget` steps or until the time limit.
 */
function shake(ctx: Ctx, start: State, sc: Scratch, ctl: Control, seed: number, budget: number, bound?: number): State {
  const rng = createRng(seed * 131 + 7);
  const { offsets, neighbors } = ctx.adj;
  let cur = start;
  for (let it = 0; it < budget && !ctl.stop(); it++) {
    const st = createState(ctx, cur.assign.slice(), cur.centers.slice(), cur.comp0);
    // A territory, then up to SHAKE_MOVES of its boundary units, each to a random neighbouring territory.
    const t = Math.floor(rng() * ctx.k);
    const boundary: number[] = [];
    for (let u = 0; u < ctx.n; u++) {
      if (st.assign[u] !== t) continue;
      for (let e = offsets[u]!; e < offsets[u + 1]!; e++) if (st.assign[neighbors[e]!] !== t && st.assign[neighbors[e]!]! >= 0) { boundary.push(u); break; }
    }
    let moved = 0;
    for (let tries = 0; tries < 4 * SHAKE_MOVES && moved < SHAKE_MOVES && boundary.length > 0; tries++) {
      const u = boundary[Math.floor(rng() * boundary.length)]!;
      if (st.assign[u] !== t || !movable(ctx, st, u) || (ctx.contiguity && !removalKeepsConnected(ctx, st, sc, u))) continue;
      const options: number[] = [];
      for (let e = offsets[u]!; e < offsets[u + 1]!; e++) {
        const b = st.assign[neighbors[e]!]!;
        if (b >= 0 && b !== t && !ctx.lockedTerritory[b] && !options.includes(b)) options.push(b);
      }
      if (options.length === 0) continue;
      const b = options[Math.floor(rng() * options.length)]!;
      const dm = ctx.baseline ? disruptionChange(ctx, u, t, b) : 0;
      if (dm > 0 && st.moved + dm > ctx.budget) continue;
      applyMove(ctx, st, u, b);
      moved++;
    }
    if (moved === 0) continue;
    improve(ctx, st, sc, ctl);
    // As in the polish: inside the band only compactness (and disruption) matter, also when comparing.
    ctx.devWeight = POLISH_DEV_WEIGHT;
    improve(ctx, st, sc, ctl);
    if (better(ctx, st, cur)) { cur = st; checkBound(ctx, ctl, cur, bound); }
    ctx.devWeight = DEV_WEIGHT;
    ctl.iterations++;
    searchProgress(ctx, ctl, cur, it, budget);
  }
  return cur;
}

/**
 * p-center phase: on small instances the exchange search is re-run on Σ d^p for p = 4, 8, 16 (each closer to the max),
 * every stage followed by the direct max-distance search (and, for objective 'diameter', the diameter descent: a
 * p-center plan has diameter <= 2 × radius); the best state by band excess, then largest diameter or distance, is kept.
 */
function pcenter(ctx: Ctx, s: State, sc: Scratch, ctl: Control): State {
  pcenterSearch(ctx, s, sc, ctl);
  if (ctx.diameter) diameterSearch(ctx, s, sc, ctl);
  if (ctx.n > EXCHANGE_MAX_UNITS) return s;
  let best = s;
  for (const p of [4, 8, 16]) {
    if (ctl.stop()) break;
    ctx.maxPower = p;
    let st = createState(ctx, best.assign.slice(), best.centers.slice());
    st = smallPolish(ctx, st, sc, ctl);
    pcenterSearch(ctx, st, sc, ctl);
    ctx.maxPower = 2;
    st = createState(ctx, st.assign, st.centers, s.comp0);
    if (ctx.diameter) diameterSearch(ctx, st, sc, ctl);
    if (better(ctx, st, best)) best = st;
  }
  ctx.maxPower = 2;
  return best;
}

/**
 * Marks the run proven optimal when the plan meets every band and its objective (Σ w·d, or the largest distance for
 * p-center) is at the given lower bound, within 1e-9 relative. The diameter objective has no such bound.
 */
function checkBound(ctx: Ctx, ctl: Control, s: State, bound: number | undefined): void {
  if (bound === undefined || ctx.diameter || bandExcess(ctx, s) > 1e-12) return;
  const value = ctx.objective === 'sum' ? s.comp : maxRadius(ctx, s);
  if (value <= bound + 1e-9 * Math.max(1, Math.abs(bound))) ctl.proven = true;
}

/** Least band excess, then (diameter) the smaller largest diameter, (p-center) the smaller largest distance, then the lower objective, both measured with b's compactness normaliser (restarts differ in comp0). */
function better(ctx: Ctx, a: State, b: State): boolean {
  const ea = bandExcess(ctx, a); const eb = bandExcess(ctx, b);
  if (Math.abs(ea - eb) > 1e-9) return ea < eb;
  if (ctx.diameter) {
    const da = maxDiameter(ctx, a.assign); const db = maxDiameter(ctx, b.assign);
    if (Math.abs(da - db) > 1e-9 * Math.max(1, db)) return da < db;
  }
  if (ctx.objective === 'max') {
    const ra = maxRadius(ctx, a); const rb = maxRadius(ctx, b);
    if (Math.abs(ra - rb) > 1e-9 * Math.max(1, rb)) return ra < rb;
  }
  const c0 = a.comp0;
  a.comp0 = b.comp0;
  const sa = score(ctx, a);
  a.comp0 = c0;
  return sa < score(ctx, b) - 1e-12;
}

/** Seeding, then weighted-Voronoi construction alternated with p-median centre moves. */
function design(ctx: Ctx, ctl: Control, seed: number): State {
  ctl.progress({ phase: 'seed', bestObjective: Infinity, worstDeviation: Infinity, fraction: 0.05 });
  const centers = seedCenters(ctx, seed);
  const offset = new Float64Array(ctx.k);
  const buf = createGrowBuffers(ctx.n);
  let assign: Int32Array = new Int32Array(ctx.n);
  for (let round = 0; round < CENTER_ROUNDS; round++) {
    assign = tuneOffsets(ctx, centers, offset, buf, ctl, TUNE_ITERATIONS, round === 0 ? 0.5 : 0.25);
    if (ctl.stop() || !recenter(ctx, assign, centers)) break;
  }
  // The centres may have moved after the last growth: keep every centre inside its own territory.
  for (let t = 0; t < ctx.k; t++) if (centers[t]! >= 0 && !ctx.fixed[centers[t]!]) assign[centers[t]!] = t;
  return createState(ctx, assign, centers);
}

/** Starts from the baseline: unassigned units join a neighbouring territory, empty territories get one unit. */
function startFromBaseline(ctx: Ctx): State {
  const { n, k, adj } = ctx;
  const assign = ctx.baseline!.slice();
  for (let changed = true; changed;) {
    changed = false;
    for (let u = 0; u < n; u++) {
      if (assign[u]! >= 0) continue;
      for (let e = adj.offsets[u]!; e < adj.offsets[u + 1]!; e++) {
        const t = assign[adj.neighbors[e]!]!;
        if (t >= 0 && !ctx.lockedTerritory[t]) { assign[u] = t; changed = true; break; }
      }
    }
  }
  const centers = new Int32Array(k).fill(-1);
  recenter(ctx, assign, centers);
  for (let t = 0; t < k; t++) if (centers[t]! < 0 && !ctx.lockedTerritory[t]) centers[t] = takeUnitFor(ctx, assign, centers, t);
  attachUnreached(ctx, centers, assign);
  return createState(ctx, assign, centers);
}

function takeUnitFor(ctx: Ctx, assign: Int32Array, centers: Int32Array, t: number): number {
  const home = ctx.input.seedUnits?.[t] ?? -1;
  const isCenter = new Set(centers);
  let pick = home >= 0 && !ctx.fixed[home] && !isCenter.has(home) ? home : -1;
  if (pick < 0) {
    let bd = -1;
    for (let u = 0; u < ctx.n; u++) {
      if (ctx.fixed[u] || isCenter.has(u) || !ctx.candidate[u]) continue;
      const a = assign[u]!;
      const d = a >= 0 && centers[a]! >= 0 ? ctx.geo(u, centers[a]!) : Infinity;
      if (d > bd) { bd = d; pick = u; }
    }
  }
  if (pick < 0) return -1;
  assign[pick] = t;
  return pick;
}

/**
 * Band repair for territories the boundary moves could not bring into the band (coarse units): ReCom steps on pairs of
 * territories near them, for at most 60% of the remaining time. Returns whether anything changed.
 */
function repair(ctx: Ctx, s: State, ctl: Control, seed: number): boolean {
  if (!ctx.contiguity || ctl.stop()) return false;
  if (repairableExcess(ctx, s, frozenTerritories(ctx, s.assign)) <= 1e-12) return false;
  const until = ctl.now() + 0.6 * Math.max(0, ctl.deadline - ctl.now());
  return recomRepair(ctx, s, ctl, seed, until).accepted > 0;
}

/** Local search alternated with centre re-optimisation until neither changes anything. */
function improve(ctx: Ctx, s: State, sc: Scratch, ctl: Control): void {
  for (let round = 0; round < IMPROVE_ROUNDS; round++) {
    const moves = localSearch(ctx, s, sc, ctl);
    if (ctl.stop()) return;
    const moved = recenter(ctx, s.assign, s.centers);
    if (moved) refreshCompactness(ctx, s);
    if (!moved && moves === 0) return;
  }
}
