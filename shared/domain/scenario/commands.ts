import type { AccountId, TerritoryId, UnitId } from '../ids';
import { heavyUnits, mergedTerritory, splitAssignment } from '../geo/mixed-geography';
import type { ScenarioPayload, Territory } from '../territories/types';

/** Territory fields an edit may change. */
export type TerritoryPatch = Partial<Pick<Territory, 'name' | 'color' | 'repId' | 'region' | 'area' | 'locked'>>;

/**
 * One edit of a scenario payload (ARCHITECTURE §5). Commands carry the new value per item (null =
 * unassign / remove), so the inverse of a command is a command of the same kind with the old values.
 */
export type ScenarioCommand =
  | { kind: 'assign'; alignment: string; changes: Record<string, TerritoryId | null> }
  | { kind: 'override'; changes: Record<string, TerritoryId | null> }
  | { kind: 'lock'; changes: Record<string, boolean> }
  | { kind: 'territory'; territoryId: TerritoryId; patch: TerritoryPatch }
  | { kind: 'replace'; payload: ScenarioPayload }
  /**
   * Replaces a coarse unit by its finer units. Children take the unit's territory in every alignment and its lock,
   * unless `restore` gives their territories per alignment key and `lockedChildren` their locks (the undo of a merge).
   */
  | { kind: 'split'; unit: UnitId; children: UnitId[]; restore?: Record<string, Record<string, TerritoryId>>; lockedChildren?: UnitId[] }
  /** Merges a split unit's children back: the unit takes `territories[alignment key]` (null: unassigned) and `locked`. */
  | { kind: 'merge'; unit: UnitId; children: UnitId[]; territories: Record<string, TerritoryId | null>; locked: boolean }
  /** Several commands as one edit (one undo step), applied in order; "Split heavy units" is one. */
  | { kind: 'batch'; commands: ScenarioCommand[] };

/** A command with its label (shown as "Undo <label>") and the inverse that undoes it. */
export type HistoryEntry = { label: string; forward: ScenarioCommand; inverse: ScenarioCommand };

/** Undo and redo stacks; newest last. */
export type CommandHistory = { past: HistoryEntry[]; future: HistoryEntry[]; limit: number };

/** An empty history keeping at most limit undo steps. */
export function emptyHistory(limit = 200): CommandHistory {
  return { past: [], future: [], limit };
}

function requireTerritory(p: ScenarioPayload, id: TerritoryId | null): void {
  if (id !== null && !p.territories.some((t) => t.id === id)) throw new Error(`Unknown territory id: ${id}`);
}

