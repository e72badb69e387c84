import type { BalanceInput } from './types';

/** Thrown by runBalance for invalid input; message names the first problem, issues lists all (capped). */
export class BalanceInputError extends Error {
  readonly issues: string[];
  constructor(issues: string[]) {
    super(issues.length === 1 ? issues[0]! : `${issues[0]!} (and ${issues.length - 1} more)`);
    this.name = 'BalanceInputError';
    this.issues = issues;
  }
}

const MAX_ISSUES = 50;

/** Checks lengths, ranges, measure values, ids and adjacency; returns precise messages (empty = valid). */
export function validateBalanceInput(input: BalanceInput): string[] {
  const issues: string[] = [];
  const add = (m: string): boolean => (issues.push(m), issues.length >= MAX_ISSUES);
  const n = input.x.length;
  const name = (u: number): string => (input.ids?.[u] !== undefined ? `unit ${u} (${input.ids[u]})` : `unit ${u}`);
  if (n === 0) return ['No units: x is empty'];
  if (input.y.length !== n) add(`Length mismatch: y has ${input.y.length} entries, x has ${n}`);
  if (!Number.isInteger(input.k) || input.k < 1) add(`k must be an integer >= 1, got ${input.k}`);
  else if (input.k > n) add(`k (${input.k}) exceeds the number of units (${n})`);
  for (let u = 0; u < Math.min(n, input.y.length); u++) {
    if (!Number.isFinite(input.x[u]!) || !Number.isFinite(input.y[u]!)) if (add(`Coordinate of ${name(u)} is not finite`)) return issues;
  }
  if (input.measures.length === 0) add('No measures given');
  for (const m of input.measures) {
    if (m.values.length !== n) { add(`Length mismatch: measure "${m.name}" has ${m.values.length} entries, x has ${n}`); continue; }
    for (let u = 0; u < n; u++) {
      const v = m.values[u]!;
      if (Number.isNaN(v)) { if (add(`Measure "${m.name}" is NaN at ${name(u)}`)) return issues; }
      else if (v < 0 || !Number.isFinite(v)) { if (add(`Measure "${m.name}" is ${v} at ${name(u)}; must be finite and >= 0`)) return issues; }
    }
  }
  if (input.fixedLoads) {
    if (input.fixedLoads.length > input.measures.length) add(`fixedLoads has ${input.fixedLoads.length} columns, there are ${input.measures.length} measures`);
    input.fixedLoads.forEach((col, m) => {
      if (!col) return;
      const what = `fixedLoads of measure "${input.measures[m]?.name ?? m}"`;
      if (col.length !== input.k) { add(`Length mismatch: ${what} has ${col.length} entries, k is ${input.k}`); return; }
      for (let t = 0; t < col.length; t++) if (!(col[t]! >= 0 && Number.isFinite(col[t]!))) { add(`${what} is ${col[t]} for territory ${t}; must be finite and >= 0`); return; }
    });
  }
  if (input.targets.length === 0) add('No balance targets given');
  const pt = input.perturbations;
  if (pt !== undefined && pt !== 'until-time-limit' && !(Number.isInteger(pt) && pt >= 0)) add(`perturbations must be a whole number >= 0 or 'until-time-limit', got ${String(pt)}`);
  if (input.objective !== undefined && !['sum', 'max', 'diameter'].includes(input.objective)) add(`objective must be sum, max or diameter, got "${String(input.objective)}"`);
  input.targets.forEach((t, i) => {
    if (!Number.isInteger(t.measure) || t.measure < 0 || t.measure >= input.measures.length) add(`Target ${i}: measure index ${t.measure} out of range 0..${input.measures.length - 1}`);
    if (t.tolerance !== undefined && !(t.tolerance >= 0 && t.tolerance <= 1)) add(`Target ${i}: tolerance ${t.tolerance} out of range 0..1`);
    if (t.min !== undefined && !(t.min >= 0)) add(`Target ${i}: min ${t.min} must be >= 0`);
    if (t.max !== undefined && !(t.max >= 0)) add(`Target ${i}: max ${t.max} must be >= 0`);
    if (t.min !== undefined && t.max !== undefined && t.min > t.max) add(`Target ${i}: min ${t.min} exceeds max ${t.max}`);
    if (t.weight !== undefined && !(t.weight >= 0)) add(`Target ${i}: weight ${t.weight} must be >= 0`);
  });
  if (input.ids) {
    if (input.ids.length !== n) add(`Length mismatch: ids has ${input.ids.length} entries, x has ${n}`);
    const seen = new Map<string, number>();
    input.ids.forEach((id, u) => {
      const prev = seen.get(id);
      if (prev !== undefined) add(`Duplicate unit id "${id}" at units ${prev} and ${u}`);
      else seen.set(id, u);
    });
  }
  checkArrays(input, n, add);
  checkAdjacency(input, n, add);
  return issues;
}

