// Pure conversion between a workspace dataset + scenario payload and the engine's BalanceInput/BalanceResult.
// Used by the CLI (`tessera balance --workspace`) and the renderer's balance panel alike.
import { err, ok, type Result } from '../../contracts/result';
import type { AccountsTable, Rep, UnitEdges, UnitsTable } from '../dataset/types';
import type { TerritoryId, UnitId } from '../ids';
import { alignmentIndexForSegment } from '../territories/resolve';
import type { ScenarioPayload, Territory } from '../territories/types';
import { edgeListsToCsr } from './graph';
import type { BalanceInput, BalanceResult, BalanceTarget, DisruptionBasis, MeasureColumn } from './types';
import { keptIdentities } from './apply-result';
import { distanceMetric } from '../geo/distance-metric';

/** The dataset columns the conversion needs (a subset of the workspace's dataset). */
export type BalanceDataset = {
  units: Pick<UnitsTable, 'kind' | 'ids' | 'x' | 'y' | 'measures'>;
  edges: UnitEdges;
  accounts: Pick<AccountsTable, 'ids' | 'unitIndex' | 'segment' | 'potential' | 'revenue' | 'workload'>;
  reps: readonly Pick<Rep, 'id' | 'homeUnitId'>[];
};

/** Measures computed per unit from the accounts that follow the chosen alignment. */
export const ACCOUNT_MEASURES = ['potential', 'revenue', 'accounts', 'workload'] as const;

/** What the user chose in the balance panel or on the command line. */
export type BalanceSettings = {
  /** 'design' builds territories from scratch (seeded at rep homes); 'rebalance' starts from the alignment. */
  mode: 'design' | 'rebalance';
  /** Alignment key to balance (default: the default alignment, i.e. the one without segments). */
  alignmentKey?: string;
  /** Number of territories (default: the alignment's current territory count). */
  k?: number;
  /** Measure keys to balance: account measures (potential, revenue, accounts, workload) or unit measures. */
  measures: string[];
  /** Band half-width around the mean, 0..1. */
  tolerance: number;
  /** Absolute min / max per territory, applied to the first measure. */
  min?: number;
  max?: number;
  contiguity: boolean;
  objective: 'sum' | 'max' | 'diameter';
  /** Compactness weights: the first measure (default) or 1 per unit. */
  weight?: 'measure' | 'uniform';
  /** Cap on moved share (rebalance only); basis 'units' or a measure key. */
  maxDisruption?: { share: number; basis: string };
  disruptionPenalty?: number;
  /** Keep locked units (payload.lockedUnits) and locked territories (rebalance only; default true). */
  useLocks?: boolean;
  seed?: number;
  /** Time budget of the search (default: suggestedTimeLimitMs of the unit count). */
  timeLimitMs?: number;
  /** Iterated local search after the construction: that many steps (deterministic for a seed), or the whole time limit. */
  perturbations?: number | 'until-time-limit';
};

/** A prepared run: the engine input plus what is needed to write the result back. */
export type PreparedBalance = {
  input: BalanceInput;
  alignmentIndex: number;
  /** Territory id per engine territory index (rebalance); null = decided when the result is applied (design, new territories). */
  territoryIds: (TerritoryId | null)[];
  /** Notes for the user (e.g. locks ignored when designing from scratch). */
  warnings: string[];
};

/** Why a run cannot be prepared. */
export type PrepareErrorCode = 'no-alignment' | 'bad-measure' | 'bad-k' | 'no-units';

/** Index of the alignment to balance: by key, else the default (segments []) one, else the first. */
export function balanceAlignmentIndex(payload: ScenarioPayload, key?: string): number {
  if (key !== undefined) return payload.alignments.findIndex((a) => a.key === key);
  const i = payload.alignments.findIndex((a) => a.segments.length === 0);
  return i >= 0 ? i : payload.alignments.length > 0 ? 0 : -1;
}

/** Territories of an alignment in payload order (those it assigns at least one unit to). */
export function alignmentTerritories(payload: ScenarioPayload, alignmentIndex: number): Territory[] {
  const used = new Set<string>(Object.values(payload.alignments[alignmentIndex]?.assignment ?? {}));
  return payload.territories.filter((t) => used.has(t.id));
}