/** Applies a command to a payload without mutating it; returns the new payload and the inverse command. */
export function applyCommand(p: ScenarioPayload, cmd: ScenarioCommand): { payload: ScenarioPayload; inverse: ScenarioCommand } {
  switch (cmd.kind) {
    case 'assign': {
      const ai = p.alignments.findIndex((a) => a.key === cmd.alignment);
      if (ai < 0) throw new Error(`Unknown alignment key: ${cmd.alignment}`);
      const assignment = { ...p.alignments[ai]!.assignment };
      const old: Record<string, TerritoryId | null> = {};
      for (const [unit, to] of Object.entries(cmd.changes)) {
        requireTerritory(p, to);
        old[unit] = assignment[unit as UnitId] ?? null;
        if (to === null) delete assignment[unit as UnitId];
        else assignment[unit as UnitId] = to;
      }
      const alignments = p.alignments.map((a, i) => (i === ai ? { ...a, assignment } : a));
      return { payload: { ...p, alignments }, inverse: { kind: 'assign', alignment: cmd.alignment, changes: old } };
    }
    case 'override': {
      const accountOverrides = { ...p.accountOverrides };
      const old: Record<string, TerritoryId | null> = {};
      for (const [acc, to] of Object.entries(cmd.changes)) {
        requireTerritory(p, to);
        old[acc] = accountOverrides[acc as AccountId] ?? null;
        if (to === null) delete accountOverrides[acc as AccountId];
        else accountOverrides[acc as AccountId] = to;
      }
      return { payload: { ...p, accountOverrides }, inverse: { kind: 'override', changes: old } };
    }
    case 'lock': {
      const locked = new Set<string>(p.lockedUnits);
      const old: Record<string, boolean> = {};
      for (const [unit, on] of Object.entries(cmd.changes)) {
        old[unit] = locked.has(unit);
        if (on) locked.add(unit);
        else locked.delete(unit);
      }
      return { payload: { ...p, lockedUnits: [...locked] as UnitId[] }, inverse: { kind: 'lock', changes: old } };
    }
    case 'territory': {
      const i = p.territories.findIndex((t) => t.id === cmd.territoryId);
      if (i < 0) throw new Error(`Unknown territory id: ${cmd.territoryId}`);
      const before = p.territories[i]!;
      const old: TerritoryPatch = {};
      for (const key of Object.keys(cmd.patch) as (keyof TerritoryPatch)[]) (old as Record<string, unknown>)[key] = before[key];
      const territories = p.territories.map((t, j) => (j === i ? { ...t, ...cmd.patch } : t));
      return { payload: { ...p, territories }, inverse: { kind: 'territory', territoryId: cmd.territoryId, patch: old } };
    }
    case 'replace':
      return { payload: cmd.payload, inverse: { kind: 'replace', payload: p } };
    case 'split':
      return applySplit(p, cmd);
    case 'merge':
      return applyMerge(p, cmd);
    case 'batch': {
      let payload = p;
      const inverses: ScenarioCommand[] = [];
      for (const c of cmd.commands) {
        const r = applyCommand(payload, c);
        payload = r.payload;
        inverses.unshift(r.inverse);
      }
      return { payload, inverse: { kind: 'batch', commands: inverses } };
    }
  }
}

const sortedIds = (ids: Iterable<string>): UnitId[] => [...new Set(ids)].sort() as UnitId[];

function applySplit(p: ScenarioPayload, cmd: Extract<ScenarioCommand, { kind: 'split' }>): { payload: ScenarioPayload; inverse: ScenarioCommand } {
  if (p.splitUnits?.includes(cmd.unit)) throw new Error(`Unit ${cmd.unit} is already split`);
  if (cmd.children.length === 0) throw new Error(`Cannot split unit ${cmd.unit}: no finer units lie in it`);
  const territories: Record<string, TerritoryId | null> = {};
  const alignments = p.alignments.map((a) => {
    territories[a.key] = a.assignment[cmd.unit] ?? null;
    const restore = cmd.restore?.[a.key];
    if (!restore) return { ...a, assignment: splitAssignment(a.assignment, cmd.unit, cmd.children) };
    const assignment: Record<string, TerritoryId> = { ...a.assignment };
    delete assignment[cmd.unit];
    for (const c of cmd.children) {
      const t = restore[c];
      if (t !== undefined) requireTerritory(p, t);
      if (t === undefined) delete assignment[c];
      else assignment[c] = t;
    }
    return { ...a, assignment };
  });
  const locked = p.lockedUnits.includes(cmd.unit);
  const lockedChildren = cmd.lockedChildren ?? (locked ? cmd.children : []);
  const lockedUnits = sortedIds([...p.lockedUnits.filter((u) => u !== cmd.unit), ...lockedChildren]);
  const payload: ScenarioPayload = { ...p, alignments, lockedUnits, splitUnits: sortedIds([...(p.splitUnits ?? []), cmd.unit]) };
  return { payload, inverse: { kind: 'merge', unit: cmd.unit, children: cmd.children, territories, locked } };
}

