import { create } from 'zustand';

/** Which grid the right-hand pane shows. */
export type GridKind = 'territories' | 'accounts' | 'units' | 'reps';

/** Grid filters shared by the territory grid and the region roll-up, plus the entity grids' state. */
export type GridsState = {
  region: string | null;
  /** Area (middle level) within the filtered region, null for the whole region. */
  area: string | null;
  grid: GridKind;
  /** Quick search text of the entity grid shown. */
  search: string;
  /** account index -> territory index under the edited draft, fetched from the KPI worker after each edit. */
  accountTerritory: Int32Array | null;
  /** Account indices selected in the accounts grid (bulk actions). */
  selectedAccounts: number[];
};

/** Grids store; written only by grids-actions.ts. */
export const useGridsStore = create<GridsState>()(() => ({ region: null, area: null, grid: 'territories', search: '', accountTerritory: null, selectedAccounts: [] }));
