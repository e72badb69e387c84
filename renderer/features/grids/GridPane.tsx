import { TerritoryGrid } from './TerritoryGrid';
import { TerritoryActions } from '../editing/TerritoryActions';
import { AccountsGrid } from './AccountsGrid';
import { setGrid } from './grids-actions';
import { useGridsStore, type GridKind } from './grids-store';
import { RepsGrid } from './RepsGrid';
import { UnitsGrid } from './UnitsGrid';
import './grids.css';

const GRIDS: { kind: GridKind; label: string }[] = [
  { kind: 'territories', label: 'Territories' },
  { kind: 'accounts', label: 'Accounts' },
  { kind: 'units', label: 'Units' },
  { kind: 'reps', label: 'Reps' },
];

/** The right-hand grid with its switcher: Territories | Accounts | Units | Reps. */
export function GridPane() {
  const grid = useGridsStore((s) => s.grid);
  return (
    <>
      <div className="grid-switcher" role="tablist" aria-label="Grid" data-testid="grid-switcher">
        {GRIDS.map((g) => (
          <button key={g.kind} role="tab" aria-selected={grid === g.kind} data-testid={`grid-tab-${g.kind}`} onClick={() => setGrid(g.kind)}>{g.label}</button>
        ))}
      </div>
      {grid === 'accounts' ? <AccountsGrid /> : grid === 'units' ? <UnitsGrid /> : grid === 'reps' ? <RepsGrid /> : (
        <>
          <TerritoryActions />
          <TerritoryGrid />
        </>
      )}
    </>
  );
}
