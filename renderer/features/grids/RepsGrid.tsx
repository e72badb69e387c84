import type { ColDef, GetRowIdParams, GridApi, GridReadyEvent, ICellRendererParams } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useCallback, useMemo, useRef } from 'react';
import { theme } from './TerritoryGrid';
import { useDatasetStore } from '../../state/dataset-store';
import { useScenarioStore } from '../../state/scenario-store';
import { downloadXlsx } from '../export/xlsx-download';
import { csvParams } from './csv-export';
import { entityColDef } from './grid-options';
import { assignRep } from './grids-actions';
import { useGridsStore } from './grids-store';
import { GridToolbar } from './GridToolbar';
import { TerritorySelect } from './TerritorySelect';
import { gridTable } from './xlsx-export';
import { useReadOnlyReason } from '../../state/read-only';

/** One rep with the territories the draft gives them (reps are few: rebuilt when territories change). */
type RepRow = { id: string; name: string; seniority: string; manager: string; team: string; region: string; office: string; home: string; territoryId: string | null; territories: string };

const HOME: Record<string, string> = { exact: 'address', zip: 'ZIP centre', city: 'city centre', county: 'county centre', state: 'state centre', none: 'not placed: no address or office' };

function RepTerritoryCell({ data }: ICellRendererParams<RepRow>) {
  const readOnlyReason = useReadOnlyReason();
  const readOnly = readOnlyReason !== null;
  if (!data) return null;
  return <TerritorySelect testId={`rep-territory-${data.id}`} value={data.territoryId} emptyLabel="(none)" disabled={readOnly} title={readOnlyReason ?? undefined} onPick={(t) => void assignRep(data.id, t)} />;
}

const columns: ColDef<RepRow>[] = [
  { field: 'name', headerName: 'Rep', width: 160, pinned: 'left' },
  { field: 'id', headerName: 'Id', width: 90 },
  { field: 'seniority', headerName: 'Seniority', width: 90 },
  { field: 'manager', headerName: 'Manager', width: 130 },
  { field: 'team', headerName: 'Team', width: 110 },
  { field: 'region', headerName: 'Region', width: 100 },
  { field: 'office', headerName: 'Office', width: 150 },
  { field: 'home', headerName: 'Home placed at', width: 150 },
  { field: 'territoryId', headerName: 'Assigned territory', width: 170, cellRenderer: RepTerritoryCell, valueFormatter: (p) => p.data?.territories ?? '' },
  { field: 'territories', headerName: 'All territories', width: 180 },
];

const getRowId = (p: GetRowIdParams<RepRow>) => p.data.id;

/** Reps and the territory each one covers, assigned inline (an undoable territory command). */
export function RepsGrid() {
  const reps = useDatasetStore((s) => s.reps);
  const territories = useScenarioStore((s) => s.current?.payload.territories);
  const search = useGridsStore((s) => s.search);
  const apiRef = useRef<GridApi<RepRow> | null>(null);
  const rows = useMemo<RepRow[]>(() => {
    const held = new Map<string, { id: string; name: string }[]>();
    for (const t of territories ?? []) if (t.repId) held.set(t.repId, [...(held.get(t.repId) ?? []), { id: t.id, name: t.name }]);
    return reps.map((r) => {
      const mine = held.get(r.id) ?? [];
      return {
        id: r.id, name: r.name, seniority: r.seniority, manager: r.org?.manager ?? '', team: r.org?.team ?? '', region: r.org?.region ?? '', office: r.org?.office ?? '',
        home: HOME[r.placement ?? 'exact'] ?? '', territoryId: mine[0]?.id ?? null, territories: mine.map((t) => t.name).join(', ') };
    });
  }, [reps, territories]);
  const onGridReady = useCallback((e: GridReadyEvent<RepRow>) => { apiRef.current = e.api; }, []);
  return (
    <>
      <GridToolbar
        noun="reps"
        selected={0}
        onExport={() => apiRef.current?.exportDataAsCsv(csvParams('reps.csv'))}
        onExportXlsx={() => apiRef.current && void downloadXlsx('reps.xlsx', [gridTable(apiRef.current, 'Reps')])}
      />
      <div className="grid-pane" data-testid="reps-grid" data-row-count={rows.length}>
        <AgGridReact<RepRow>
          theme={theme}
          rowData={rows}
          columnDefs={columns}
          defaultColDef={entityColDef}
          getRowId={getRowId}
          quickFilterText={search}
          onGridReady={onGridReady}
          animateRows={false}
        />
      </div>
    </>
  );
}
