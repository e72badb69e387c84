import type { TerritoryId } from '../ids';
import type { ScenarioCommand } from '../scenario/commands';
import type { ScenarioPayload } from '../territories/types';

/** A reassignment ready to run, with what was left out and why. */
export type ReassignPlan = { command: ScenarioCommand | null; moved: number; skippedLocked: number; reason: string | null };

/** Lookups from ids to the dense indices the KPI worker and the map use. */
export type EditIndex = {
  unitIds: readonly string[];
  unitIndex: ReadonlyMap<string, number>;
  /** Account id -> index for accounts whose index is known (those picked on the map or in a grid). */
  accountIndex: ReadonlyMap<string, number>;
};

/** How a command changes the index arrays: the KPI worker applies 'units' and 'overrides' incrementally. */
export type IndexDelta =
  | { kind: 'units'; alignment: number; units: Int32Array; territories: Int32Array }
  | { kind: 'overrides'; accounts: Int32Array; territories: Int32Array }
  | { kind: 'meta' }
  | { kind: 'full' };

/**
 * Plans moving units (indices) of one alignment to target (null unassigns). Locked units, units of a
 * locked territory and units already in the target stay put; a locked target refuses the whole move.
 */
export function planReassign(
  payload: ScenarioPayload,
  alignmentKey: string,
  index: Pick<EditIndex, 'unitIds'>,
  units: ArrayLike<number>,
  unitTerritory: Int32Array,
  target: TerritoryId | null,
): ReassignPlan {
  const targetIndex = target === null ? -1 : payload.territories.findIndex((t) => t.id === target);
  if (target !== null && targetIndex < 0) throw new Error(`Unknown territory id: ${target}`);
  if (targetIndex >= 0 && payload.territories[targetIndex]!.locked) {
    return { command: null, moved: 0, skippedLocked: units.length, reason: `${payload.territories[targetIndex]!.name} is locked: unlock it to move units into it.` };
  }
  const lockedUnits = new Set<string>(payload.lockedUnits);
  const changes: Record<string, TerritoryId | null> = {};
  let moved = 0;
  let skippedLocked = 0;
  for (let j = 0; j < units.length; j++) {
    const u = units[j]!;
    const id = index.unitIds[u];
    if (id === undefined) throw new Error(`Unknown unit index: ${u}`);
    const from = unitTerritory[u] ?? -1;
    if (from === targetIndex) continue;
    if (lockedUnits.has(id) || (from >= 0 && payload.territories[from]?.locked)) {
      skippedLocked++;
      continue;
    }
    changes[id] = target;
    moved++;
  }
  const reason = moved === 0 ? (skippedLocked > 0 ? 'Every selected unit is locked or in a locked territory.' : 'The selected units are already there.') : null;
  return { command: moved > 0 ? { kind: 'assign', alignment: alignmentKey, changes } : null, moved, skippedLocked, reason };
}

/** Translates a command (run against payload, the state after it) into index changes. */
export function commandDelta(cmd: ScenarioCommand, payload: ScenarioPayload, index: EditIndex): IndexDelta {
  const tIndex = (id: TerritoryId | null): number => (id === null ? -1 : payload.territories.findIndex((t) => t.id === id));
  switch (cmd.kind) {
    case 'assign': {
      const alignment = payload.alignments.findIndex((a) => a.key === cmd.alignment);
      const entries = Object.entries(cmd.changes);
      const units = new Int32Array(entries.length);
      const territories = new Int32Array(entries.length);
      const cache = new Map<string | null, number>();
      for (let j = 0; j < entries.length; j++) {
        const [id, to] = entries[j]!;
        const u = index.unitIndex.get(id);
        if (u === undefined || alignment < 0) return { kind: 'full' };
        let t = cache.get(to);
        if (t === undefined) cache.set(to, (t = tIndex(to)));
        units[j] = u;
        territories[j] = t;
      }
      return { kind: 'units', alignment, units, territories };
    }
    case 'override': {
      const entries = Object.entries(cmd.changes);
      const accounts = new Int32Array(entries.length);
      const territories = new Int32Array(entries.length);
      for (let j = 0; j < entries.length; j++) {
        const [id, to] = entries[j]!;
        const i = index.accountIndex.get(id);
        if (i === undefined) return { kind: 'full' };
        accounts[j] = i;
        territories[j] = tIndex(to);
      }
      return { kind: 'overrides', accounts, territories };
    }
    case 'lock':
      return { kind: 'meta' };
    case 'territory':
      return { kind: 'meta' };
    case 'replace':
    case 'split':
    case 'merge':
    case 'batch':
      return { kind: 'full' };
  }
}

/** Lock or unlock units (by id); only the ones whose state changes are in the command. */
export function planLock(payload: ScenarioPayload, unitIds: readonly string[], on: boolean): Extract<ScenarioCommand, { kind: 'lock' }> | null {
  const locked = new Set<string>(payload.lockedUnits);
  const changes: Record<string, boolean> = {};
  for (const id of unitIds) if (locked.has(id) !== on) changes[id] = on;
  return Object.keys(changes).length ? { kind: 'lock', changes } : null;
}
