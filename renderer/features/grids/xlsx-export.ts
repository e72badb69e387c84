import type { Column, GridApi, IRowNode } from 'ag-grid-community';
import type { ExportTable, NumberFormat, TableCell } from '../../../shared/contracts/app-api';

/**
 * The filtered, sorted rows of a grid as a typed table (what the CSV export writes, but numbers stay
 * numbers): numeric values raw, in the column's number format; other values as the grid shows them.
 */
export function gridTable<T>(api: GridApi<T>, name: string, formats: Record<string, NumberFormat> = {}): ExportTable {
  const cols = api.getAllDisplayedColumns().filter((c) => !c.getColId().startsWith('ag-Grid-'));
  const rows: TableCell[][] = [];
  api.forEachNodeAfterFilterAndSort((node) => {
    if (node.data !== undefined) rows.push(cols.map((c) => cellOf(api, node, c)));
  });
  return { name, columns: cols.map((c) => ({ header: c.getColDef().headerName ?? c.getColId(), format: formats[c.getColId()] })), rows };
}

function cellOf<T>(api: GridApi<T>, node: IRowNode<T>, col: Column): TableCell {
  const raw: unknown = api.getCellValue({ rowNode: node, colKey: col });
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
  if (typeof raw === 'boolean') return raw ? 'yes' : 'no';
  const shown: unknown = col.getColDef().valueFormatter ? api.getCellValue({ rowNode: node, colKey: col, useFormatter: true }) : raw;
  return shown === null || shown === undefined ? '' : String(shown as string);
}
