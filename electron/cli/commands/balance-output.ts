import type { BalanceApplied, BalanceReport, BalanceStop, LowerBoundReport, ReassignedAccount, RunExplanation, RunKpis } from '../../../shared/domain/balance';
import type { DistanceMetric } from '../../../shared/domain/geo/distance';
import { formatDistance } from '../../../shared/domain/kpi/travel';
import { num, pct, table } from '../output';

/** Compact, JSON-friendly summary of a run (what the CLI prints and the tests read). */
export type BalanceSummary = {
  units: number;
  k: number;
  feasible: boolean;
  worstDeviation: number;
  nonContiguous: number;
  islands: number;
  objective: 'sum' | 'max' | 'diameter';
  compactness: number;
  disruption: { unitsMoved: number; unitsShare: number } | null;
  violations: { territory: number; measure: string; kind: string; reason: string; proven: boolean }[];
  runtimeMs: number;
  iterations: number;
  cancelled: boolean;
  /** Why the search stopped (converged, steps, time-limit, bound = proven optimal, cancelled). */
  stoppedBy: BalanceStop;
  lowerBound: LowerBoundReport;
  /** Workspace runs: mean distance of units to their territory centre, averaged over territories (km for lon/lat). */
  meanDistanceToCentre?: number;
};

/** Per-territory row of the report. */
export type BalanceTerritoryRow = { territory: string; units: number; center: string; measures: Record<string, number>; deviation: number; deviations: Record<string, number>; pieces: number; sumDistance: number; maxDistance: number;
  /** Objective 'diameter': largest distance between two of its units. */
  diameter?: number;
  locked: boolean;
  /** Workspace runs: mean distance of the territory's units to its centre (km for lon/lat). */
  meanDistance?: number };

/** Builds the summary of a report. */
export function summarize(report: BalanceReport, units: number, lowerBound: LowerBoundReport): BalanceSummary {
  return {
    units, k: report.territories.length, feasible: report.feasible, worstDeviation: report.worstDeviation, nonContiguous: report.nonContiguous,
    islands: report.islands.length, objective: report.objective, compactness: report.compactness,
    disruption: report.disruption ? { unitsMoved: report.disruption.unitsMoved, unitsShare: report.disruption.unitsShare } : null,
    violations: report.violations.map((v) => ({ territory: v.territory, measure: v.measure, kind: v.kind, reason: v.reason, proven: !!v.proven })),
    runtimeMs: Math.round(report.runtimeMs), iterations: report.iterations, cancelled: report.cancelled, stoppedBy: report.stoppedBy, lowerBound,
  };
}

/**
 * Per-territory rows with names and measure loads by measure name. With kpis (a workspace run) the balanced measures
 * and deviations are those of the saved scenario, as every other view shows them.
 */
export function territoryRows(report: BalanceReport, names: readonly string[], measureNames: readonly string[], ids?: readonly string[], kpis?: RunKpis): BalanceTerritoryRow[] {
  const worst = (d: readonly number[]): number => d.reduce((w, x) => (Math.abs(x) > Math.abs(w) ? x : w), 0);
  return report.territories.map((t) => ({
    territory: names[t.territory] ?? String(t.territory), units: t.units, center: t.center >= 0 ? ids?.[t.center] ?? String(t.center) : '',
    measures: Object.fromEntries(measureNames.map((m, j) => [m, kpis?.territories[t.territory]?.measures[m] ?? t.measures[j] ?? 0])),
    deviation: kpis ? worst(Object.values(kpis.territories[t.territory]!.deviations)) : worst(t.deviations),
    deviations: kpis?.territories[t.territory]!.deviations ?? Object.fromEntries(report.targets.map((tg, j) => [tg.measure, t.deviations[j] ?? 0])),
    pieces: t.components, sumDistance: t.sumDistance, maxDistance: t.maxDistance, ...(t.diameter !== undefined ? { diameter: t.diameter } : {}), locked: t.locked,
    ...(kpis ? { meanDistance: kpis.territories[t.territory]!.meanDistance } : {}),
  }));
}

/** Why the search stopped, in words. */
const STOPPED: Record<BalanceStop, string> = {
  converged: 'stopped when no move improved the plan',
  steps: 'stopped after its --perturbations steps',
  'time-limit': 'stopped at the time limit',
  bound: 'stopped early: the plan reached the LP lower bound, so it is optimal',
  cancelled: 'cancelled',
};

