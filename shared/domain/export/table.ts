import type { TerritoryKpi } from '../../contracts/api/types';
import { measureNumberFormat, TERRITORY_MEASURES } from '../kpi/registry';

/** How a number is shown in a workbook export (Excel number formats in XLSX_NUMBER_FORMATS). */
export type NumberFormat = 'integer' | 'decimal' | 'percent' | 'money' | 'ratio' | 'distance';

/** Excel number format codes of each NumberFormat. */
export const XLSX_NUMBER_FORMATS: Record<NumberFormat, string> = {
  integer: '#,##0',
  decimal: '#,##0.00',
  percent: '0.0%',
  money: '"$"#,##0',
  ratio: '0.000',
  distance: '#,##0.0" km"',
};

/** A cell of an exported table: text, a number (shown in its column's format), a number with its own format, or empty. */
export type TableCell = string | number | null | { value: number; format: NumberFormat };

/** A column: its header and how its numbers are shown. */
export type TableColumn = { header: string; format?: NumberFormat };

/** A table to export as one worksheet (grids, KPI tables): typed cells, not formatted text. */
export type ExportTable = { name: string; columns: TableColumn[]; rows: TableCell[][] };

/** Most cells one table export carries (a workbook sheet holds 1,048,576 rows; bigger grids export as CSV). */
export const MAX_EXPORT_CELLS = 2_000_000;

/** Territory KPIs as a table: one row per territory (the kpis-csv and kpis-xlsx exports share it); measures from the KPI registry. */
export function territoryKpiTable(rows: readonly TerritoryKpi[]): ExportTable {
  const pct = (f: number) => Math.round(f * 10000) / 100;
  const columns: TableColumn[] = [{ header: 'territory_id' }, { header: 'territory_name' }, { header: 'region' }, { header: 'rep_id' }, { header: 'rep_name' }];
  for (const m of TERRITORY_MEASURES) columns.push({ header: m.column, format: measureNumberFormat(m.display) });
  for (const m of TERRITORY_MEASURES) if (m.deviation) columns.push({ header: m.deviation.column, format: 'decimal' });
  return {
    name: 'Territory KPIs',
    columns,
    rows: rows.map((r) => [
      r.territoryId, r.name, r.region, r.repId, r.repName,
      ...TERRITORY_MEASURES.map((m) => r[m.key]),
      ...TERRITORY_MEASURES.flatMap((m) => (m.deviation ? [pct(r[m.deviation.key])] : [])),
    ]),
  };
}

/** The value of a cell as CSV writes it (numbers plain, formats dropped). */
export function plainCell(c: TableCell): string | number | null {
  return c !== null && typeof c === 'object' ? c.value : c;
}