function applyMerge(p: ScenarioPayload, cmd: Extract<ScenarioCommand, { kind: 'merge' }>): { payload: ScenarioPayload; inverse: ScenarioCommand } {
  if (!p.splitUnits?.includes(cmd.unit)) throw new Error(`Unit ${cmd.unit} is not split`);
  const restore: Record<string, Record<string, TerritoryId>> = {};
  const alignments = p.alignments.map((a) => {
    const assignment: Record<string, TerritoryId> = { ...a.assignment };
    const old: Record<string, TerritoryId> = {};
    for (const c of cmd.children) {
      if (assignment[c] !== undefined) old[c] = assignment[c]!;
      delete assignment[c];
    }
    restore[a.key] = old;
    const t = cmd.territories[a.key] ?? null;
    requireTerritory(p, t);
    if (t !== null) assignment[cmd.unit] = t;
    return { ...a, assignment };
  });
  const children = new Set<string>(cmd.children);
  const lockedChildren = p.lockedUnits.filter((u) => children.has(u));
  const lockedUnits = sortedIds([...p.lockedUnits.filter((u) => !children.has(u)), ...(cmd.locked ? [cmd.unit] : [])]);
  const splitUnits = (p.splitUnits ?? []).filter((u) => u !== cmd.unit);
  const payload: ScenarioPayload = { ...p, alignments, lockedUnits, splitUnits };
  if (splitUnits.length === 0) delete payload.splitUnits; // an unsplit scenario reads as it did before any split
  return { payload, inverse: { kind: 'split', unit: cmd.unit, children: cmd.children, restore, lockedChildren } };
}

/**
 * The command that merges a split unit back: per alignment it takes the territory holding most of the children's
 * weight (count when no weight is given), and it stays locked only if every child is locked.
 */
export function planMerge(p: ScenarioPayload, unit: UnitId, children: readonly UnitId[], weight?: (child: UnitId) => number): Extract<ScenarioCommand, { kind: 'merge' }> {
  if (!p.splitUnits?.includes(unit)) throw new Error(`Unit ${unit} is not split`);
  const territories: Record<string, TerritoryId | null> = {};
  for (const a of p.alignments) territories[a.key] = mergedTerritory(a.assignment, children, weight);
  const locked = children.length > 0 && children.every((c) => p.lockedUnits.includes(c));
  return { kind: 'merge', unit, children: [...children], territories, locked };
}

/**
 * The one edit that splits every unsplit unit holding more than `share` of a territory's target of a measure
 * (target = the measure's total / k, by default the payload's territory count), heaviest first; null when none does.
 * Units without finer units are skipped.
 */
export function planSplitHeavy(
  p: ScenarioPayload,
  units: { ids: readonly UnitId[]; values: ArrayLike<number> },
  share: number,
  children: (unit: UnitId) => readonly UnitId[],
  k = p.territories.length,
): { command: Extract<ScenarioCommand, { kind: 'batch' }>; units: UnitId[] } | null {
  const split = new Set<string>(p.splitUnits ?? []);
  const heavy = heavyUnits(units.values, k, share, (i) => !split.has(units.ids[i]!) && children(units.ids[i]!).length > 0);
  if (heavy.length === 0) return null;
  const ids = heavy.map((i) => units.ids[i]!);
  return { command: { kind: 'batch', commands: ids.map((unit) => ({ kind: 'split', unit, children: [...children(unit)] })) }, units: ids };
}

/** Runs a command and records it; clears the redo stack (a new edit forks the history). */
export function execute(h: CommandHistory, p: ScenarioPayload, cmd: ScenarioCommand, label: string): { history: CommandHistory; payload: ScenarioPayload } {
  const { payload, inverse } = applyCommand(p, cmd);
  const past = [...h.past, { label, forward: cmd, inverse }].slice(-h.limit);
  return { history: { ...h, past, future: [] }, payload };
}

/** Undoes the newest command; null when there is nothing to undo. */
export function undo(h: CommandHistory, p: ScenarioPayload): { history: CommandHistory; payload: ScenarioPayload } | null {
  const entry = h.past.at(-1);
  if (!entry) return null;
  const { payload } = applyCommand(p, entry.inverse);
  return { history: { ...h, past: h.past.slice(0, -1), future: [...h.future, entry] }, payload };
}

/** Redoes the newest undone command; null when there is nothing to redo. */
export function redo(h: CommandHistory, p: ScenarioPayload): { history: CommandHistory; payload: ScenarioPayload } | null {
  const entry = h.future.at(-1);
  if (!entry) return null;
  const { payload, inverse } = applyCommand(p, entry.forward);
  return { history: { ...h, past: [...h.past, { ...entry, inverse }], future: h.future.slice(0, -1) }, payload };
}
