import type { RepId, TerritoryId } from '../../../shared/domain/ids';
import { planLock } from '../../../shared/domain/editing/reassign';
import { useDatasetStore } from '../../state/dataset-store';
import { kpiWorker } from '../../state/kpi-worker-client';
import { useScenarioStore } from '../../state/scenario-store';
import { editIndex, rememberAccount, runEdit } from '../editing/edit-engine';
import { useEditingStore } from '../editing/editing-store';
import { useGridsStore, type GridKind } from './grids-store';

/** Shows only the territories of one region (null shows all). */
export function setRegionFilter(region: string | null, area: string | null = null): void {
  useGridsStore.setState({ region, area: region === null ? null : area });
}

/** Switches the right-hand grid (territories, accounts, units, reps); the quick search starts empty. */
export function setGrid(grid: GridKind): void {
  useGridsStore.setState({ grid, search: '', selectedAccounts: [] });
  if (grid === 'accounts') void refreshAccountTerritories();
}

/** Quick search text of the entity grid shown. */
export function setSearch(search: string): void {
  useGridsStore.setState({ search });
}

/** Account indices picked in the accounts grid. */
export function setSelectedAccounts(indices: number[]): void {
  useGridsStore.setState({ selectedAccounts: indices });
}

let fetching = 0;

/** Fetches account -> territory of the current draft from the KPI worker (it queues after the edit's applyDelta). */
export async function refreshAccountTerritories(): Promise<void> {
  if (!useScenarioStore.getState().kpis) return;
  const mine = ++fetching;
  try {
    const out = await kpiWorker().accountTerritories();
    if (mine === fetching) useGridsStore.setState({ accountTerritory: out });
  } catch {
    // No scenario computed yet: the next KPI update fetches again.
  }
}

// Every edit produces new KPI rows; while the accounts grid is open its territory column follows them.
useScenarioStore.subscribe((s, prev) => {
  if (s.kpis !== prev.kpis && useGridsStore.getState().grid === 'accounts') void refreshAccountTerritories();
});

function territoryName(id: string | null): string {
  if (id === null) return 'their unit’s territory';
  return useScenarioStore.getState().current?.payload.territories.find((t) => t.id === id)?.name ?? id;
}

/** Makes accounts named accounts of a territory (null removes their overrides): one undoable command. */
export function overrideAccounts(indices: readonly number[], target: string | null): Promise<boolean> {
  const cur = useScenarioStore.getState().current;
  const ids = useDatasetStore.getState().accounts?.ids;
  if (!cur || !ids || indices.length === 0) return Promise.resolve(false);
  const changes: Record<string, TerritoryId | null> = {};
  for (const i of indices) {
    const id = ids[i];
    if (id === undefined) continue;
    if ((cur.payload.accountOverrides[id as keyof typeof cur.payload.accountOverrides] ?? null) === target) continue;
    rememberAccount(id, i);
    changes[id] = target as TerritoryId | null;
  }
  const n = Object.keys(changes).length;
  if (n === 0) {
    useEditingStore.setState({ message: 'Nothing to change: the accounts already belong there.' });
    return Promise.resolve(false);
  }
  const names = useDatasetStore.getState().accounts?.names;
  const what = n === 1 ? names?.[indices[0]!] ?? Object.keys(changes)[0] : `${n} accounts`;
  return runEdit({ kind: 'override', changes }, `Assign ${what} to ${territoryName(target)}`);
}

/** Locks or unlocks units (indices): one undoable command. */
export function lockUnits(units: readonly number[], on: boolean): Promise<boolean> {
  const cur = useScenarioStore.getState().current;
  if (!cur) return Promise.resolve(false);
  const ids = editIndex().unitIds;
  const cmd = planLock(cur.payload, units.map((u) => ids[u]!), on);
  if (!cmd) {
    useEditingStore.setState({ message: on ? 'Already locked.' : 'Not locked.' });
    return Promise.resolve(false);
  }
  const n = Object.keys(cmd.changes).length;
  return runEdit(cmd, `${on ? 'Lock' : 'Unlock'} ${n} unit${n === 1 ? '' : 's'}`);
}

/** Gives a rep a territory (the territory's previous rep leaves it); null takes the rep off the territories they hold. */
export async function assignRep(repId: string, territoryId: string | null): Promise<boolean> {
  const territories = useScenarioStore.getState().current?.payload.territories ?? [];
  if (territoryId !== null) {
    return runEdit({ kind: 'territory', territoryId: territoryId as TerritoryId, patch: { repId: repId as RepId } }, `Assign rep to ${territoryName(territoryId)}`);
  }
  let ok = false;
  for (const t of territories.filter((x) => x.repId === repId)) ok = (await runEdit({ kind: 'territory', territoryId: t.id, patch: { repId: null } }, `Take rep off ${t.name}`)) || ok;
  return ok;
}