function checkArrays(input: BalanceInput, n: number, add: (m: string) => boolean): void {
  const k = input.k;
  const len = (label: string, a: ArrayLike<number> | undefined): void => {
    if (a && a.length !== n) add(`Length mismatch: ${label} has ${a.length} entries, x has ${n}`);
  };
  len('compactnessWeights', input.compactnessWeights);
  len('baseline', input.baseline);
  len('lockedUnits', input.lockedUnits);
  len('candidateCenters', input.candidateCenters);
  if (input.compactnessWeights) for (let u = 0; u < input.compactnessWeights.length; u++) {
    const w = input.compactnessWeights[u]!;
    if (!(w >= 0) || !Number.isFinite(w)) { add(`compactnessWeights is ${w} at unit ${u}; must be finite and >= 0`); break; }
  }
  if (input.baseline) for (let u = 0; u < input.baseline.length; u++) {
    const t = input.baseline[u]!;
    if (t < -1 || t >= k) { add(`Baseline territory ${t} of unit ${u} out of range -1..${k - 1}`); break; }
  }
  if (input.lockedUnits && !input.baseline && input.lockedUnits.some((v) => v !== 0)) add('lockedUnits given without a baseline');
  if (input.lockedTerritories) {
    if (!input.baseline) add('lockedTerritories given without a baseline');
    for (const t of input.lockedTerritories) if (t < 0 || t >= k) add(`Locked territory ${t} out of range 0..${k - 1}`);
  }
  if (input.seedUnits) {
    if (input.seedUnits.length > k) add(`seedUnits has ${input.seedUnits.length} entries, more than k (${k})`);
    const seen = new Set<number>();
    for (const s of input.seedUnits) {
      if (s < -1 || s >= n) add(`Seed unit ${s} out of range -1..${n - 1}`);
      else if (s >= 0 && seen.has(s)) add(`Seed unit ${s} given twice`);
      seen.add(s);
    }
  }
  if (input.candidateCenters && !input.candidateCenters.some((v) => v !== 0)) add('candidateCenters allows no unit');
  if (input.maxDisruption) {
    const { basis, share } = input.maxDisruption;
    if (!input.baseline) add('maxDisruption given without a baseline');
    if (!(share >= 0 && share <= 1)) add(`maxDisruption.share ${share} out of range 0..1`);
    if (basis !== 'units' && !(Number.isInteger(basis) && basis >= 0 && basis < input.measures.length)) add(`maxDisruption.basis ${basis} is neither 'units' nor a measure index`);
  }
  if (input.disruptionPenalty !== undefined && !(input.disruptionPenalty >= 0)) add(`disruptionPenalty ${input.disruptionPenalty} must be >= 0`);
  if (input.timeLimitMs !== undefined && !(input.timeLimitMs > 0)) add(`timeLimitMs ${input.timeLimitMs} must be > 0`);
}

function checkAdjacency(input: BalanceInput, n: number, add: (m: string) => boolean): void {
  const a = input.adjacency;
  if (!a) {
    if (input.contiguity === true) add('contiguity requested without adjacency');
    return;
  }
  if (a.offsets.length !== n + 1) { add(`Length mismatch: adjacency.offsets has ${a.offsets.length} entries, expected ${n + 1}`); return; }
  if (a.offsets[0] !== 0 || a.offsets[n] !== a.neighbors.length) { add(`adjacency.offsets must start at 0 and end at neighbors.length (${a.neighbors.length})`); return; }
  if (a.distances && a.distances.length !== a.neighbors.length) add(`Length mismatch: adjacency.distances has ${a.distances.length} entries, neighbors has ${a.neighbors.length}`);
  for (let u = 0; u < n; u++) {
    if (a.offsets[u + 1]! < a.offsets[u]!) { add(`adjacency.offsets decreases at unit ${u}`); return; }
    for (let e = a.offsets[u]!; e < a.offsets[u + 1]!; e++) {
      const v = a.neighbors[e]!;
      if (v < 0 || v >= n) { if (add(`Edge from unit ${u} names unknown unit ${v} (range 0..${n - 1})`)) return; }
      const d = a.distances?.[e];
      if (d !== undefined && !(d >= 0 && Number.isFinite(d))) { if (add(`Edge ${u}-${v} has invalid distance ${d}`)) return; }
    }
  }
}
