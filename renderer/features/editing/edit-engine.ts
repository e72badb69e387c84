import { commandDelta, type EditIndex } from '../../../shared/domain/editing/reassign';
import { emptyHistory, execute, redo, undo, type CommandHistory, type ScenarioCommand } from '../../../shared/domain/scenario/commands';
import type { ScenarioPayload } from '../../../shared/domain/territories/types';
import { buildKpiRows } from '../../state/kpi-rows';
import { useDatasetStore } from '../../state/dataset-store';
import { kpiWorker } from '../../state/kpi-worker-client';
import { applyScenarioDraft, deriveScenarioState } from '../../state/scenario-actions';
import { useScenarioStore } from '../../state/scenario-store';
import { readOnlyReason } from '../../state/read-only';
import { messageOf } from '../../state/ui-actions';
import { flagEditSplits, piecesById, watchGraph, type SplitFlag } from './contiguity-watch';
import { useEditingStore } from './editing-store';

// Every edit is a command from shared/domain/scenario/commands.ts applied to a local draft: the KPI
// worker updates its per-unit aggregates in O(changed units), the map and grid read the draft from the
// scenario store, and Save writes the draft as one new version.

let unitIndexCache: { ids: readonly string[]; map: Map<string, number> } | null = null;
/** Account id -> index for accounts the user picked (overrides only ever name those). */
const knownAccounts = new Map<string, number>();

/** Remembers an account's index so override commands on it (and their undo) stay incremental. */
export function rememberAccount(id: string, index: number): void {
  knownAccounts.set(id, index);
}

/** Id -> index lookups of the loaded dataset (built once per dataset, O(units)). */
export function editIndex(): EditIndex {
  const ids = useDatasetStore.getState().units?.ids ?? [];
  if (unitIndexCache?.ids !== ids) unitIndexCache = { ids, map: new Map(ids.map((id, i) => [id as string, i])) };
  return { unitIds: ids, unitIndex: unitIndexCache.map, accountIndex: knownAccounts };
}

function baseKeyOfCurrent(): string | null {
  const c = useScenarioStore.getState().current;
  return c ? `${c.scenarioId}@${c.version}` : null;
}

// A version opened from elsewhere (picker, scenario panel, balance) starts a fresh edit history.
useScenarioStore.subscribe((s, prev) => {
  if (s.current === prev.current) return;
  const key = baseKeyOfCurrent();
  if (key !== useEditingStore.getState().baseKey) {
    useEditingStore.setState({ baseKey: key, history: emptyHistory(), dirty: false, staleHead: null, selectedUnits: new Int32Array(0), account: null, message: null, splitUnits: new Int32Array(0), splitWarning: null, basePieces: null });
  }
});

// Another view of the dataset (a county split or merged back) renumbers the units: a unit selection no longer applies.
useDatasetStore.subscribe((s, prev) => {
  if (s.units !== prev.units && prev.units !== null) useEditingStore.setState({ selectedUnits: new Int32Array(0), splitUnits: new Int32Array(0), basePieces: null });
});

let queue: Promise<unknown> = Promise.resolve();

/** Runs edits one after another (each awaits the worker), so their KPI updates never interleave. */
function serial<T>(run: () => Promise<T>): Promise<T> {
  const next = queue.then(run, run);
  queue = next.catch(() => undefined);
  return next;
}

/** The unit graph for the contiguity watch, recording the saved version's pieces before its first edit. */
async function contiguityBase(): Promise<Awaited<ReturnType<typeof watchGraph>>> {
  const g = await watchGraph();
  const s = useScenarioStore.getState();
  if (g && s.current && s.alignment && useEditingStore.getState().basePieces === null) {
    useEditingStore.setState({ basePieces: piecesById(g, s.current.payload, s.alignment.unitTerritory) });
  }
  return g;
}

