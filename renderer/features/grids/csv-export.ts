import type { CsvExportParams, ProcessCellForExportParams } from 'ag-grid-community';
import { csvCell } from '../../../shared/domain/export/csv';

/** CSV export cell: the shown (formatted) value, formula-leading text neutralised and quoted by csvCell. */
export function exportCell(p: ProcessCellForExportParams): string {
  const col = p.column.getColDef();
  const shown: unknown = typeof col.valueFormatter === 'function' ? p.formatValue(p.value) : p.value;
  return csvCell(typeof shown === 'number' || typeof shown === 'string' ? shown : shown === null || shown === undefined ? '' : String(shown as string | boolean));
}

/** exportDataAsCsv params: csvCell already quotes, so AG Grid must not quote again (suppressQuotes). */
export function csvParams(fileName: string): CsvExportParams {
  return {
    fileName,
    suppressQuotes: true,
    processCellCallback: exportCell,
    processHeaderCallback: (p) => csvCell(p.column.getColDef().headerName ?? p.column.getColId()),
  };
}
