import type { ColDef, GetRowIdParams, GridApi, GridReadyEvent, ICellRendererParams, IRowNode, SelectionChangedEvent } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { theme } from './TerritoryGrid';
import { useDatasetStore } from '../../state/dataset-store';
import { useScenarioStore } from '../../state/scenario-store';
import { reassignUnits, selectUnits } from '../editing/editing-actions';
import { useEditingStore } from '../editing/editing-store';
import { mergeIntoCounties, splitIntoZipAreas } from '../editing/geography-actions';
import { downloadXlsx } from '../export/xlsx-download';
import { csvParams } from './csv-export';
import { entityColDef, multiRowSelection } from './grid-options';
import { lockUnits } from './grids-actions';
import { useGridsStore } from './grids-store';
import { GridToolbar } from './GridToolbar';
import { TerritorySelect } from './TerritorySelect';
import { gridTable } from './xlsx-export';
import { useReadOnlyReason } from '../../state/read-only';

/** One unit; built once per dataset. Territory and lock are read from the draft when shown. */
type UnitRow = { i: number; id: string; name: string; parent: string };

function territoryIdAt(i: number): string | null {
  const s = useScenarioStore.getState();
  const t = s.alignment?.unitTerritory[i] ?? -1;
  return t >= 0 ? s.current?.payload.territories[t]?.id ?? null : null;
}

function TerritoryCell({ data }: ICellRendererParams<UnitRow>) {
  const value = useScenarioStore((s) => {
    const t = data ? s.alignment?.unitTerritory[data.i] ?? -1 : -1;
    return t >= 0 ? s.current?.payload.territories[t]?.id ?? null : null;
  });
  const readOnlyReason = useReadOnlyReason();
  const readOnly = readOnlyReason !== null;
  if (!data) return null;
  return <TerritorySelect testId={`unit-territory-${data.id}`} value={value} emptyLabel="(unassigned)" disabled={readOnly} title={readOnlyReason ?? undefined} onPick={(t) => void reassignUnits(t, [data.i])} />;
}

const lockedSets = new WeakMap<readonly string[], Set<string>>();

/** Whether a unit id is locked in the draft: one Set per lockedUnits array (O(1) per row, not O(locks)). */
function isLocked(id: string): boolean {
  const list = useScenarioStore.getState().current?.payload.lockedUnits as readonly string[] | undefined;
  if (!list || list.length === 0) return false;
  let set = lockedSets.get(list);
  if (!set) lockedSets.set(list, (set = new Set(list)));
  return set.has(id);
}

function LockCell({ data }: ICellRendererParams<UnitRow>) {
  const locked = useScenarioStore((s) => (data && s.current ? isLocked(data.id) : false));
  const readOnlyReason = useReadOnlyReason();
  const readOnly = readOnlyReason !== null;
  if (!data) return null;
  return <input type="checkbox" data-testid={`unit-lock-${data.id}`} checked={locked} disabled={readOnly} title={readOnlyReason ?? undefined} onChange={(e) => void lockUnits([data.i], e.target.checked)} />;
}

const columns: ColDef<UnitRow>[] = [
  { field: 'name', headerName: 'Unit', width: 160, pinned: 'left' },
  { field: 'id', headerName: 'Id', width: 90 },
  { field: 'parent', headerName: 'Parent', width: 80 },
  {
    colId: 'territory',
    headerName: 'Territory',
    width: 160,
    valueGetter: (p) => {
      const id = p.data ? territoryIdAt(p.data.i) : null;
      return id ? useScenarioStore.getState().current?.payload.territories.find((t) => t.id === id)?.name ?? id : '';
    },
    cellRenderer: TerritoryCell,
  },
  {
    colId: 'locked',
    headerName: 'Locked',
    width: 80,
    valueGetter: (p) => (p.data ? isLocked(p.data.id) : false),
    cellRenderer: LockCell,
    getQuickFilterText: () => '',
  },
];

const getRowId = (p: GetRowIdParams<UnitRow>) => p.data.id;

/** Units: territory and lock inline, bulk assign/lock, CSV; row selection is the map's unit selection (both ways). */
export function UnitsGrid() {
  const units = useDatasetStore((s) => s.units);
  const search = useGridsStore((s) => s.search);
  const selectedUnits = useEditingStore((s) => s.selectedUnits);
  const hasSplit = useScenarioStore((s) => (s.current?.payload.splitUnits?.length ?? 0) > 0);
  const apiRef = useRef<GridApi<UnitRow> | null>(null);
  const rows = useMemo<UnitRow[] | null>(() => (units ? units.ids.map((id, i) => ({ i, id, name: units.names[i] ?? '', parent: units.parents[i] ?? '' })) : null), [units]);

  // Map selection (click, lasso, rectangle) -> grid rows; O(units) per selection change, not per edit.
  const syncFromMap = useCallback((api: GridApi<UnitRow>, sel: Int32Array) => {
    const want = new Set(sel);
    const on: IRowNode<UnitRow>[] = [];
    const off: IRowNode<UnitRow>[] = [];
    api.forEachNode((n) => {
      const s = n.data ? want.has(n.data.i) : false;
      if (s !== !!n.isSelected()) (s ? on : off).push(n);
    });
    if (off.length) api.setNodesSelected({ nodes: off, newValue: false, source: 'api' });
    if (on.length) {
      api.setNodesSelected({ nodes: on, newValue: true, source: 'api' });
      api.ensureNodeVisible(on[0]!, 'middle');
    }
  }, []);
  useEffect(() => {
    if (apiRef.current) syncFromMap(apiRef.current, selectedUnits);
  }, [selectedUnits, syncFromMap]);

  const onGridReady = useCallback((e: GridReadyEvent<UnitRow>) => {
    apiRef.current = e.api;
    syncFromMap(e.api, useEditingStore.getState().selectedUnits);
  }, [syncFromMap]);
  const onSelectionChanged = useCallback((e: SelectionChangedEvent<UnitRow>) => {
    if (e.source.startsWith('api')) return; // our own sync from the map
    selectUnits(e.api.getSelectedRows().map((r) => r.i), 'replace');
  }, []);

  return (
    <>
      <GridToolbar
        noun="units"
        selected={selectedUnits.length}
        onAssign={(t) => void reassignUnits(t)}
        onLock={(on) => void lockUnits(Array.from(useEditingStore.getState().selectedUnits), on)}
        onSplit={() => void splitIntoZipAreas()}
        onMerge={hasSplit ? () => void mergeIntoCounties() : undefined}
        onExport={() => apiRef.current?.exportDataAsCsv(csvParams('units.csv'))}
        onExportXlsx={() => apiRef.current && void downloadXlsx('units.xlsx', [gridTable(apiRef.current, 'Units')])}
      />
      <div className="grid-pane" data-testid="units-grid" data-row-count={rows?.length ?? 0}>
        <AgGridReact<UnitRow>
          theme={theme}
          rowData={rows}
          columnDefs={columns}
          defaultColDef={entityColDef}
          getRowId={getRowId}
          rowSelection={multiRowSelection}
          quickFilterText={search}
          onGridReady={onGridReady}
          onSelectionChanged={onSelectionChanged}
          animateRows={false}
          loading={!rows}
        />
      </div>
    </>
  );
}
