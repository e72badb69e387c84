import type { CsvExportParams, ColDef } from 'ag-grid-community';
import { csvCell } from '../../../shared/domain/export/csv';
import { exportCell } from './grids-actions';

/** Entity grids: every column sorts, filters and resizes. */
export const entityColDef: ColDef = { sortable: true, filter: true, resizable: true, suppressMovable: true };

/** Several rows selectable with checkboxes (bulk actions); header checkbox selects the filtered rows. */
export const multiRowSelection = { mode: 'multiRow', checkboxes: true, headerCheckbox: true, selectAll: 'filtered', enableClickSelection: true } as const;

/** CSV export params: csvCell neutralises formula-leading cells and quotes, so AG Grid must not quote again. */
export function csvParams(fileName: string): CsvExportParams {
  return { fileName, suppressQuotes: true, processCellCallback: exportCell, processHeaderCallback: (p) => csvCell(p.column.getColDef().headerName ?? p.column.getColId()) };
}
