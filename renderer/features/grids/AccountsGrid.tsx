import type { ColDef, FirstDataRenderedEvent, GetRowIdParams, GridApi, GridReadyEvent, ICellRendererParams, IRowNode, SelectionChangedEvent } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { theme } from './TerritoryGrid';
import { useDatasetStore } from '../../state/dataset-store';
import { useScenarioStore } from '../../state/scenario-store';
import { useEditingStore } from '../editing/editing-store';
import { downloadXlsx } from '../export/xlsx-download';
import { csvParams } from './csv-export';
import { entityColDef, multiRowSelection } from './grid-options';
import { overrideAccounts, setSelectedAccounts } from './grids-actions';
import { useGridsStore } from './grids-store';
import { GridToolbar } from './GridToolbar';
import { TerritorySelect } from './TerritorySelect';
import { gridTable } from './xlsx-export';
import { useReadOnlyReason } from '../../state/read-only';

/** One account; built once per dataset. Territory columns read the draft's state (worker array, overrides) when shown. */
type AccountRow = { i: number; id: string; name: string; segment: string };

function territoryNameAt(t: number): string {
  return t >= 0 ? useScenarioStore.getState().current?.payload.territories[t]?.name ?? '' : '';
}

function overrideOf(id: string): string | null {
  const o = useScenarioStore.getState().current?.payload.accountOverrides as Record<string, string> | undefined;
  return o?.[id] ?? null;
}

/** Current territory from the KPI worker's account -> territory array; re-renders only visible cells on each edit. */
function TerritoryCell({ data }: ICellRendererParams<AccountRow>) {
  const t = useGridsStore((s) => (data ? s.accountTerritory?.[data.i] ?? -1 : -1));
  const name = useScenarioStore((s) => (t >= 0 ? s.current?.payload.territories[t]?.name : undefined));
  return <span data-testid={data ? `account-territory-${data.id}` : undefined}>{name ?? (t < 0 ? '—' : '')}</span>;
}

/** Named account: the territory override, edited inline through a select of territories. */
function OverrideCell({ data }: ICellRendererParams<AccountRow>) {
  const value = useScenarioStore((s) => (data ? (s.current?.payload.accountOverrides as Record<string, string> | undefined)?.[data.id] ?? null : null));
  const readOnlyReason = useReadOnlyReason();
  const readOnly = readOnlyReason !== null;
  if (!data) return null;
  return <TerritorySelect testId={`account-override-${data.id}`} value={value} emptyLabel="(by unit)" disabled={readOnly} title={readOnlyReason ?? undefined} onPick={(t) => void overrideAccounts([data.i], t)} />;
}

const columns: ColDef<AccountRow>[] = [
  { field: 'name', headerName: 'Account', width: 180, pinned: 'left' },
  { field: 'id', headerName: 'Id', width: 100 },
  { field: 'segment', headerName: 'Segment', width: 100 },
  {
    colId: 'territory',
    headerName: 'Territory',
    width: 140,
    valueGetter: (p) => (p.data ? territoryNameAt(useGridsStore.getState().accountTerritory?.[p.data.i] ?? -1) : ''),
    cellRenderer: TerritoryCell,
  },
  {
    colId: 'override',
    headerName: 'Named account of',
    width: 170,
    valueGetter: (p) => {
      const o = p.data ? overrideOf(p.data.id) : null;
      return o ? useScenarioStore.getState().current?.payload.territories.find((t) => t.id === o)?.name ?? o : '';
    },
    cellRenderer: OverrideCell,
    getQuickFilterText: () => '',
  },
];

const getRowId = (p: GetRowIdParams<AccountRow>) => p.data.id;