/**
 * Where accounts assigned by name (payload.accountOverrides) count in a run. One assigned to the territory of engine
 * index t is a fixed load of t; one whose territory the run removes (`removed`) moves to the territory of its unit when
 * the result is applied, so it counts in its unit; any other (a territory of another alignment) does not count.
 */
export type NamedAccountPlan = { territoryIds: readonly (string | null)[]; removed?: ReadonlySet<string> };

/** Per-unit measure columns and, per measure, the fixed loads of the engine territories (accounts assigned by name). */
export type UnitMeasures = {
  measures: MeasureColumn[];
  fixedLoads: (Float64Array | null)[];
  /** Accounts assigned by name that the plan counts (as fixed loads or in their units). */
  named: number;
};

/**
 * Per-unit measure columns: account sums for the alignment's accounts (accounts assigned by name excluded), else unit
 * measures; with a plan, the loads of accounts assigned by name as fixed loads of their territories (see NamedAccountPlan).
 */
export function unitMeasures(data: BalanceDataset, payload: ScenarioPayload, alignmentIndex: number, keys: readonly string[], plan?: NamedAccountPlan): Result<UnitMeasures, 'bad-measure'> {
  const n = data.units.ids.length;
  const acc = data.accounts;
  // Per account: 1 = counts in its unit, 0 = not at all; fixedAt[i] >= 0: a fixed load of that engine territory.
  const follows = new Uint8Array(acc.ids.length);
  const fixedAt = new Int32Array(acc.ids.length).fill(-1);
  const tIndex = new Map<string, number>();
  plan?.territoryIds.forEach((id, t) => { if (id !== null) tIndex.set(id, t); });
  const segCache = new Map<string, boolean>();
  let named = 0; let fixedCount = 0;
  for (let i = 0; i < acc.ids.length; i++) {
    const override = payload.accountOverrides[acc.ids[i]!];
    if (override !== undefined) {
      if (!plan) continue;
      const t = tIndex.get(override);
      if (t !== undefined) { fixedAt[i] = t; fixedCount++; named++; } else if (plan.removed?.has(override)) { follows[i] = 1; named++; }
      continue;
    }
    const seg = acc.segment[i] ?? '';
    let f = segCache.get(seg);
    if (f === undefined) { f = alignmentIndexForSegment(payload, seg) === alignmentIndex; segCache.set(seg, f); }
    follows[i] = f ? 1 : 0;
  }
  const k = plan?.territoryIds.length ?? 0;
  const out: MeasureColumn[] = [];
  const fixedLoads: (Float64Array | null)[] = [];
  for (const key of keys) {
    const values = new Float64Array(n);
    if ((ACCOUNT_MEASURES as readonly string[]).includes(key)) {
      const col = key === 'accounts' ? null : acc[key as 'potential' | 'revenue' | 'workload'];
      const fixed = fixedCount > 0 ? new Float64Array(k) : null;
      for (let i = 0; i < acc.ids.length; i++) {
        const u = acc.unitIndex[i]!;
        const t = fixedAt[i]!;
        if (t >= 0) fixed![t]! += Math.max(0, col ? col[i]! : 1);
        else if (u >= 0 && u < n && follows[i]) values[u]! += col ? col[i]! : 1;
      }
      fixedLoads.push(fixed);
    } else {
      const col = data.units.measures[key];
      if (!col) return err('bad-measure', `Unknown measure "${key}"; choose from ${[...ACCOUNT_MEASURES, ...Object.keys(data.units.measures).filter((m) => !(ACCOUNT_MEASURES as readonly string[]).includes(m))].join(', ')}`);
      for (let u = 0; u < n; u++) values[u] = Math.max(0, col[u] ?? 0);
      fixedLoads.push(null);
    }
    out.push({ name: key, values });
  }
  return ok({ measures: out, fixedLoads, named });
}

/**
 * The time limit of a run whose settings give none: 5 s up to 5,000 units, then 1 s more per 1,000 units, at most 60 s
 * (a design of the ZIP demo, 33,659 areas, at ±5 %: 31 territories out of band with 5 s, all in band with 30 s).
 */
