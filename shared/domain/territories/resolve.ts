import type { AccountId, TerritoryId, UnitId } from '../ids';
import type { ScenarioPayload } from './types';

/** Scenario alignments as dense index arrays over a dataset's units and accounts. */
export type IndexedAlignment = {
  territoryIds: TerritoryId[];
  /** Per alignment: unit index -> territory index (-1 unassigned). */
  unitTerritory: Int32Array[];
  /** Per account: which alignment it follows. */
  accountAlignment: Uint8Array;
  /** Per account: override territory index, -1 when none. */
  accountOverride: Int32Array;
};

/** Index of the alignment that an account of the given segment follows (the default one when unclaimed). */
export function alignmentIndexForSegment(payload: ScenarioPayload, segment: string): number {
  const claimed = payload.alignments.findIndex((a) => a.segments.includes(segment));
  if (claimed >= 0) return claimed;
  const fallback = payload.alignments.findIndex((a) => a.segments.length === 0);
  return fallback >= 0 ? fallback : 0;
}

/** Turns a scenario payload into index arrays over the given unit ids and accounts. */
export function indexAlignment(
  payload: ScenarioPayload,
  unitIds: readonly UnitId[],
  accounts: { ids: readonly AccountId[]; segment: readonly string[] },
): IndexedAlignment {
  const territoryIds = payload.territories.map((t) => t.id);
  const tIndex = new Map<string, number>(territoryIds.map((id, i) => [id, i]));
  const unitTerritory = payload.alignments.map((alignment) => {
    const arr = new Int32Array(unitIds.length).fill(-1);
    for (let i = 0; i < unitIds.length; i++) {
      const t = alignment.assignment[unitIds[i]!];
      if (t !== undefined) arr[i] = tIndex.get(t) ?? -1;
    }
    return arr;
  });
  const segCache = new Map<string, number>();
  const accountAlignment = new Uint8Array(accounts.ids.length);
  const accountOverride = new Int32Array(accounts.ids.length).fill(-1);
  for (let i = 0; i < accounts.ids.length; i++) {
    const seg = accounts.segment[i] ?? '';
    let ai = segCache.get(seg);
    if (ai === undefined) {
      ai = alignmentIndexForSegment(payload, seg);
      segCache.set(seg, ai);
    }
    accountAlignment[i] = ai;
    const o = payload.accountOverrides[accounts.ids[i]!];
    if (o !== undefined) accountOverride[i] = tIndex.get(o) ?? -1;
  }
  return { territoryIds, unitTerritory, accountAlignment, accountOverride };
}

/** Territory index of every account: its override, else its alignment's territory for its unit, else -1. */
export function resolveAccountTerritories(
  accountUnit: Int32Array,
  accountAlignment: Uint8Array,
  accountOverride: Int32Array,
  unitTerritory: readonly Int32Array[],
): Int32Array {
  const out = new Int32Array(accountUnit.length);
  for (let i = 0; i < accountUnit.length; i++) {
    const o = accountOverride[i]!;
    if (o >= 0) {
      out[i] = o;
      continue;
    }
    const u = accountUnit[i]!;
    out[i] = u < 0 ? -1 : unitTerritory[accountAlignment[i]!]![u]!;
  }
  return out;
}

/**
 * Alignment index of every territory: the first alignment that assigns a unit to it
 * (territories used only by account overrides belong to the default alignment, 0).
 */
export function territoryGroups(territoryCount: number, unitTerritory: readonly Int32Array[]): Int32Array {
  const groups = new Int32Array(territoryCount).fill(-1);
  unitTerritory.forEach((arr, a) => {
    for (let i = 0; i < arr.length; i++) {
      const t = arr[i]!;
      if (t >= 0 && groups[t] === -1) groups[t] = a;
    }
  });
  for (let t = 0; t < territoryCount; t++) if (groups[t] === -1) groups[t] = 0;
  return groups;
}