/** All accounts (50,000+ rows, virtualised): filter, sort, search, named-account overrides, bulk assign, CSV. */
export function AccountsGrid() {
  const accounts = useDatasetStore((s) => s.accounts);
  const search = useGridsStore((s) => s.search);
  const selected = useGridsStore((s) => s.selectedAccounts);
  const apiRef = useRef<GridApi<AccountRow> | null>(null);
  // O(accounts) once per dataset, never per edit.
  const rows = useMemo<AccountRow[] | null>(() => (accounts ? accounts.ids.map((id, i) => ({ i, id, name: accounts.names[i] ?? '', segment: accounts.segment[i] ?? '' })) : null), [accounts]);
  const mapAccount = useEditingStore((s) => s.account);
  const selectedUnits = useEditingStore((s) => s.selectedUnits);
  // "Only accounts in the map selection": an external filter on the account's unit (O(accounts) per change).
  const [inSelection, setInSelection] = useState(false);
  const unitSet = useMemo(() => new Set(selectedUnits), [selectedUnits]);
  const filterOn = inSelection && selectedUnits.length > 0;
  const filterRef = useRef({ on: filterOn, units: unitSet, unit: accounts?.unit ?? null });
  filterRef.current = { on: filterOn, units: unitSet, unit: accounts?.unit ?? null };
  useEffect(() => apiRef.current?.onFilterChanged(), [filterOn, unitSet]);
  const isExternalFilterPresent = useCallback(() => filterRef.current.on, []);
  const doesExternalFilterPass = useCallback((node: IRowNode<AccountRow>) => {
    const f = filterRef.current;
    return node.data !== undefined && f.unit !== null && f.units.has(f.unit[node.data.i] ?? -1);
  }, []);

  // An account picked on the map -> its row selected and scrolled into view.
  const selectRow = useCallback((api: GridApi<AccountRow>, index: number | null) => {
    const id = index === null ? undefined : accounts?.ids[index];
    const node = id === undefined ? undefined : api.getRowNode(id);
    if (!node || node.isSelected()) return;
    api.setNodesSelected({ nodes: [node], newValue: true, source: 'api' });
    for (const other of api.getSelectedNodes()) if (other !== node) other.setSelected(false, false, 'api');
    api.ensureNodeVisible(node, 'middle');
  }, [accounts]);
  useEffect(() => {
    if (apiRef.current) selectRow(apiRef.current, mapAccount);
  }, [mapAccount, selectRow]);

  const onGridReady = useCallback((e: GridReadyEvent<AccountRow>) => {
    apiRef.current = e.api;
    selectRow(e.api, useEditingStore.getState().account);
  }, [selectRow]);
  const onFirstDataRendered = useCallback((e: FirstDataRenderedEvent<AccountRow>) => selectRow(e.api, useEditingStore.getState().account), [selectRow]);
  const onSelectionChanged = useCallback((e: SelectionChangedEvent<AccountRow>) => {
    const picked = e.api.getSelectedRows().map((r) => r.i);
    setSelectedAccounts(picked);
    if (e.source.startsWith('api')) return; // our own sync from the map
    useEditingStore.setState({ account: picked.length === 1 ? picked[0]! : null });
  }, []);
  return (
    <>
      <GridToolbar
        noun="accounts"
        selected={selected.length}
        clearLabel="Clear named"
        onAssign={(t) => void overrideAccounts(useGridsStore.getState().selectedAccounts, t)}
        onExport={() => apiRef.current?.exportDataAsCsv(csvParams('accounts.csv'))}
        onExportXlsx={() => apiRef.current && void downloadXlsx('accounts.xlsx', [gridTable(apiRef.current, 'Accounts')])}
      />
      <label className="grid-filter-toggle" title="Show only the accounts of the units selected on the map (click, lasso, rectangle)">
        <input type="checkbox" data-testid="accounts-in-selection" checked={inSelection} onChange={(e) => setInSelection(e.target.checked)} />
        Only accounts in the map selection{selectedUnits.length > 0 ? ` (${selectedUnits.length.toLocaleString('en-US')} units)` : ' (select units on the map)'}
      </label>
      <div className="grid-pane" data-testid="accounts-grid" data-row-count={rows?.length ?? 0}>
        <AgGridReact<AccountRow>
          theme={theme}
          rowData={rows}
          columnDefs={columns}
          defaultColDef={entityColDef}
          getRowId={getRowId}
          rowSelection={multiRowSelection}
          quickFilterText={search}
          cacheQuickFilter
          onGridReady={onGridReady}
          onSelectionChanged={onSelectionChanged}
          onFirstDataRendered={onFirstDataRendered}
          isExternalFilterPresent={isExternalFilterPresent}
          doesExternalFilterPass={doesExternalFilterPass}
          animateRows={false}
          rowBuffer={10}
          loading={!rows}
        />
      </div>
    </>
  );
}
