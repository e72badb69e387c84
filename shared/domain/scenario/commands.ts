import type { AccountId, TerritoryId, UnitId } from '../ids';
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
  | { kind: 'replace'; payload: ScenarioPayload };

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
  }
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
