import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import type { NumberFormat } from '../../../shared/contracts/app-api';
import { formatMeasure, measureNumberFormat, TERRITORY_MEASURES, type TerritoryMeasureDef } from '../../../shared/domain/kpi/registry';
import { deviationLevel, formatDeviation, type KpiGridRow } from '../../state/kpi-rows';
import { patchTerritory } from '../editing/editing-actions';
import { useDatasetStore } from '../../state/dataset-store';

/**
 * Region and area (the optional middle level) edited in the grid: an undoable draft command like a rename; the
 * grid shows the new value once the draft has it (the setter itself changes nothing).
 */
const place = (field: 'region' | 'area', headerName: string, width: number): ColDef<KpiGridRow> => ({
  field,
  headerName,
  width,
  editable: () => !(useDatasetStore.getState().workspace?.readOnly ?? false),
  headerTooltip: `Double-click to set the ${headerName.toLowerCase()} of a territory (hierarchy: region > area > territory)`,
  valueSetter: (p) => {
    const value = String(p.newValue ?? '').trim().slice(0, 200);
    if (!p.data || value === (p.data[field] ?? '')) return false;
    void patchTerritory(p.data.territoryId, { [field]: value }, `Set ${headerName.toLowerCase()} of ${p.data.name} to ${value || '(none)'}`);
    return false;
  },
});

/** Name cell: colour swatch + name, with a test id per territory. */
function NameCell({ data }: ICellRendererParams<KpiGridRow>) {
  if (!data) return null;
  return (
    <span className="name-cell" data-testid={`territory-name-${data.territoryId}`}>
      <span className="swatch" style={{ background: data.color }} />
      {data.name}
    </span>
  );
}

const num = (m: TerritoryMeasureDef): ColDef<KpiGridRow> => ({
  field: m.key,
  headerName: m.label,
  width: Math.max(80, 14 + 8 * m.label.length),
  type: 'numericColumn',
  // Compact figures ("2.6 B") in the grid's narrow columns; the unit is in the header.
  valueFormatter: (p) => formatMeasure(p.value as number, m.display, true),
});

const dev = ({ key, label, tooltip }: NonNullable<TerritoryMeasureDef['deviation']>): ColDef<KpiGridRow> => ({
  field: key,
  headerName: label,
  headerTooltip: tooltip,
  width: 92,
  type: 'numericColumn',
  valueFormatter: (p) => formatDeviation(p.value as number),
  cellClass: (p) => `dev dev--${deviationLevel((p.value as number) ?? 0)}`,
  comparator: (a: number, b: number) => a - b,
});

/** Columns of the territory grid: the balance numbers first, who and where after them. */
export const TERRITORY_COLUMNS: ColDef<KpiGridRow>[] = [
  { field: 'name', headerName: 'Territory', pinned: 'left', width: 158, cellRenderer: NameCell },
  ...TERRITORY_MEASURES.flatMap((m) => (m.deviation ? [num(m), dev(m.deviation)] : [num(m)])),
  { field: 'repName', headerName: 'Rep', width: 130, valueFormatter: (p) => (p.value as string | null) ?? (p.data?.repId ? `Unknown rep ${p.data.repId}` : 'Vacant') },
  place('region', 'Region', 96),
  place('area', 'Area', 90),
];

/** Number formats of the territory grid's columns in its .xlsx export (deviations are fractions). */
export const TERRITORY_XLSX_FORMATS: Record<string, NumberFormat> = Object.fromEntries(
  TERRITORY_MEASURES.flatMap((m) => [[m.key, measureNumberFormat(m.display)], ...(m.deviation ? [[m.deviation.key, 'percent']] : [])]),
);
