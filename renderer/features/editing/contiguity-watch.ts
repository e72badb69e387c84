import { api } from '../../api/client';
import { contiguityGraph, describeSplits, editSplits, splitSinceBase, territoryPieceCounts, type ContiguityGraph } from '../../../shared/domain/editing/contiguity';
import type { ScenarioPayload } from '../../../shared/domain/territories/types';
import { useDatasetStore } from '../../state/dataset-store';
import type { UnitId } from '../../../shared/domain/ids';

// Watches contiguity while editing: each unit move checks the territories it touched
// (shared/domain/editing/contiguity.ts); Save compares every territory with the saved version.

let graph: { ids: readonly string[]; g: ContiguityGraph } | null = null;

/** The unit graph of the loaded dataset (its adjacency is fetched once per dataset). */
export async function watchGraph(): Promise<ContiguityGraph | null> {
  const ids = useDatasetStore.getState().units?.ids;
  if (!ids) return null;
  if (graph?.ids !== ids) {
    const edges = await api['dataset.edges']({ split: useDatasetStore.getState().split as UnitId[] });
    graph = { ids, g: contiguityGraph(ids.length, edges) };
  }
  return graph.g;
}

/** What one edit did to contiguity: a status sentence and the units of the detached pieces to outline. */
export type SplitFlag = { text: string; detached: Int32Array };

/** Territories the move split (null when none), from the assignments before and after it. */
export function flagEditSplits(g: ContiguityGraph, payload: ScenarioPayload, before: Int32Array, after: Int32Array, changed: ArrayLike<number>): SplitFlag | null {
  const splits = editSplits(g, before, after, payload.territories.length, changed);
  if (splits.length === 0) return null;
  const detached: number[] = [];
  for (const s of splits) s.pieceUnits.forEach((p, i) => { if (i !== s.main) detached.push(...p); });
  const text = describeSplits(splits.map((s) => ({ name: payload.territories[s.territory]?.name ?? `territory ${s.territory + 1}`, pieces: s.pieces })));
  return { text: `Not contiguous: ${text} (detached pieces outlined in orange).`, detached: Int32Array.from(detached).sort() };
}

/** Mainland pieces of every territory by id (the saved version's, recorded before its first edit). */
export function piecesById(g: ContiguityGraph, payload: ScenarioPayload, unitTerritory: Int32Array): Map<string, number> {
  const counts = territoryPieceCounts(g, unitTerritory, payload.territories.length);
  return new Map(payload.territories.map((t, i) => [t.id as string, counts[i]!]));
}

/** Territories the draft splits compared with the saved version, in words ("" when none). */
export function splitsSinceSaved(g: ContiguityGraph, base: ReadonlyMap<string, number>, payload: ScenarioPayload, unitTerritory: Int32Array): string {
  const ids = payload.territories.map((t) => t.id as string);
  const splits = splitSinceBase(base, ids, territoryPieceCounts(g, unitTerritory, ids.length));
  const name = new Map(payload.territories.map((t) => [t.id as string, t.name]));
  return describeSplits(splits.map((s) => ({ name: name.get(s.id) ?? s.id, pieces: s.pieces })));
}