export function suggestedTimeLimitMs(units: number): number {
  return Math.min(60_000, 5000 + 1000 * Math.max(0, Math.ceil((units - 5000) / 1000)));
}

/** Builds the engine input for a dataset, a scenario payload and the user's settings. */
export function prepareBalance(data: BalanceDataset, payload: ScenarioPayload, s: BalanceSettings): Result<PreparedBalance, PrepareErrorCode> {
  const n = data.units.ids.length;
  if (n === 0) return err('no-units', 'The dataset has no units to balance.');
  const ai = balanceAlignmentIndex(payload, s.alignmentKey);
  if (ai < 0) return err('no-alignment', s.alignmentKey ? `No alignment "${s.alignmentKey}"; the scenario has ${payload.alignments.map((a) => a.key).join(', ')}` : 'The scenario has no alignment.');
  if (s.measures.length === 0) return err('bad-measure', 'Choose at least one measure to balance.');
  const existing = alignmentTerritories(payload, ai);
  const k = s.k ?? existing.length;
  if (!Number.isInteger(k) || k < 1 || k > n) return err('bad-k', `The number of territories must be between 1 and ${n} (units), got ${k}.`);
  if (s.mode === 'rebalance' && k < existing.length) {
    return err('bad-k', `Rebalancing keeps the ${existing.length} territories of alignment "${payload.alignments[ai]!.key}"; K ${k} is smaller (design from scratch to reduce the count).`);
  }
  const basisKey = s.maxDisruption?.basis;
  const keys = [...s.measures];
  if (basisKey && basisKey !== 'units' && !keys.includes(basisKey)) keys.push(basisKey);
  // Rebalancing keeps territories by index; a design decides identities after the run (applyBalanceResult).
  const territoryIds: (TerritoryId | null)[] = Array.from({ length: k }, (_, t) => (s.mode === 'rebalance' ? existing[t]?.id ?? null : null));
  // Accounts assigned by name stay with their territory: when rebalancing they are fixed loads of it. A design learns
  // which territories keep their identity only from its result, and settles them with a second pass (designSettlePass).
  const measures = unitMeasures(data, payload, ai, keys, s.mode === 'rebalance' ? { territoryIds } : undefined);
  if (!measures.ok) return measures;
  const targets: BalanceTarget[] = s.measures.map((_, j) => ({
    measure: j, tolerance: s.tolerance, ...(j === 0 && s.min !== undefined ? { min: s.min } : {}), ...(j === 0 && s.max !== undefined ? { max: s.max } : {}),
  }));
  const unitIndex = new Map<string, number>(data.units.ids.map((id, i) => [id, i]));
  const lists: number[][] = Array.from({ length: n }, () => []);
  for (let e = 0; e < data.edges.a.length; e++) {
    const a = data.edges.a[e]!; const b = data.edges.b[e]!;
    if (a >= 0 && a < n && b >= 0 && b < n) { lists[a]!.push(b); lists[b]!.push(a); }
  }
  const reps = new Map(data.reps.map((r) => [r.id, r]));
  const seedUnits = new Int32Array(k).fill(-1);
  const seeded = new Set<number>();
  for (let t = 0; t < k; t++) {
    const rep = existing[t]?.repId ? reps.get(existing[t]!.repId!) : undefined;
    const u = rep?.homeUnitId ? unitIndex.get(rep.homeUnitId) ?? -1 : -1;
    if (u >= 0 && !seeded.has(u)) { seedUnits[t] = u; seeded.add(u); }
  }
  const warnings: string[] = [];
  const input: BalanceInput = {
    ids: data.units.ids,
    x: Float64Array.from(data.units.x),
    y: Float64Array.from(data.units.y),
    metric: distanceMetric(data.units),
    measures: measures.value.measures,
    ...(measures.value.fixedLoads.some((f) => f !== null) ? { fixedLoads: measures.value.fixedLoads } : {}),
    targets,
    adjacency: edgeListsToCsr(lists),
    contiguity: s.contiguity,
    k,
    seedUnits,
    objective: s.objective,
    ...(s.weight === 'uniform' ? { compactnessWeights: new Float64Array(n).fill(1) } : {}),
    seed: s.seed ?? 1,
    timeLimitMs: s.timeLimitMs ?? suggestedTimeLimitMs(n),
    ...(s.perturbations !== undefined ? { perturbations: s.perturbations } : {}),
  };
  const lockCount = payload.lockedUnits.length + existing.filter((t) => t.locked).length;
  if (s.mode === 'rebalance') {
    const tIndex = new Map<string, number>(existing.map((t, i) => [t.id, i]));
    const assignment = payload.alignments[ai]!.assignment;
    input.baseline = Int32Array.from(data.units.ids, (id) => tIndex.get(assignment[id as UnitId] ?? '') ?? -1);
    if (s.useLocks !== false) {
      const locked = new Uint8Array(n);
      for (const id of payload.lockedUnits) { const u = unitIndex.get(id); if (u !== undefined) locked[u] = 1; }
      input.lockedUnits = locked;
      input.lockedTerritories = Int32Array.from(existing.flatMap((t, i) => (t.locked ? [i] : [])));
    }
    if (s.maxDisruption) {
      const basis: DisruptionBasis = s.maxDisruption.basis === 'units' ? 'units' : keys.indexOf(s.maxDisruption.basis);
      input.maxDisruption = { basis, share: s.maxDisruption.share };
    }
    if (s.disruptionPenalty) input.disruptionPenalty = s.disruptionPenalty;
  } else {
    if (lockCount > 0 && s.useLocks !== false) warnings.push(`${lockCount} lock(s) are ignored when designing from scratch; rebalance to keep them.`);
    if (s.maxDisruption || s.disruptionPenalty) warnings.push('The disruption budget applies only when rebalancing.');
  }
  return ok({ input, alignmentIndex: ai, territoryIds, warnings });
}

