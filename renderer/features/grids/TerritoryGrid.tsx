import { AllCommunityModule, ModuleRegistry, themeQuartz, type GetRowIdParams, type GridApi, type IRowNode, type GridReadyEvent, type SelectionChangedEvent } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useCallback, useEffect, useRef } from 'react';
import { selectTerritory } from '../../state/selection-actions';
import { useDatasetStore } from '../../state/dataset-store';
import { useScenarioStore } from '../../state/scenario-store';
import { useSelectionStore } from '../../state/selection-store';
import { TERRITORY_COLUMNS, TERRITORY_XLSX_FORMATS } from './territory-columns';
import { downloadXlsx } from '../export/xlsx-download';
import { gridTable } from './xlsx-export';
import type { KpiGridRow } from '../../state/kpi-rows';
import { RegionRollups } from './RegionRollups';
import { useGridsStore } from './grids-store';

ModuleRegistry.registerModules([AllCommunityModule]);

/** Grid theme built in code (Theming API): no stylesheet or font is fetched from the web. */
export const theme = themeQuartz.withParams({
  fontFamily: ['Inter', 'system-ui', '-apple-system', 'Segoe UI', 'Roboto', 'sans-serif'],
  fontSize: 12.5,
  headerFontSize: 12,
  headerFontWeight: 600,
  rowHeight: 30,
  headerHeight: 34,
  spacing: 6,
  accentColor: '#2563eb',
  borderColor: '#e2e8f0',
  headerBackgroundColor: '#f8fafc',
  rowHoverColor: '#f1f5f9',
  selectedRowBackgroundColor: '#dbeafe',
  wrapperBorderRadius: 0,
  wrapperBorder: false,
});

const getRowId = (p: GetRowIdParams<KpiGridRow>) => p.data.territoryId;
const defaultColDef = { sortable: true, resizable: true, suppressMovable: true };
const rowSelection = { mode: 'singleRow', checkboxes: false, enableClickSelection: true } as const;
const autoSizeStrategy = { type: 'fitCellContents' } as const;

/** Territories with their KPIs (computed in the KPI worker). Row selection and map selection are kept in sync. */
export function TerritoryGrid() {
  const rows = useScenarioStore((s) => s.kpis?.rows);
  const noScenario = useScenarioStore((s) => s.list.length === 0);
  const datasetReady = useDatasetStore((s) => s.status === 'ready');
  const selectedId = useSelectionStore((s) => s.territoryId);
  const source = useSelectionStore((s) => s.source);
  const apiRef = useRef<GridApi<KpiGridRow> | null>(null);
  const region = useGridsStore((s) => s.region);
  const area = useGridsStore((s) => s.area);
  useEffect(() => apiRef.current?.onFilterChanged(), [region, area]);
  const isExternalFilterPresent = useCallback(() => useGridsStore.getState().region !== null, []);
  const doesExternalFilterPass = useCallback((node: IRowNode<KpiGridRow>) => {
    const g = useGridsStore.getState();
    return node.data?.region === g.region && (g.area === null || node.data.area === g.area);
  }, []);

  const syncSelection = useCallback((api: GridApi<KpiGridRow>, id: string | null, scroll: boolean) => {
    if (id === null) {
      api.deselectAll();
      return;
    }
    const node = api.getRowNode(id);
    if (!node) return;
    if (!node.isSelected()) node.setSelected(true, true, 'api');
    if (scroll) api.ensureNodeVisible(node, 'middle');
  }, []);

  useEffect(() => {
    if (apiRef.current) syncSelection(apiRef.current, selectedId, source === 'map');
  }, [selectedId, source, rows, syncSelection]);

  const onGridReady = useCallback((e: GridReadyEvent<KpiGridRow>) => {
    apiRef.current = e.api;
    const s = useSelectionStore.getState();
    syncSelection(e.api, s.territoryId, true);
  }, [syncSelection]);

  const onSelectionChanged = useCallback((e: SelectionChangedEvent<KpiGridRow>) => {
    if (e.source.startsWith('api')) return; // our own sync from the map
    const row = e.api.getSelectedRows()[0];
    selectTerritory(row ? row.territoryId : null, 'grid');
  }, []);

  return (
    <>
    <RegionRollups />
    <div className="grid-toolbar">
      <span className="topbar__spacer" />
      <button data-testid="territory-export-xlsx" disabled={!rows} title="Export the territory rows as shown (filtered, sorted) as an Excel workbook (.xlsx)" onClick={() => apiRef.current && void downloadXlsx('territories.xlsx', [gridTable(apiRef.current, 'Territories', TERRITORY_XLSX_FORMATS)])}>Excel</button>
    </div>
    <div className="grid-pane" data-testid="territory-grid" data-row-count={rows?.length ?? 0}>
      <AgGridReact<KpiGridRow>
        theme={theme}
        rowData={rows ?? (datasetReady && noScenario ? [] : null)}
        columnDefs={TERRITORY_COLUMNS}
        defaultColDef={defaultColDef}
        getRowId={getRowId}
        rowSelection={rowSelection}
        onGridReady={onGridReady}
        onSelectionChanged={onSelectionChanged}
        overlayLoadingTemplate="<span class='grid-overlay'>Computing territory KPIs…</span>"
        overlayNoRowsTemplate="<span class='grid-overlay'>No scenario yet: create a starting scenario above.</span>"
        loading={!rows && !(datasetReady && noScenario)}
        autoSizeStrategy={autoSizeStrategy}
        animateRows={false}
        suppressColumnVirtualisation
        isExternalFilterPresent={isExternalFilterPresent}
        doesExternalFilterPass={doesExternalFilterPass}
      />
    </div>
    </>
  );
}
