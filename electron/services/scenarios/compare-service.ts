import type { CompareResult, ScenarioSelector, ScenarioVersion } from '../../../shared/contracts/app-api';
import { err, ok, type Result } from '../../../shared/contracts/result';
import { checkCompareInputs, compareScenario } from '../../../shared/domain/scenario/compare';
import type { CompareDataset } from '../../../shared/domain/scenario/diff';
import { kpiDeltaRows } from '../../../shared/domain/scenario/kpi-table';
import { accountLabel, repLabel, territoryLabel, unitLabel, type Labels } from '../../../shared/domain/labels';
import type { Comparison } from '../../../shared/domain/scenario/compare';
import { resolveVersion } from '../context';
import { checkpoint } from '../long-call';
import { dashboardSettings } from '../report/dashboard-service';
import type { Workspace } from '../workspace';
import { distanceMetric } from '../../../shared/domain/geo/distance-metric';
import { onCommonGeography } from '../../../shared/domain/scenario/common-geography';
import type { UnitId } from '../../../shared/domain/ids';

/**
 * The dataset as comparison input, at the geography of these split units (the finest of the compared scenarios);
 * census geographies are lon/lat, custom units planar.
 */
export function compareDataset(ws: Workspace, split?: readonly UnitId[]): CompareDataset {
  const { units, edges, accounts } = ws.view(split);
  return { units, edges, accounts, metric: distanceMetric(units) };
}

/**
 * Compares scenario versions side by side against the one at index baseline (default: the first). In a
 * tracked call it reports one step per scenario and stops between them when cancelled (see checkpoint).
 */
export async function compareInWorkspace(ws: Workspace, selectors: ScenarioSelector[], baseline = 0, band = 0.05): Promise<Result<CompareResult, 'not-found' | 'invalid'>> {
  if (selectors.length < 2) return err('invalid', 'Pick at least two scenarios to compare.');
  if (baseline >= selectors.length) return err('invalid', `The baseline must be one of the ${selectors.length} compared scenarios (index 0..${selectors.length - 1}).`);
  const versions: ScenarioVersion[] = [];
  for (const sel of selectors) {
    const v = resolveVersion(ws, sel);
    if (!v.ok) return v;
    versions.push(v.value);
  }
  const names = versions.map((v) => (versions.filter((w) => w.scenarioName === v.scenarioName).length > 1 ? `${v.scenarioName} v${v.version}` : v.scenarioName));
  // Scenarios at different geographies (a county plan, one with counties split into ZIP areas) are compared on the
  // finest: a county split in any of them is split in all, its ZIP areas inheriting the county's territory.
  const options = ws.splitOptions();
  const common = onCommonGeography(versions.map((v) => v.payload), (u) => options.children(u));
  const inputs = versions.map((v, i) => ({ name: names[i]!, payload: common.payloads[i]! }));
  checkCompareInputs(inputs, baseline);
  const dataset = compareDataset(ws, common.split);
  const scenarios = [];
  for (const i of inputs.keys()) {
    await checkpoint(`Comparing ${inputs[i]!.name} (${i + 1} of ${inputs.length})`, i, inputs.length + 1);
    scenarios.push(compareScenario(inputs, dataset, i, baseline, band));
  }
  await checkpoint('Naming the changes', inputs.length, inputs.length + 1);
  const comparison: Comparison = { baselineIndex: baseline, band, scenarios, metric: dataset.metric };
  return ok({
    ...comparison,
    refs: versions.map((v) => ({ scenarioId: v.scenarioId, version: v.version, scenarioName: v.scenarioName })),
    rows: kpiDeltaRows(comparison),
    distanceUnit: dashboardSettings(versions[baseline]!.payload).travel.distanceUnit,
    labels: comparisonLabels(ws, comparison, versions.map((v) => v.payload.territories), common.split),
  });
}

/** Names for every unit, account, rep and territory the comparison lists (only those, to keep the result small). */
export function comparisonLabels(ws: Workspace, c: Comparison, territories: { id: string; name: string; repId: string | null }[][], split?: readonly UnitId[]): Labels {
  const { units, accounts, reps } = ws.view(split);
  const repNames = new Map(reps.map((r) => [r.id as string, r.name]));
  const unitIndex = new Map(units.ids.map((id, i) => [id as string, i]));
  const accountIndex = new Map(accounts.ids.map((id, i) => [id as string, i]));
  const labels: Labels = { units: {}, accounts: {}, reps: {}, territories: territories.map((ts) => {
    const names = new Map(ts.map((t) => [t.id, t.name]));
    return Object.fromEntries(ts.map((t) => [t.id, territoryLabel(t.id, names)]));
  }) };
  for (const ts of territories) for (const t of ts) if (t.repId) labels.reps[t.repId] = repLabel(t.repId, repNames);
  for (const s of c.scenarios) {
    for (const u of s.diff.units) {
      const i = unitIndex.get(u.unitId);
      labels.units[u.unitId] = unitLabel(units.kind, u.unitId, i === undefined ? undefined : units.names[i]);
    }
    for (const a of s.diff.accounts) {
      const i = accountIndex.get(a.accountId);
      labels.accounts[a.accountId] = accountLabel(a.accountId, i === undefined ? undefined : accounts.names[i]);
    }
    for (const r of s.reps) if (r.repId) labels.reps[r.repId] = repLabel(r.repId, repNames);
  }
  return labels;
}
