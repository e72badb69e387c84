import { transfer } from 'comlink';
import { api } from '../api/client';
import type { ScenarioSummary } from '../../shared/contracts/app-api';
import type { UnitId, AccountId } from '../../shared/domain/ids';
import { indexAlignment } from '../../shared/domain/territories/resolve';
import type { ScenarioPayload } from '../../shared/domain/territories/types';
import { buildKpiRows } from './kpi-rows';
import { useDatasetStore } from './dataset-store';
import { ensureDatasetView } from './dataset-actions';
import { kpiWorker } from './kpi-worker-client';
import { useScenarioStore, type ScenarioState } from './scenario-store';
import { useSelectionStore } from './selection-store';
import { dismissError, messageOf, reportError } from './ui-actions';

let request = 0;
let revision = 0;

/** Index of the alignment the map colours: the default one (no segments), else the first. */
export function defaultAlignmentIndex(payload: Pick<ScenarioPayload, 'alignments'>): number {
  const i = payload.alignments.findIndex((a) => a.segments.length === 0);
  return i >= 0 ? i : 0;
}

/** Reloads the scenario list (or takes one already fetched with the workspace info). */
export async function refreshScenarioList(known?: ScenarioSummary[]): Promise<ScenarioSummary[]> {
  const list = known ?? (await api['scenario.list']({}));
  useScenarioStore.setState({ list });
  return list;
}

/** Indexes a payload's alignments and lets the KPI worker compute the grid (and keep its incremental state). */
export async function deriveScenarioState(payload: ScenarioPayload): Promise<Pick<ScenarioState, 'alignment' | 'accountTerritory' | 'kpis'>> {
  await ensureDatasetView(payload.splitUnits);
  const { units, accounts, reps } = useDatasetStore.getState();
  if (!units || !accounts) throw new Error('The dataset is not loaded');
  const indexed = indexAlignment(payload, units.ids as UnitId[], { ids: accounts.ids as AccountId[], segment: accounts.segment });
  const def = defaultAlignmentIndex(payload);
  const alignmentDef = payload.alignments[def];
  const mapUnits = (indexed.unitTerritory[def] ?? new Int32Array(units.ids.length).fill(-1)).slice();
  const t0 = performance.now();
  const out = await kpiWorker().compute(
    transfer(
      { territoryCount: payload.territories.length, unitTerritory: indexed.unitTerritory, accountAlignment: indexed.accountAlignment, accountOverride: indexed.accountOverride },
      [indexed.accountAlignment.buffer, indexed.accountOverride.buffer],
    ),
  );
  return {
    alignment: { key: alignmentDef?.key ?? 'default', label: alignmentDef?.label ?? 'Default', unitTerritory: mapUnits, revision: ++revision },
    accountTerritory: out.accountTerritory,
    kpis: {
      rows: buildKpiRows(payload.territories, out.kpis, out.unitsPerTerritory, reps),
      potentialBalance: out.kpis.potentialBalance,
      workloadBalance: out.kpis.workloadBalance,
      unassignedAccounts: out.kpis.unassigned.accounts,
      computeMs: Math.round(performance.now() - t0),
    },
  };
}

/** An edited (unsaved) draft of the open version: payload plus what changed of the derived state. */
export function applyScenarioDraft(payload: ScenarioPayload, derived: Partial<Pick<ScenarioState, 'alignment' | 'accountTerritory' | 'kpis'>>): void {
  const s = useScenarioStore.getState();
  if (!s.current) throw new Error('applyScenarioDraft called without an open scenario');
  const alignment = derived.alignment ? { ...derived.alignment, revision: ++revision } : s.alignment;
  useScenarioStore.setState({ current: { ...s.current, payload }, ...derived, alignment });
}

/** Opens a scenario version: fetches it, indexes its alignments and lets the KPI worker compute the grid. */
export async function openScenario(scenarioId: number, version?: number): Promise<void> {
  const mine = ++request;
  const { units, accounts } = useDatasetStore.getState();
  if (!units || !accounts) throw new Error('openScenario called before the dataset was loaded');
  useScenarioStore.setState({ status: 'loading' });
  try {
    const res = await api['scenario.get'](version === undefined ? { scenario: scenarioId } : { scenario: scenarioId, version });
    if (mine !== request) return;
    if (!res.ok) {
      useScenarioStore.setState({ status: 'error' });
      reportError({ id: 'scenario', title: `Scenario ${scenarioId} could not be opened`, detail: res.error.message, action: 'Pick another scenario in the top bar; the list may be out of date, reload the window to refresh it.' });
      return;
    }
    const derived = await deriveScenarioState(res.value.payload);
    if (mine !== request) return;
    useScenarioStore.setState({ status: 'ready', current: res.value, ...derived });
    performance.mark('tessera:kpis-ready');
    dismissError('scenario');
    const sel = useSelectionStore.getState().territoryId;
    if (sel && !res.value.payload.territories.some((t) => t.id === sel)) useSelectionStore.setState({ territoryId: null, source: null });
  } catch (e) {
    if (mine !== request) return;
    useScenarioStore.setState({ status: 'error' });
    reportError({ id: 'scenario', title: 'The territory KPIs could not be computed', detail: messageOf(e), action: 'Reload the window; if it happens again, the scenario data may be damaged — open an earlier version.' });
  }
}
