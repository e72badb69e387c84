import { useState } from 'react';
import { setSearch } from './grids-actions';
import { useGridsStore } from './grids-store';
import { TerritorySelect } from './TerritorySelect';
import { useReadOnlyReason } from '../../state/read-only';

type Props = {
  /** What the rows are ("accounts"), for labels. */
  noun: string;
  selected: number;
  onAssign?: (territoryId: string | null) => void;
  onLock?: (on: boolean) => void;
  onExport: () => void;
  /** Excel export of the same rows, typed (numbers as numbers). */
  onExportXlsx: () => void;
  clearLabel?: string;
  /** Split the selected units into ZIP areas / merge their counties back (units grid). */
  onSplit?: () => void;
  onMerge?: () => void;
};

/** Quick search, bulk actions on the selected rows and CSV / Excel export of an entity grid. */
export function GridToolbar({ noun, selected, onAssign, onLock, onExport, onExportXlsx, clearLabel = 'Unassign', onSplit, onMerge }: Props) {
  const search = useGridsStore((s) => s.search);
  const readOnlyReason = useReadOnlyReason();
  const readOnly = readOnlyReason !== null;
  const [target, setTarget] = useState<string | null>(null);
  return (
    <div className="grid-toolbar" data-testid="grid-toolbar">
      <input type="search" data-testid="grid-search" placeholder={`Search ${noun}…`} value={search} onChange={(e) => setSearch(e.target.value)} />
      <span className="grid-toolbar__count" data-testid="grid-selected">{selected} selected</span>
      {onAssign ? (
        <>
          <TerritorySelect testId="bulk-target" value={target} emptyLabel="(territory)" onPick={setTarget} />
          <button data-testid="bulk-assign" disabled={readOnly || !selected || !target} onClick={() => onAssign(target)} title={readOnlyReason ?? `Assign the selected ${noun} to the territory`}>Assign</button>
          <button data-testid="bulk-clear" disabled={readOnly || !selected} title={readOnlyReason ?? undefined} onClick={() => onAssign(null)}>{clearLabel}</button>
        </>
      ) : null}
      {onLock ? (
        <>
          <button data-testid="bulk-lock" disabled={readOnly || !selected} title={readOnlyReason ?? undefined} onClick={() => onLock(true)}>Lock</button>
          <button data-testid="bulk-unlock" disabled={readOnly || !selected} title={readOnlyReason ?? undefined} onClick={() => onLock(false)}>Unlock</button>
        </>
      ) : null}
      {onSplit ? <button data-testid="bulk-split" disabled={readOnly || !selected} title={readOnlyReason ?? `Split the selected counties into their ZIP areas (they keep the county's territory)`} onClick={onSplit}>Split into ZIP areas</button> : null}
      {onMerge ? <button data-testid="bulk-merge" disabled={readOnly || !selected} title={readOnlyReason ?? 'Merge the counties of the selected ZIP areas back into whole counties'} onClick={onMerge}>Merge into county</button> : null}
      <button data-testid="grid-export" onClick={onExport} title="Export the filtered, sorted rows as CSV">CSV</button>
      <button data-testid="grid-export-xlsx" onClick={onExportXlsx} title="Export the filtered, sorted rows as an Excel workbook (.xlsx)">Excel</button>
    </div>
  );
}
