import type { ScenarioSelector, ScenarioVersion } from '../../../shared/contracts/app-api';
import type { Result } from '../../../shared/contracts/result';
import { indexAlignment, resolveAccountTerritories } from '../../../shared/domain/territories/resolve';
import { resolveVersion } from '../context';
import type { Workspace } from '../workspace';
import type { DatasetView } from '../geography/split-view';

/** A scenario version with its dataset view and every account's territory index (-1 unassigned), as the KPIs resolve it. */
export type ResolvedScenario = { version: ScenarioVersion; view: DatasetView; accountTerritory: Int32Array; defaultUnitTerritory: Int32Array };

/** Resolves a scenario's accounts to territories (overrides, segment alignments, then units). */
export function resolveScenario(ws: Workspace, selector: ScenarioSelector): Result<ResolvedScenario, 'not-found'> {
  const v = resolveVersion(ws, selector);
  if (!v.ok) return v;
  const payload = v.value.payload;
  const view = ws.viewOf(payload);
  const { units, accounts } = view;
  const idx = indexAlignment(payload, units.ids, accounts);
  const accountTerritory = resolveAccountTerritories(Int32Array.from(accounts.unitIndex), idx.accountAlignment, idx.accountOverride, idx.unitTerritory);
  const geo = payload.alignments.findIndex((a) => a.segments.length === 0);
  const defaultUnitTerritory = idx.unitTerritory[geo >= 0 ? geo : 0] ?? new Int32Array(units.ids.length).fill(-1);
  return { ok: true, value: { version: v.value, view, accountTerritory, defaultUnitTerritory } };
}
