import { buildContext } from './context';
import type { BalanceInput, BalanceResult, CsrAdjacency, LowerBoundReport } from './types';

/** Injected LP/MIP solver over CPLEX-LP text (HiGHS in electron/services/lp/highs-solver.ts). */
export type LpSolver = (lp: string) => Promise<{ status: string; objective: number; columns: Record<string, number> }>;

/** Largest instance (units x candidate centres) modelled by default: n*m x-variables. */
export const DEFAULT_LP_MAX_VARIABLES = 40_000;

/** A built model, or why none was built. */
export type BalanceLp = { lp: string; variables: number; units: number; candidates: number[] } | { skipped: string };

/** Options of buildBalanceLp. */
export type BalanceLpOptions = {
  integer?: boolean;
  maxVariables?: number;
  /** x_c_c = y_c: an open centre serves itself, as the engine's centres always lie in their own territory. */
  centersServeThemselves?: boolean;
  /** Extra constraint rows in CPLEX-LP syntax (e.g. contiguity cuts, see contiguityCuts). */
  extraRows?: readonly string[];
};

/**
 * Location–allocation model in CPLEX LP format: x_u_c = unit u served by centre c, y_c = centre c open;
 * Σ_c x_u_c = 1, x_u_c <= y_c, Σ y_c = k, lo·y_c <= Σ_u m_u x_u_c <= hi·y_c per balance target.
 * Objective 'sum': Σ w_u d(u,c) x_u_c (p-median); 'max': z >= Σ_c d(u,c) x_u_c for every u (p-center).
 * Contiguity is not modelled, so the LP relaxation (integer=false) is a valid lower bound for the engine.
 */
export function buildBalanceLp(input: BalanceInput, opts: BalanceLpOptions = {}): BalanceLp {
  if (input.baseline && (input.lockedUnits?.some((v) => v !== 0) || (input.lockedTerritories?.length ?? 0) > 0 || input.maxDisruption || input.disruptionPenalty)) {
    return { skipped: 'locks and disruption are not modelled in the LP bound' };
  }
  if (input.objective === 'diameter') return { skipped: 'the diameter objective has no LP bound here' };
  if (input.fixedLoads?.some((col) => col?.some((v) => v !== 0))) return { skipped: 'accounts assigned to territories by name (fixed loads) are not modelled in the LP bound' };
  const ctx = buildContext(input);
  const cands: number[] = [];
  for (let u = 0; u < ctx.n; u++) if (ctx.candidate[u]) cands.push(u);
  const variables = ctx.n * cands.length;
  if (variables > (opts.maxVariables ?? DEFAULT_LP_MAX_VARIABLES)) return { skipped: `instance too large for the LP bound (${variables} assignment variables)` };
  const out: string[] = [];
  const num = (v: number): string => (Number.isInteger(v) ? String(v) : v.toPrecision(12));
  const terms = (parts: string[]): string => {
    const lines: string[] = [];
    for (let i = 0; i < parts.length; i += 8) lines.push(parts.slice(i, i + 8).join(' '));
    return lines.join('\n   ');
  };
  const x = (u: number, c: number): string => `x${u}_${c}`;
  out.push('Minimize');
  if (ctx.objective === 'sum') {
    const obj: string[] = [];
    for (let u = 0; u < ctx.n; u++) for (const c of cands) {
      const v = ctx.weights[u]! * ctx.dist(u, c);
      if (v !== 0) obj.push(`+ ${num(v)} ${x(u, c)}`);
    }
    out.push(` obj: ${terms(obj.length ? obj : ['0 y' + cands[0]])}`);
  } else out.push(' obj: z');
  out.push('Subject To');
  for (let u = 0; u < ctx.n; u++) out.push(` a${u}: ${terms(cands.map((c) => `+ ${x(u, c)}`))} = 1`);
  for (let u = 0; u < ctx.n; u++) for (const c of cands) out.push(` l${u}_${c}: ${x(u, c)} - y${c} <= 0`);
  out.push(` p: ${terms(cands.map((c) => `+ y${c}`))} = ${ctx.k}`);
  if (opts.centersServeThemselves) for (const c of cands) out.push(` s${c}: ${x(c, c)} - y${c} = 0`);
  opts.extraRows?.forEach((row, i) => out.push(` e${i}: ${row}`));
  ctx.targets.forEach((tg, j) => {
    for (const c of cands) {
      const row: string[] = [];
      for (let u = 0; u < ctx.n; u++) if (tg.values[u]! !== 0) row.push(`+ ${num(tg.values[u]!)} ${x(u, c)}`);
      if (Number.isFinite(tg.hi)) out.push(` h${j}_${c}: ${terms([...row, `- ${num(tg.hi)} y${c}`])} <= 0`);
      if (tg.lo > 0) out.push(` g${j}_${c}: ${terms([...row, `- ${num(tg.lo)} y${c}`])} >= 0`);
    }
  });
  if (ctx.objective === 'max') for (let u = 0; u < ctx.n; u++) {
    out.push(` r${u}: ${terms(cands.map((c) => `+ ${num(ctx.dist(u, c))} ${x(u, c)}`))} - z <= 0`);
  }
  out.push('Bounds');
  for (const c of cands) out.push(` 0 <= y${c} <= 1`);
  for (let u = 0; u < ctx.n; u++) for (const c of cands) out.push(` 0 <= ${x(u, c)} <= 1`);
  if (opts.integer) {
    out.push('Binary');
    for (const c of cands) out.push(` y${c}`);
    for (let u = 0; u < ctx.n; u++) out.push(` ${terms(cands.map((c) => x(u, c)))}`);
  }
  out.push('End');
  return { lp: out.join('\n'), variables, units: ctx.n, candidates: cands };
}

