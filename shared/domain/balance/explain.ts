// A run's unmet constraints in plain words (names and shares, not unit indices and raw numbers), with the fix.
import type { BalanceReport } from './types';

/** One explained problem of a run. */
export type RunIssue = { kind: 'unit-too-large' | 'cluster' | 'search' | 'contiguity' | 'named-accounts' | 'other'; text: string; fix: string };

/** What the user reads under a run: issues, and the smallest band the pre-check does not rule out (null: none needed). */
export type RunExplanation = { issues: RunIssue[]; widenTo: number | null };

/**
 * Names the explanation uses: units ("Los Angeles, CA") and territories by engine index; optionally a territory's
 * deviation as the saved scenario's KPIs show it (named accounts included), so the words match the table.
 */
export type ExplainNames = { unit: (u: number) => string; territory: (t: number) => string; deviation?: (t: number, measure: string) => number | undefined };

const share = (x: number): string => `${(x * 100).toFixed(x < 0.1 ? 1 : 0)} %`;
const pct = (x: number): string => `${(Math.abs(x) * 100).toFixed(1)} %`;
/** Rounds a tolerance up to the next half percent (0.0731 -> 0.075). */
const roundUp = (t: number): number => Math.ceil(t * 200 - 1e-9) / 200;

function unitList(units: readonly number[], names: ExplainNames): string {
  const shown = units.slice(0, 4).map(names.unit);
  return units.length > 4 ? `${shown.join(', ')} and ${units.length - 4} more` : shown.length > 1 ? `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}` : shown[0] ?? '';
}

/**
 * Explains a run's violations in plain words. Band shares are of the measure's total (K territories share it); the
 * suggested band is the smallest tolerance that every proof allows (a unit above the bound needs value/mean − 1) and,
 * for territories the search left out of band, the deviation this run reached (a plan within it exists: this one).
 */
