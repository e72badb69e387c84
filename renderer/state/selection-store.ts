import { create } from 'zustand';

/** Which territory is selected and where the selection came from (the grid scrolls only for map clicks). */
export type SelectionState = {
  territoryId: string | null;
  source: 'grid' | 'map' | null;
};

/** Selection store; written only by selection-actions.ts. */
export const useSelectionStore = create<SelectionState>()(() => ({ territoryId: null, source: null }));