/**
 * Contiguity cuts violated by an integer solution (Validi & Buchanan style vertex-separator cuts): for every piece S of a
 * territory centred at c that does not hold c, and every unit i in S, x_i_c <= Σ_{j in N(S)} x_j_c (N(S) = units outside S
 * adjacent to S). Valid for every contiguous solution; adding them until none is violated gives the contiguous optimum.
 */
export function contiguityCuts(adj: CsrAdjacency, assignment: Int32Array, centers: Int32Array): string[] {
  const n = assignment.length;
  const seen = new Uint8Array(n);
  const rows: string[] = [];
  for (let t = 0; t < centers.length; t++) {
    const c = centers[t]!;
    if (c >= 0 && assignment[c] === t) flood(adj, assignment, c, seen);
  }
  for (let s = 0; s < n; s++) {
    const t = assignment[s]!;
    if (t < 0 || seen[s]) continue;
    const piece = flood(adj, assignment, s, seen);
    const inPiece = new Set(piece);
    const border = new Set<number>();
    for (const u of piece) for (let e = adj.offsets[u]!; e < adj.offsets[u + 1]!; e++) if (!inPiece.has(adj.neighbors[e]!)) border.add(adj.neighbors[e]!);
    const c = centers[t]!;
    const rhs = Array.from(border, (j) => `- x${j}_${c}`).join(' ');
    for (const i of piece) rows.push(`x${i}_${c} ${rhs} <= 0`);
  }
  return rows;
}

function flood(adj: CsrAdjacency, assignment: Int32Array, s: number, seen: Uint8Array): number[] {
  const t = assignment[s]!;
  const out = [s]; seen[s] = 1;
  for (let i = 0; i < out.length; i++) {
    const u = out[i]!;
    for (let e = adj.offsets[u]!; e < adj.offsets[u + 1]!; e++) {
      const v = adj.neighbors[e]!;
      if (!seen[v] && assignment[v] === t) { seen[v] = 1; out.push(v); }
    }
  }
  return out;
}

/** Reads an (integer) solution back: unit -> index of its centre in the open-centre list, and the centres. */
export function decodeLpSolution(model: { units: number; candidates: number[] }, columns: Record<string, number>): { assignment: Int32Array; centers: Int32Array } {
  const open = model.candidates.filter((c) => (columns[`y${c}`] ?? 0) > 0.5);
  const index = new Map(open.map((c, i) => [c, i]));
  const assignment = new Int32Array(model.units).fill(-1);
  for (let u = 0; u < model.units; u++) {
    let best = -1; let bv = 0;
    for (const c of open) { const v = columns[`x${u}_${c}`] ?? 0; if (v > bv) { bv = v; best = c; } }
    if (best >= 0) assignment[u] = index.get(best)!;
  }
  return { assignment, centers: Int32Array.from(open) };
}

/** The LP relaxation's value for an instance, or why it was not computed. */
export type LpBound = { bound: number; status: string; variables: number } | { skipped: string };

/**
 * LP-relaxation lower bound of an instance's compactness (no result needed, so it can be computed before a run and
 * given to runBalance as `lowerBound`, which then stops once a plan reaches it).
 */
export async function lpRelaxationBound(input: BalanceInput, solve: LpSolver, opts: { maxVariables?: number; centersServeThemselves?: boolean } = {}): Promise<LpBound> {
  const model = buildBalanceLp(input, { ...opts, integer: false });
  if ('skipped' in model) return model;
  const sol = await solve(model.lp);
  if (sol.status === 'Infeasible') return { skipped: 'the LP relaxation is infeasible: no plan can meet these bands' };
  if (sol.status !== 'Optimal') return { skipped: `LP solver status: ${sol.status}` };
  return { bound: sol.objective, status: sol.status, variables: model.variables };
}

/** A bound with the gap (heuristic - bound) / bound of a result's compactness. */
export function boundGap(lp: LpBound, result: BalanceResult): LowerBoundReport {
  if ('skipped' in lp) return lp;
  const raw = lp.bound > 0 ? (result.report.compactness - lp.bound) / lp.bound : 0;
  // Rounding: a plan at the bound reads as gap 0, not -0.00 %.
  const gap = Math.abs(raw) < 1e-9 ? 0 : raw;
  return { ...lp, gap };
}

/** LP-relaxation lower bound and the gap (heuristic - bound) / bound of a result's compactness. */
export async function lpLowerBound(input: BalanceInput, result: BalanceResult, solve: LpSolver, opts: { maxVariables?: number; centersServeThemselves?: boolean } = {}): Promise<LowerBoundReport> {
  return boundGap(await lpRelaxationBound(input, solve, opts), result);
}
