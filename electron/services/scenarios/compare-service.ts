import type { CompareResult, ScenarioSelector, ScenarioVersion } from '../../../shared/contracts/app-api';
import { err, ok, type Result } from '../../../shared/contracts/result';
import { compareScenarios } from '../../../shared/domain/scenario/compare';
import type { CompareDataset } from '../../../shared/domain/scenario/diff';
import { kpiDeltaRows } from '../../../shared/domain/scenario/kpi-table';
import { resolveVersion } from '../context';
import { dashboardSettings } from '../report/dashboard-service';
import type { Workspace } from '../workspace';

/** The workspace's dataset as comparison input; census geographies are lon/lat, custom units planar. */
export function compareDataset(ws: Workspace): CompareDataset {
  const units = ws.units();
  return { units, edges: ws.edges(), accounts: ws.accounts(), metric: units.kind === 'custom' ? 'planar' : 'geographic' };
}

/** Compares scenario versions side by side against the one at index baseline (default: the first). */
export function compareInWorkspace(ws: Workspace, selectors: ScenarioSelector[], baseline = 0, band = 0.05): Result<CompareResult, 'not-found' | 'invalid'> {
  if (selectors.length < 2) return err('invalid', 'Pick at least two scenarios to compare.');
  if (baseline >= selectors.length) return err('invalid', `The baseline must be one of the ${selectors.length} compared scenarios (index 0..${selectors.length - 1}).`);
  const versions: ScenarioVersion[] = [];
  for (const sel of selectors) {
    const v = resolveVersion(ws, sel);
    if (!v.ok) return v;
    versions.push(v.value);
  }
  const names = versions.map((v) => (versions.filter((w) => w.scenarioName === v.scenarioName).length > 1 ? `${v.scenarioName} v${v.version}` : v.scenarioName));
  const comparison = compareScenarios(versions.map((v, i) => ({ name: names[i]!, payload: v.payload })), compareDataset(ws), baseline, band);
  return ok({
    ...comparison,
    refs: versions.map((v) => ({ scenarioId: v.scenarioId, version: v.version, scenarioName: v.scenarioName })),
    rows: kpiDeltaRows(comparison),
    distanceUnit: dashboardSettings(versions[baseline]!.payload).travel.distanceUnit,
  });
}
