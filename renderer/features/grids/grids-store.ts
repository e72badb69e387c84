import { create } from 'zustand';

/** Grid filters shared by the territory grid and the region roll-up. */
export type GridsState = { region: string | null };

/** Grids store; written only by grids-actions.ts. */
export const useGridsStore = create<GridsState>()(() => ({ region: null }));