/** Brings map, grid and KPIs to the payload after cmd ran; incremental unless the command restructures territories. */
async function showDraft(cmd: ScenarioCommand, payload: ScenarioPayload): Promise<{ workerMs: number; moved: number; split: SplitFlag | null | undefined }> {
  const delta = commandDelta(cmd, payload, editIndex());
  let graph: Awaited<ReturnType<typeof watchGraph>> = null;
  // undefined: this edit moved no unit, the last warning stands; null: nothing split.
  let split: SplitFlag | null | undefined;
  try {
    graph = await contiguityBase();
  } catch (e) {
    split = { text: `Contiguity could not be checked: ${messageOf(e)}`, detached: new Int32Array(0) };
  }
  const s = useScenarioStore.getState();
  const reps = useDatasetStore.getState().reps;
  if (delta.kind === 'full') {
    const t0 = performance.now();
    applyScenarioDraft(payload, await deriveScenarioState(payload));
    return { workerMs: performance.now() - t0, moved: 0, split: split ?? null };
  }
  if (delta.kind === 'meta') {
    const rows = s.kpis?.rows ?? [];
    const kpis = s.kpis ? { ...s.kpis, rows: rebuildMeta(rows, payload) } : null;
    applyScenarioDraft(payload, kpis ? { kpis } : {});
    return { workerMs: 0, moved: 0, split };
  }
  const out = await kpiWorker().applyDelta(delta);
  const kpis = {
    rows: buildKpiRows(payload.territories, out.kpis, out.unitsPerTerritory, reps),
    potentialBalance: out.kpis.potentialBalance,
    workloadBalance: out.kpis.workloadBalance,
    unassignedAccounts: out.kpis.unassigned.accounts,
    computeMs: Math.round(out.ms * 100) / 100,
  };
  const alignment = s.alignment;
  const defIndex = payload.alignments.findIndex((a) => a.key === alignment?.key);
  if (delta.kind === 'units' && alignment && delta.alignment === defIndex) {
    const unitTerritory = alignment.unitTerritory.slice();
    for (let j = 0; j < delta.units.length; j++) unitTerritory[delta.units[j]!] = delta.territories[j]!;
    if (graph) split = flagEditSplits(graph, payload, alignment.unitTerritory, unitTerritory, delta.units);
    applyScenarioDraft(payload, { kpis, alignment: { ...alignment, unitTerritory } });
  } else {
    applyScenarioDraft(payload, { kpis, accountTerritory: null });
  }
  return { workerMs: out.ms, moved: delta.kind === 'units' ? delta.units.length : delta.accounts.length, split };
}

/** Territory names, colours, regions and reps changed without any unit moving: rows keep their KPIs. */
function rebuildMeta<R extends { territoryId: string; name: string; color: string; region: string; area: string; repId: string | null; repName: string | null }>(rows: R[], payload: ScenarioPayload): R[] {
  const reps = useDatasetStore.getState().reps;
  const repName = new Map(reps.map((r) => [r.id as string, r.name]));
  return rows.map((r) => {
    const t = payload.territories.find((x) => x.id === r.territoryId);
    return t ? { ...r, name: t.name, color: t.color, region: t.region, area: t.area ?? '', repId: t.repId, repName: t.repId ? repName.get(t.repId) ?? null : null } : r;
  });
}

async function step(next: { history: CommandHistory; payload: ScenarioPayload }, cmd: ScenarioCommand): Promise<void> {
  const t0 = performance.now();
  const { workerMs, moved, split } = await showDraft(cmd, next.payload);
  if (split !== undefined) useEditingStore.setState({ splitUnits: split?.detached ?? new Int32Array(0), splitWarning: split?.text ?? null });
  useEditingStore.setState({
    history: next.history,
    dirty: true,
    baseKey: baseKeyOfCurrent(),
    timing: { workerMs: Math.round(workerMs * 100) / 100, totalMs: Math.round((performance.now() - t0) * 100) / 100, moved },
  });
}

/** Applies a command to the draft and records it for undo. Returns false (with a message) when it cannot run. */
export function runEdit(cmd: ScenarioCommand, label: string): Promise<boolean> {
  return serial(async () => {
    const cur = useScenarioStore.getState().current;
    if (!cur) return false;
    const readOnly = readOnlyReason(useDatasetStore.getState().workspace);
    if (readOnly) {
      useEditingStore.setState({ message: `${label}: not done. ${readOnly}` });
      return false;
    }
    try {
      const next = execute(useEditingStore.getState().history, cur.payload, cmd, label);
      await step(next, cmd);
      useEditingStore.setState({ message: label });
      return true;
    } catch (e) {
      useEditingStore.setState({ message: `${label} failed: ${messageOf(e)}` });
      return false;
    }
  });
}

/** Undoes or redoes the newest edit of the draft (KPIs update incrementally through the inverse command). */
export function undoRedoEdit(kind: 'undo' | 'redo'): Promise<boolean> {
  return serial(async () => {
    const cur = useScenarioStore.getState().current;
    const h = useEditingStore.getState().history;
    const entry = kind === 'undo' ? h.past.at(-1) : h.future.at(-1);
    if (!cur || !entry) return false;
    const next = kind === 'undo' ? undo(h, cur.payload) : redo(h, cur.payload);
    if (!next) return false;
    await step(next, kind === 'undo' ? entry.inverse : entry.forward);
    useEditingStore.setState({ message: `${kind === 'undo' ? 'Undone' : 'Redone'}: ${entry.label}`, dirty: next.history.past.length > 0 });
    return true;
  });
}
