import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import type { NumberFormat } from '../../../shared/contracts/app-api';
import { formatCompact } from '../../../shared/domain/format/numbers';
import { deviationLevel, formatDeviation, formatInt, type KpiGridRow } from '../../state/kpi-rows';
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

const num = (field: keyof KpiGridRow, headerName: string, format: (v: number) => string, width = 96): ColDef<KpiGridRow> => ({
  field,
  headerName,
  width,
  type: 'numericColumn',
  valueFormatter: (p) => format(p.value as number),
});

const dev = (field: 'potentialDeviation' | 'workloadDeviation', headerName: string, headerTooltip: string): ColDef<KpiGridRow> => ({
  field,
  headerName,
  headerTooltip,
  width: 92,
  type: 'numericColumn',
  valueFormatter: (p) => formatDeviation(p.value as number),
  cellClass: (p) => `dev dev--${deviationLevel((p.value as number) ?? 0)}`,
  comparator: (a: number, b: number) => a - b,
});

/** Columns of the territory grid: the balance numbers first, who and where after them. */
export const TERRITORY_COLUMNS: ColDef<KpiGridRow>[] = [
  { field: 'name', headerName: 'Territory', pinned: 'left', width: 158, cellRenderer: NameCell },
  num('accounts', 'Accounts', formatInt, 80),
  num('potential', 'Potential', formatCompact, 84),
  dev('potentialDeviation', 'Δ Potential', 'Deviation of potential from the mean of its alignment (amber beyond ±5 %, red beyond ±10 %)'),
  num('revenue', 'Revenue', formatCompact, 84),
  num('workload', 'Workload h', formatInt, 90),
  dev('workloadDeviation', 'Δ Workload', 'Deviation of workload from the mean of its alignment (amber beyond ±5 %, red beyond ±10 %)'),
  num('units', 'Units', formatInt, 62),
  { field: 'repName', headerName: 'Rep', width: 130, valueFormatter: (p) => (p.value as string | null) ?? (p.data?.repId ? `Unknown rep ${p.data.repId}` : 'Vacant') },
  place('region', 'Region', 96),
  place('area', 'Area', 90),
];

/** Number formats of the territory grid's columns in its .xlsx export (deviations are fractions). */
export const TERRITORY_XLSX_FORMATS: Record<string, NumberFormat> = {
  accounts: 'integer', potential: 'money', revenue: 'money', workload: 'integer', units: 'integer', potentialDeviation: 'percent', workloadDeviation: 'percent',
};
