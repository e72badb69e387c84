import { api } from '../../api/client';
import type { SplitChoice } from '../../../shared/contracts/app-api';
import type { UnitId } from '../../../shared/domain/ids';
import { planMerge, planSplitHeavy, type ScenarioCommand } from '../../../shared/domain/scenario/commands';
import { useDatasetStore } from '../../state/dataset-store';
import { useScenarioStore } from '../../state/scenario-store';
import { messageOf } from '../../state/ui-actions';
import { editIndex, runEdit } from './edit-engine';
import { useEditingStore } from './editing-store';

// Splitting a county into its ZIP areas and merging it back: undoable scenario edits. The scenario's units change
// with them (the dataset view reloads in deriveScenarioState), so the map, grid and KPIs show the ZIP areas.

function say(message: string): false {
  useEditingStore.setState({ message });
  return false;
}

const nameList = (names: string[]): string => (names.length > 3 ? `${names.slice(0, 3).join(', ')} and ${names.length - 3} more` : names.join(', '));

/** What a unit offers: split (a county with ZIP areas) or merge back (a ZIP area of a county this scenario split). */
export type UnitGeographyChoice = { split: { unit: UnitId; name: string; zipAreas: number } | null; merge: { unit: UnitId; name: string } | null };

/** The county each ZIP area of the scenario's split counties belongs to, with the counties' names and children. */
async function splitCounties(): Promise<{ choices: Record<string, SplitChoice>; countyOf: Map<string, UnitId> }> {
  const split = useScenarioStore.getState().current?.payload.splitUnits ?? [];
  const choices = split.length ? await api['dataset.splitChildren']({ units: split }) : {};
  const countyOf = new Map<string, UnitId>();
  for (const [county, c] of Object.entries(choices)) for (const z of c.children) countyOf.set(z, county as UnitId);
  return { choices, countyOf };
}

/** Whether a unit (by index in the loaded view) can be split or merged back, for the map's unit menu. */
export async function unitGeographyChoice(unit: number): Promise<UnitGeographyChoice> {
  const id = editIndex().unitIds[unit] as UnitId | undefined;
  if (id === undefined) return { split: null, merge: null };
  const [own, counties] = await Promise.all([api['dataset.splitChildren']({ units: [id] }), splitCounties()]);
  const c = own[id];
  const county = counties.countyOf.get(id);
  return {
    split: c ? { unit: id, name: c.name, zipAreas: c.children.length } : null,
    merge: county ? { unit: county, name: counties.choices[county]!.name } : null,
  };
}

/** Splits units (default: the selected ones) into their ZIP areas, which keep the units' territories; one undoable edit. */
export async function splitIntoZipAreas(units: ArrayLike<number> = useEditingStore.getState().selectedUnits): Promise<boolean> {
  const cur = useScenarioStore.getState().current;
  if (!cur) return false;
  const ids = Array.from(units, (u) => editIndex().unitIds[u]!).filter((id) => id !== undefined);
  if (ids.length === 0) return say('Select counties to split first: click, lasso or rectangle on the map, or tick them in the Units grid.');
  let choices: Record<string, SplitChoice>;
  try {
    choices = await api['dataset.splitChildren']({ units: ids as UnitId[] });
  } catch (e) {
    return say(`Split into ZIP areas failed: ${messageOf(e)}`);
  }
  const counties = ids.filter((id) => choices[id]);
  if (counties.length === 0) return say(ids.every((id) => id.startsWith('zip:')) ? 'These are ZIP areas already, the finest level; merge their county back instead.' : 'Only US counties split, into their built-in ZIP areas; the selected units have none.');
  const commands: ScenarioCommand[] = counties.map((unit) => ({ kind: 'split', unit: unit as UnitId, children: choices[unit]!.children }));
  const zipAreas = counties.reduce((n, c) => n + choices[c]!.children.length, 0);
  const skipped = ids.length - counties.length;
  useEditingStore.setState({ message: `Splitting ${nameList(counties.map((c) => choices[c]!.name))} into ${zipAreas} ZIP areas…` });
  return runEdit(commands.length === 1 ? commands[0]! : { kind: 'batch', commands }, `Split ${nameList(counties.map((c) => choices[c]!.name))} into ${zipAreas} ZIP areas${skipped ? ` (${skipped} selected units cannot be split)` : ''}`);
}

