import type { TerritoryId } from '../../../shared/domain/ids';
import { pointsInRing } from '../../../shared/domain/geo/point-in-polygon';
import { createTerritory, mergeTerritories, splitTerritory } from '../../../shared/domain/editing/hierarchy';
import { planLock, planReassign } from '../../../shared/domain/editing/reassign';
import type { TerritoryPatch } from '../../../shared/domain/scenario/commands';
import { useDatasetStore } from '../../state/dataset-store';
import { useScenarioStore } from '../../state/scenario-store';
import { editIndex, rememberAccount, runEdit } from './edit-engine';
import { useEditingStore, type EditMode } from './editing-store';

/** How a new selection combines with the current one. */
export type SelectHow = 'replace' | 'add' | 'toggle';

/** Switches the map tool. */
export function setEditMode(mode: EditMode): void {
  useEditingStore.setState({ mode, draftPath: null });
}

/** Territory that reassign and paint move units into. */
export function setTarget(territoryId: string | null): void {
  useEditingStore.setState({ target: territoryId });
}

/** Combines unit indices into the selection (sorted, unique). */
export function selectUnits(units: ArrayLike<number>, how: SelectHow = 'replace'): void {
  const cur = useEditingStore.getState().selectedUnits;
  const set = new Set<number>(how === 'replace' ? [] : Array.from(cur));
  for (let j = 0; j < units.length; j++) {
    const u = units[j]!;
    if (how === 'toggle' && set.has(u)) set.delete(u);
    else set.add(u);
  }
  useEditingStore.setState({ selectedUnits: Int32Array.from(set).sort(), account: null });
}

/** Clears the unit and account selection. */
export function clearSelection(): void {
  useEditingStore.setState({ selectedUnits: new Int32Array(0), account: null, draftPath: null });
}

/** Picks one account (for a single-account reassignment). */
export function selectAccount(index: number | null): void {
  useEditingStore.setState({ account: index });
}

/** The lasso or rectangle outline while it is drawn (flat screen pixels), null when done. */
export function setDraftPath(path: number[] | null): void {
  useEditingStore.setState({ draftPath: path });
}

/** Selects the units whose representative point lies inside a ring (flat lon/lat). */
export function selectInRing(ring: ArrayLike<number>, how: SelectHow): number {
  const units = useDatasetStore.getState().units;
  if (!units) return 0;
  const inside = pointsInRing(units.x, units.y, ring);
  selectUnits(inside, how);
  return inside.length;
}

function say(message: string): false {
  useEditingStore.setState({ message });
  return false;
}

/** Moves units (default: the selection) to a territory, or unassigns them with null; one undoable command. */
export async function reassignUnits(target: string | null, units: ArrayLike<number> = useEditingStore.getState().selectedUnits): Promise<boolean> {
  const s = useScenarioStore.getState();
  if (!s.current || !s.alignment) return false;
  if (units.length === 0) return say('Select units first: click, lasso or rectangle on the map.');
  const plan = planReassign(s.current.payload, s.alignment.key, editIndex(), units, s.alignment.unitTerritory, target as TerritoryId | null);
  if (!plan.command) return say(plan.reason ?? 'Nothing to move.');
  const name = target === null ? 'unassigned' : s.current.payload.territories.find((t) => t.id === target)?.name ?? target;
  const skipped = plan.skippedLocked ? ` (${plan.skippedLocked} locked left in place)` : '';
  return runEdit(plan.command, `Move ${plan.moved} unit${plan.moved === 1 ? '' : 's'} to ${name}${skipped}`);
}

/** Drag-and-drop: moves the selection into the territory of the unit it was dropped on. */
export function dropSelectionOnUnit(unit: number): Promise<boolean> {
  const t = useScenarioStore.getState().alignment?.unitTerritory[unit] ?? -1;
  const id = t >= 0 ? useScenarioStore.getState().current?.payload.territories[t]?.id ?? null : null;
  if (id === null) return Promise.resolve(say('Drop the selection on a unit that belongs to a territory.'));
  return reassignUnits(id);
}

/** Locks or unlocks the selected units. */
export function lockSelection(on: boolean): Promise<boolean> {
  const cur = useScenarioStore.getState().current;
  const { selectedUnits } = useEditingStore.getState();
  const ids = editIndex().unitIds;
  if (!cur) return Promise.resolve(false);
  const cmd = planLock(cur.payload, Array.from(selectedUnits, (u) => ids[u]!), on);
  if (!cmd) return Promise.resolve(say(on ? 'The selected units are already locked.' : 'None of the selected units is locked.'));
  const n = Object.keys(cmd.changes).length;
  return runEdit(cmd, `${on ? 'Lock' : 'Unlock'} ${n} unit${n === 1 ? '' : 's'}`);
}

/** Changes a territory's name, colour, rep, region or lock. */
export function patchTerritory(territoryId: string, patch: TerritoryPatch, label: string): Promise<boolean> {
  return runEdit({ kind: 'territory', territoryId: territoryId as TerritoryId, patch }, label);
}

/** Makes an account a named account of a territory (null removes the override). */
export function overrideAccount(index: number, target: string | null): Promise<boolean> {
  const id = useDatasetStore.getState().accounts?.ids[index];
  if (id === undefined) return Promise.resolve(false);
  rememberAccount(id, index);
  const name = useDatasetStore.getState().accounts?.names[index] ?? id;
  const tName = target === null ? 'its unit’s territory' : useScenarioStore.getState().current?.payload.territories.find((t) => t.id === target)?.name ?? target;
  return runEdit({ kind: 'override', changes: { [id]: target as TerritoryId | null } }, `Assign ${name} to ${tName}`);
}

/** Adds an empty territory. */
export function addTerritory(name: string, region: string): Promise<boolean> {
  const cur = useScenarioStore.getState().current;
  if (!cur) return Promise.resolve(false);
  try {
    const { payload } = createTerritory(cur.payload, name, region);
    return runEdit({ kind: 'replace', payload }, `Create territory ${name.trim()}`);
  } catch (e) {
    return Promise.resolve(say((e as Error).message));
  }
}

/** Merges territories into keep. */
export function mergeInto(keep: string, merged: string[]): Promise<boolean> {
  const cur = useScenarioStore.getState().current;
  if (!cur || merged.length === 0) return Promise.resolve(say('Pick territories to merge.'));
  const name = cur.payload.territories.find((t) => t.id === keep)?.name ?? keep;
  return runEdit({ kind: 'replace', payload: mergeTerritories(cur.payload, keep as TerritoryId, merged as TerritoryId[]) }, `Merge ${merged.length} territor${merged.length === 1 ? 'y' : 'ies'} into ${name}`);
}

/** Splits the selected units of territory `from` into a new territory. */
export function splitSelection(from: string, name: string): Promise<boolean> {
  const s = useScenarioStore.getState();
  const ids = editIndex().unitIds;
  if (!s.current || !s.alignment) return Promise.resolve(false);
  const units = Array.from(useEditingStore.getState().selectedUnits, (u) => ids[u]!);
  const out = splitTerritory(s.current.payload, from as TerritoryId, s.alignment.key, units, name || 'New territory');
  if (out.moved === 0) return Promise.resolve(say('Select units of that territory to split them off.'));
  return runEdit({ kind: 'replace', payload: out.payload }, `Split ${out.moved} units into ${name || 'New territory'}`);
}
