import { create } from 'zustand';
import { emptyHistory, type CommandHistory } from '../../../shared/domain/scenario/commands';

/** What a drag on the map does: pan (and click to select), draw a lasso or rectangle, or paint units into the target. */
export type EditMode = 'select' | 'lasso' | 'rect' | 'paint';

/** Timings of the last edit: worker-side KPI update and the whole round trip until the store changed. */
export type EditTiming = { workerMs: number; totalMs: number; moved: number };

/** Map and grid editing: selection, tool, the local undo/redo stack and save state. */
export type EditingState = {
  mode: EditMode;
  /** Selected unit indices (sorted, unique). */
  selectedUnits: Int32Array;
  /** Territory id that reassign and paint move units into. */
  target: string | null;
  /** Edits since the version was opened or saved; the draft payload lives in the scenario store. */
  history: CommandHistory;
  /** "<scenarioId>@<version>" the edits are based on. */
  baseKey: string | null;
  dirty: boolean;
  busy: boolean;
  message: string | null;
  /** Set when saving found a newer version: the user may rebase the edits onto it or discard them. */
  staleHead: number | null;
  timing: EditTiming | null;
  /** The lasso or rectangle being drawn, flat screen pixels of the map pane. */
  draftPath: number[] | null;
  /** Account picked on the map (for reassigning a single named account). */
  account: number | null;
  /** Units of territory pieces the last edit cut off (outlined on the map), sorted. */
  splitUnits: Int32Array;
  /** What the last edit did to contiguity, in words (null: nothing split). */
  splitWarning: string | null;
  /** Mainland pieces per territory id in the saved version the edits are based on (recorded before the first edit). */
  basePieces: ReadonlyMap<string, number> | null;
};

export const initialEditingState: EditingState = {
  mode: 'select',
  selectedUnits: new Int32Array(0),
  target: null,
  history: emptyHistory(),
  baseKey: null,
  dirty: false,
  busy: false,
  message: null,
  staleHead: null,
  timing: null,
  draftPath: null,
  account: null,
  splitUnits: new Int32Array(0),
  splitWarning: null,
  basePieces: null,
};

/** Editing store; written only by the editing-*-actions.ts files. */
export const useEditingStore = create<EditingState>()(() => initialEditingState);