/**
 * The second pass of a design with accounts assigned by name. The first pass balances the units alone (it cannot know
 * which new territory will keep which old one); once its result names the kept identities (keptIdentities), this
 * rebalances that result with the named accounts as fixed loads of the territories that keep them (and, in their units,
 * those whose territory is removed), so the saved plan is in band with them counted. Null when the alignment has no
 * account assigned by name. Locks, seeds and disruption do not apply; the result keeps the first pass's identities.
 */
export function designSettlePass(data: BalanceDataset, payload: ScenarioPayload, prepared: PreparedBalance, first: Pick<BalanceResult, 'assignment'>): PreparedBalance | null {
  if (prepared.input.baseline) return null;
  const keys = prepared.input.measures.map((m) => m.name);
  const k = prepared.input.k;
  const ids = data.units.ids;
  const territoryIds = keptIdentities(data, payload, prepared.alignmentIndex, ids, first.assignment, k);
  const before = new Set<string>(Object.values(payload.alignments[prepared.alignmentIndex]?.assignment ?? {}));
  const kept = new Set<string>(territoryIds.filter((id): id is TerritoryId => id !== null));
  const removed = new Set([...before].filter((id) => !kept.has(id)));
  const measures = unitMeasures(data, payload, prepared.alignmentIndex, keys, { territoryIds, removed });
  if (!measures.ok || measures.value.named === 0) return null;
  // The first pass had the search time; this one only settles (no perturbations).
  const { seedUnits: _seeds, perturbations: _perturbations, ...rest } = prepared.input;
  return {
    ...prepared,
    territoryIds,
    input: {
      ...rest,
      measures: measures.value.measures,
      ...(measures.value.fixedLoads.some((f) => f !== null) ? { fixedLoads: measures.value.fixedLoads } : {}),
      baseline: first.assignment.slice(),
    },
  };
}

/** A design's result after its settle pass: the second pass's plan and figures, with both passes' time and work, and no disruption (a design has no baseline). */
export function settledResult(first: BalanceResult, second: BalanceResult): BalanceResult {
  const a = first.report; const b = second.report;
  return {
    ...second,
    report: { ...b, disruption: null, runtimeMs: a.runtimeMs + b.runtimeMs, iterations: a.iterations + b.iterations, restarts: a.restarts + b.restarts, cancelled: a.cancelled || b.cancelled, stoppedBy: b.cancelled ? 'cancelled' : a.stoppedBy },
  };
}