/** Merges the counties of units (default: the selected ZIP areas) back; each takes the territory holding most of its ZIP areas' potential. */
export async function mergeIntoCounties(units: ArrayLike<number> = useEditingStore.getState().selectedUnits): Promise<boolean> {
  const cur = useScenarioStore.getState().current;
  if (!cur) return false;
  if (!cur.payload.splitUnits?.length) return say('This scenario splits no county; there is nothing to merge back.');
  const ids = Array.from(units, (u) => editIndex().unitIds[u]!).filter((id) => id !== undefined);
  if (ids.length === 0) return say('Select ZIP areas of a split county first, then merge it back.');
  let counties: Awaited<ReturnType<typeof splitCounties>>;
  try {
    counties = await splitCounties();
  } catch (e) {
    return say(`Merge into counties failed: ${messageOf(e)}`);
  }
  const merge = [...new Set(ids.map((id) => counties.countyOf.get(id)).filter((c): c is UnitId => c !== undefined))];
  if (merge.length === 0) return say('None of the selected units is a ZIP area of a county this scenario split.');
  const units_ = useDatasetStore.getState().units!;
  const weights = units_.measures.potential ?? units_.measures[units_.measureDefs[0]?.key ?? ''];
  const index = editIndex().unitIndex;
  const weight = weights ? (c: UnitId): number => weights[index.get(c) ?? -1] ?? 0 : undefined;
  const commands = merge.map((unit) => planMerge(cur.payload, unit, counties.choices[unit]!.children, weight));
  const names = nameList(merge.map((c) => counties.choices[c]!.name));
  useEditingStore.setState({ message: `Merging ${names} back…` });
  return runEdit(commands.length === 1 ? commands[0]! : { kind: 'batch', commands }, `Merge ${names} back into ${merge.length === 1 ? 'one county' : `${merge.length} counties`}`);
}

/**
 * "Split heavy units": splits every county holding more than `share` of one territory's target of `measure`
 * (its total / k, by default the scenario's number of territories) into its ZIP areas, as one undoable edit.
 */
export async function splitHeavyUnits(share: number, measure: string, k?: number): Promise<boolean> {
  const cur = useScenarioStore.getState().current;
  const units = useDatasetStore.getState().units;
  if (!cur || !units) return false;
  const values = units.measures[measure];
  if (!values) return say(`No measure "${measure}" to find heavy units by.`);
  const candidates = units.ids.filter((id) => !id.startsWith('zip:'));
  let choices: Record<string, SplitChoice>;
  try {
    choices = await api['dataset.splitChildren']({ units: candidates as UnitId[] });
  } catch (e) {
    return say(`Split heavy units failed: ${messageOf(e)}`);
  }
  const plan = planSplitHeavy(cur.payload, { ids: units.ids as UnitId[], values }, share, (u) => choices[u]?.children ?? [], k);
  const label = units.measureDefs.find((m) => m.key === measure)?.label.toLowerCase() ?? measure;
  if (!plan) return say(`No county holds more than ${Math.round(share * 100)} % of a territory's ${label} target; nothing to split.`);
  const zipAreas = plan.units.reduce((n, c) => n + choices[c]!.children.length, 0);
  const names = nameList(plan.units.map((c) => choices[c]!.name));
  useEditingStore.setState({ message: `Splitting ${plan.units.length} heavy counties into ZIP areas…` });
  return runEdit(plan.command, `Split heavy units: ${plan.units.length} ${plan.units.length === 1 ? 'county' : 'counties'} above ${Math.round(share * 100)} % of a territory's ${label} (${names}) into ${zipAreas} ZIP areas`);
}
