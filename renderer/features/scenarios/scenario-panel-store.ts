import { create } from 'zustand';
import type { VersionMeta } from '../../../shared/contracts/app-api';

/** Which main view the shell shows. */
export type MainView = 'map' | 'compare' | 'rules' | 'dashboard';

/** Scenario panel state: the main view, the open scenario's version history and (undo/redo live in the editing draft). */
export type ScenarioPanelState = {
  view: MainView;
  panelOpen: boolean;
  history: VersionMeta[];
  busy: boolean;
  message: string | null;
};

export const initialScenarioPanelState: ScenarioPanelState = { view: 'map', panelOpen: false, history: [], busy: false, message: null };

/** Store of the Scenarios panel and of which main view is shown (not the open scenario: that is state/scenario-store); written only by scenarios-actions.ts. */
export const useScenarioPanelStore = create<ScenarioPanelState>()(() => initialScenarioPanelState);
