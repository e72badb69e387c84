import { transfer } from 'comlink';
import { api } from '../api/client';
import type { AccountsTable } from '../../shared/domain/dataset/types';
import type { KpiDatasetColumns } from '../../shared/contracts/worker-api';
import { prepareGeometry, type PreparedGeometry } from '../map/geometry';
import { prepareAccountPoints } from '../map/prepare-accounts';
import { initialDatasetState, useDatasetStore, type DatasetState } from './dataset-store';
import type { UnitId } from '../../shared/domain/ids';
import { kpiWorker } from './kpi-worker-client';
import { openScenario, refreshScenarioList } from './scenario-actions';
import { initialScenarioState, useScenarioStore } from './scenario-store';
import { messageOf, reportError } from './ui-actions';
import { rememberWorkspace } from './recent-workspaces';

/** Typed KPI columns for the worker (fresh buffers: they are transferred away). */
export function kpiColumns(accounts: Pick<AccountsTable, 'unitIndex' | 'potential' | 'revenue' | 'workload'>): KpiDatasetColumns {
  return {
    accountUnit: Int32Array.from(accounts.unitIndex),
    potential: Float64Array.from(accounts.potential),
    revenue: Float64Array.from(accounts.revenue),
    workload: Float64Array.from(accounts.workload),
  };
}

/** The view's units, accounts, reps and map geometry, prepared; the KPI worker gets the view's account columns. */
async function loadView(split: string[]): Promise<Pick<DatasetState, 'units' | 'reps' | 'accounts' | 'points' | 'geometry' | 'split'>> {
  const arg = { split: split as UnitId[] };
  const [units, accounts, reps, geometryPayload] = await Promise.all([api['dataset.units'](arg), api['dataset.accounts'](arg), api['dataset.reps'](arg), api['dataset.geometry'](arg)]);
  performance.mark('tessera:data-fetched');
  let geometry: PreparedGeometry | null = null;
  if (geometryPayload) {
    try {
      geometry = prepareGeometry(geometryPayload, units);
    } catch (e) {
      reportError({
        id: 'geometry',
        title: 'The unit boundaries could not be read',
        detail: messageOf(e),
        action: 'The map draws the units as points at their centres. Re-import the geometry file of this workspace.',
      });
    }
  } else {
    reportError({
      id: 'geometry',
      title: 'This workspace has no unit boundaries',
      detail: 'The map draws each unit as a point at its centre, coloured by territory; the grid, editing in the grid and balancing work without boundaries.',
      action: 'Create a workspace from boundaries (tessera import geojson, or tessera import zips for US ZIP areas) to see territories on the map.',
    });
  }
  const columns = kpiColumns(accounts);
  const buffers = [columns.accountUnit.buffer, columns.potential.buffer, columns.revenue.buffer, columns.workload.buffer];
  await kpiWorker().loadDataset(transfer(columns, buffers));
  return {
    units,
    reps,
    accounts: { ids: accounts.ids, names: accounts.names, segment: accounts.segment, unit: Int32Array.from(accounts.unitIndex) },
    points: prepareAccountPoints(accounts),
    geometry,
    split,
  };
}

/** One key per set of split units (order does not matter). */
export const splitKey = (split: readonly string[]): string => [...split].sort().join(',');
let viewLoad: { key: string; done: Promise<void> } | null = null;

/**
 * Makes the loaded units those of a scenario that splits `split` (counties replaced by their ZIP areas): reloads
 * units, accounts, reps and geometry from the services and the KPI worker's columns when the split differs. Unit
 * indices change with the view (the editing feature clears its selection when the units change).
 */
export async function ensureDatasetView(split: readonly string[] | undefined): Promise<void> {
  const key = splitKey(split ?? []);
  if (viewLoad?.key === key) return viewLoad.done;
  if (splitKey(useDatasetStore.getState().split) === key && useDatasetStore.getState().units) return;
  const done = (async () => {
    useDatasetStore.setState(await loadView([...(split ?? [])].sort()));
  })();
  viewLoad = { key, done };
  try {
    await done;
  } finally {
    if (viewLoad?.done === done) viewLoad = null;
  }
}

/** Loads the open workspace: info, dataset, geometry; hands the columns to the KPI worker; opens the first scenario. */
export async function loadWorkspace(): Promise<void> {
  const t0 = performance.now();
  useDatasetStore.setState({ ...initialDatasetState, status: 'loading' });
  viewLoad = null;
  try {
    const workspace = await api['workspace.info']({});
    const first = workspace.scenarios.find((s) => !s.archived) ?? workspace.scenarios[0];
    // The first scenario's own units (its split counties as ZIP areas), so opening it needs no second load.
    const head = first ? await api['scenario.get']({ scenario: first.id }) : null;
    const view = await loadView(head?.ok ? [...(head.value.payload.splitUnits ?? [])].sort() : []);
    useDatasetStore.setState({ status: 'ready', workspace, ...view, loadMs: Math.round(performance.now() - t0) });
    performance.mark('tessera:dataset-ready');
    rememberWorkspace(workspace);
    const list = await refreshScenarioList(workspace.scenarios);
    if (first) await openScenario(first.id);
    // No scenario: nothing to load (ready), and the previous workspace's is forgotten (its territories would show over
    // these units); StarterScenarioOffer offers to make one.
    else useScenarioStore.setState({ ...initialScenarioState, list, status: 'ready' });
  } catch (e) {
    useDatasetStore.setState({ status: 'error' });
    reportError({
      id: 'workspace',
      title: 'The workspace could not be loaded',
      detail: messageOf(e),
      action: 'Check that the Tessera server is still running (browser mode) or reopen the workspace, then reload this window.',
    });
  }
}
