import { create } from 'zustand';
import type { VersionMeta } from '../../../shared/contracts/app-api';
import { emptyHistory, type CommandHistory } from '../../../shared/domain/scenario/commands';

/** Which main view the shell shows. */
export type MainView = 'map' | 'compare' | 'rules' | 'dashboard';

/** Scenario panel state: the main view, the open scenario's version history and its undo/redo stacks. */
export type ScenariosState = {
  view: MainView;
  panelOpen: boolean;
  history: VersionMeta[];
  /** Undo/redo of edits to the open scenario (each edit is also saved as a version). */
  edits: CommandHistory;
  busy: boolean;
  message: string | null;
};

export const initialScenariosState: ScenariosState = { view: 'map', panelOpen: false, history: [], edits: emptyHistory(), busy: false, message: null };

/** Store of the scenarios feature; written only by scenarios-actions.ts. */
export const useScenariosStore = create<ScenariosState>()(() => initialScenariosState);
