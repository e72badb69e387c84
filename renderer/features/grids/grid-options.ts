import type { ColDef } from 'ag-grid-community';

/** Entity grids: every column sorts, filters and resizes. */
export const entityColDef: ColDef = { sortable: true, filter: true, resizable: true, suppressMovable: true };

/** Several rows selectable with checkboxes (bulk actions); header checkbox selects the filtered rows. */
export const multiRowSelection = { mode: 'multiRow', checkboxes: true, headerCheckbox: true, selectAll: 'filtered', enableClickSelection: true } as const;