export function explainRun(report: Pick<BalanceReport, 'violations' | 'targets' | 'territories'>, tolerance: number, names: ExplainNames): RunExplanation {
  const issues: RunIssue[] = [];
  let need = 0;
  let unitNeed = 0;
  const byMeasure = new Map(report.targets.map((t) => [t.measure, t]));
  const k = report.territories.length;
  const seen = new Set<string>();
  const bandText = (m: string): string => {
    const tg = byMeasure.get(m)!;
    const total = tg.mean * k;
    return total > 0 ? `${share(tg.lo / total)}–${share(tg.hi / total)}` : '';
  };
  for (const v of report.violations) {
    const tg = byMeasure.get(v.measure);
    const key = `${v.kind}:${v.measure}:${v.territory}:${(v.units ?? []).join(',')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (v.kind === 'contiguity') {
      // The report says "(locked units)" when the territory holds locked units; otherwise the search left it in pieces.
      const locks = v.reason.includes('(locked units)');
      issues.push(locks
        ? { kind: 'contiguity', text: `${names.territory(v.territory)} is in ${v.value} separate pieces (locked units keep it apart).`, fix: 'Unlock the units or rebalance without locks.' }
        : { kind: 'contiguity', text: `${names.territory(v.territory)} is in ${v.value} separate pieces: the search did not join them.`, fix: 'Run again with another seed or a longer time limit.' });
      continue;
    }
    if (tg && tg.mean > 0 && v.kind === 'disconnected-graph' && v.proven && v.units && v.territory < 0 && v.value > 0) {
      // Reported with its units: a part of the map cut off from the rest (islands) that no whole number of territories fits.
      const ratio = v.value / tg.mean;
      // m territories there hold ratio / m means each: the band must reach the nearer of floor and ceil.
      const fewer = Math.floor(ratio); const more = Math.ceil(ratio);
      need = Math.max(need, Math.min(fewer >= 1 ? ratio / fewer - 1 : Infinity, 1 - ratio / more));
      issues.push({
        kind: 'cluster',
        text: `${unitList(v.units, names)} are cut off from the rest of the map (none of them touches a unit outside them) and hold ${ratio.toFixed(2)} × a territory's mean ${v.measure}: no whole number of contiguous territories there fits ±${pct(tolerance)} of the mean.`,
        fix: 'Widen the band, or allow non-contiguous territories.',
      });
      continue;
    }
    if (!tg || tg.mean <= 0 || (v.kind !== 'tolerance' && v.kind !== 'min' && v.kind !== 'max')) {
      issues.push({ kind: 'other', text: v.reason, fix: '' });
      continue;
    }
    const total = tg.mean * k;
    const dev = (v.territory >= 0 ? names.deviation?.(v.territory, v.measure) : undefined) ?? v.value / tg.mean - 1;
    if (v.proven && v.units?.length === 1 && v.territory < 0) {
      need = Math.max(need, dev);
      unitNeed = Math.max(unitNeed, dev);
      issues.push({
        kind: 'unit-too-large',
        text: `${names.unit(v.units[0]!)} alone holds ${share(v.value / total)} of ${v.measure}, more than a territory's band (${bandText(v.measure)}).`,
        fix: 'Split it into its ZIP areas ("Split heavy units", or `tessera scenario split SCENARIO --heavy 0.5`), or widen the band.',
      });
    } else if (v.proven && v.units && v.units.length > 1 && v.territory < 0) {
      issues.push({
        kind: 'cluster',
        text: `${unitList(v.units, names)} must share one territory (they reach the rest only through each other) and hold ${share(v.value / total)} of ${v.measure}; no contiguous territory around them fits the band (${bandText(v.measure)}).`,
        fix: 'Widen the band, or allow non-contiguous territories.',
      });
    } else if (v.territory >= 0) {
      // A territory holding a proof is explained by the proof; a cluster's territory is as far out as this run left it.
      if (v.proven && v.units) {
        // A component proof has its own widening (above); a cluster's territory is as far out as this run left it.
        const component = report.violations.some((p) => p.kind === 'disconnected-graph' && p.units?.length === v.units!.length && p.units[0] === v.units![0]);
        if (v.units.length > 1 && !component) need = Math.max(need, Math.abs(dev));
        continue;
      }
      need = Math.max(need, Math.abs(dev));
      issues.push({
        kind: 'search',
        text: `${names.territory(v.territory)} has ${pct(dev) === pct(tolerance) ? `${(Math.abs(dev) * 100).toFixed(2)} %` : pct(dev)} ${dev > 0 ? 'more' : v.measure === 'accounts' ? 'fewer' : 'less'} ${v.measure} than the average territory, outside ±${pct(tolerance)}. No proof says the band is impossible: the search did not find a plan within it.`,
        fix: 'Run again with another seed or a longer time limit, or widen the band.',
      });
    } else issues.push({ kind: 'other', text: v.reason, fix: '' });
  }
  // The run's figures and the saved scenario's KPIs can still differ (a design cancelled before it counted its named
  // accounts, an account assigned by name to another alignment's territory). Said here, so "all met" is never claimed
  // for a plan the tables show outside the band.
  if (names.deviation) {
    for (let t = 0; t < k; t++) {
      for (const tg of report.targets) {
        if (report.violations.some((v) => v.territory === t && v.measure === tg.measure)) continue;
        const dev = names.deviation(t, tg.measure);
        if (dev === undefined || Math.abs(dev) <= tolerance + 1e-9) continue;
        need = Math.max(need, Math.abs(dev));
        issues.push({
          kind: 'named-accounts',
          text: `${names.territory(t)} has ${pct(dev)} ${dev > 0 ? 'more' : tg.measure === 'accounts' ? 'fewer' : 'less'} ${tg.measure} than the average territory as the saved scenario counts it (named accounts included), outside ±${pct(tolerance)}, though the run's own figures put it in the band.`,
          fix: 'Run again (a design counts named accounts in a second pass, which a cancel skips), reassign named accounts, or widen the band.',
        });
      }
    }
  }
  // A band wider than ±100 % is no band (its lower end is below zero): then only splitting or fewer territories help.
  if (roundUp(need) > 1) {
    // First, so it is read before the list of territories out of band.
    issues.unshift(unitNeed > 1
      ? { kind: 'other', text: `No band up to ±100 % fits: a unit alone holds ${(unitNeed + 1).toFixed(1)} × a territory's mean.`, fix: 'Split the heavy units into ZIP areas, or make fewer territories.' }
      : { kind: 'other', text: 'No band up to ±100 % would hold every territory of this run.', fix: 'Run again with a longer time limit, or make fewer territories.' });
  }
  const widenTo = need > tolerance + 1e-12 && roundUp(need) <= 1 ? roundUp(need) : null;
  return { issues, widenTo };
}