/** Whether the run met its constraints, as the tables show the plan (named accounts counted on workspace runs). */
function metText(s: BalanceSummary, explanation?: RunExplanation): string {
  if (!s.feasible) return `${s.violations.length} violation(s)`;
  const named = explanation?.issues.filter((i) => i.kind === 'named-accounts').length ?? 0;
  return named === 0 ? 'all constraints met' : `the units are balanced, but ${named} territor${named === 1 ? 'y is' : 'ies are'} outside the band once named accounts are counted`;
}

/** Human text: per-territory table, then summary lines; unmet constraints in plain words when explained (workspace runs). */
export function formatReport(rows: readonly BalanceTerritoryRow[], s: BalanceSummary, measureNames: readonly string[], explanation?: RunExplanation, metric: DistanceMetric = 'geographic'): string {
  const lines = [
    explanation
      ? table(
        ['territory', 'units', 'centre', ...measureNames, 'deviation', 'pieces', 'mean to centre', 'locked'],
        rows.map((r) => [r.territory, r.units, r.center, ...measureNames.map((m) => num(r.measures[m] ?? 0)), pct(r.deviation), r.pieces, formatDistance(r.meanDistance ?? 0, 'km', metric), r.locked ? 'yes' : '']),
      )
      : table(
        ['territory', 'units', 'centre', ...measureNames, 'deviation', 'pieces', 'Σ weight × distance', 'max distance', 'locked'],
        rows.map((r) => [r.territory, r.units, r.center, ...measureNames.map((m) => num(r.measures[m] ?? 0)), pct(r.deviation), r.pieces, num(r.sumDistance), num(r.maxDistance, 1), r.locked ? 'yes' : '']),
      ),
    '',
    `Worst deviation ${pct(s.worstDeviation)}; ${metText(s, explanation)}; non-contiguous territories ${s.nonContiguous}; islands ${s.islands}`,
    `${s.meanDistanceToCentre !== undefined ? `Compactness: mean ${formatDistance(s.meanDistanceToCentre, 'km', metric)} from a unit to its territory centre` : `Compactness (${s.objective}) ${num(s.compactness)}`}${s.disruption ? `; disruption ${s.disruption.unitsMoved} units (${(s.disruption.unitsShare * 100).toFixed(1)}%)` : ''}`,
    `Runtime ${num(s.runtimeMs)} ms, ${num(s.iterations)} iterations; ${STOPPED[s.stoppedBy]}`,
    'bound' in s.lowerBound
      ? `LP lower bound ${num(s.lowerBound.bound)}; gap ${(s.lowerBound.gap * 100).toFixed(2)}%${s.stoppedBy === 'bound' ? ' (the plan is optimal)' : ''}`
      : `LP lower bound skipped: ${s.lowerBound.skipped}`,
  ];
  if (explanation) {
    for (const i of explanation.issues.slice(0, 10)) lines.push(`  ${i.text}${i.fix ? ` ${i.fix}` : ''}`);
    if (explanation.issues.length > 10) lines.push(`  … and ${explanation.issues.length - 10} more`);
    if (explanation.widenTo !== null) lines.push(`  Widen the band to ±${(explanation.widenTo * 100).toFixed(1)} %: run again with --tolerance ${explanation.widenTo}`);
  } else {
    for (const v of s.violations.slice(0, 10)) lines.push(`  ${v.proven ? 'infeasible' : 'unmet'}: ${v.reason}`);
    if (s.violations.length > 10) lines.push(`  … and ${s.violations.length - 10} more`);
  }
  return lines.join('\n');
}

/** Lines about what a workspace run changed besides the assignment: removed territories, moved named accounts, reps to match. */
export function formatChanges(c: { removed: readonly { name: string }[]; reassigned: readonly ReassignedAccount[]; unstaffed: readonly string[]; untouched: BalanceApplied['untouched'] }): string[] {
  const lines: string[] = [];
  for (const a of c.untouched) lines.push(`Alignment ${a.label} is unchanged: ${a.territories} territories (${a.names.slice(0, 6).join(', ')}${a.names.length > 6 ? ', …' : ''}).`);
  if (c.removed.length) lines.push(`Territories that no longer exist (no new territory is mostly made of them, so none keeps their name): ${c.removed.map((t) => t.name).join(', ')}`);
  for (const a of c.reassigned) lines.push(`  named account ${a.accountName} (${a.accountId}): ${a.from} no longer exists -> ${a.to ?? 'unassigned (the account has no unit)'}`);
  if (c.unstaffed.length) lines.push(`${c.unstaffed.length} territories have no rep (${c.unstaffed.join(', ')}): run Match reps (balance panel) to propose one each.`);
  return lines.length ? ['', ...lines] : [];
}
