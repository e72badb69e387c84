import { BalanceForm } from './BalanceForm';
import { BalanceRuns } from './BalanceRuns';
import { RepMatchView } from './RepMatchView';
import { setBalancePanelOpen, setSweep, startBalanceRuns } from './balance-actions';
import { useBalanceStore } from './balance-store';
import './balance.css';
import { useReadOnlyReason } from '../../state/read-only';

/** The balance panel behind a 'Balance' button above the grid: settings, runs, sweep, rep matching. */
export function BalanceDock() {
  const open = useBalanceStore((s) => s.open);
  const dataStatus = useBalanceStore((s) => s.dataStatus);
  const sweep = useBalanceStore((s) => s.sweep);
  const measures = useBalanceStore((s) => s.settings.measures.length);
  const readOnly = useReadOnlyReason();
  const ready = dataStatus === 'ready' && measures > 0 && !readOnly;
  return (
    <div className={`balance-dock${open ? ' balance-dock--open' : ''}`}>
      <button type="button" className="balance-dock__toggle" data-testid="balance-toggle" aria-expanded={open} onClick={() => setBalancePanelOpen(!open)}>
        {open ? '▾' : '▸'} Balance territories
      </button>
      {open ? (
        <div className="balance-panel" data-testid="balance-panel" data-data-status={dataStatus}>
          <BalanceForm />
          <div className="balance-panel__actions">
            <button type="button" data-testid="balance-run" disabled={!ready} title={readOnly ?? undefined} onClick={() => void startBalanceRuns('single')}>Run</button>
            <label title="Disruption budgets (% of units) of a sweep; one parallel run each">
              Sweep
              <input value={sweep.map((s) => Math.round(s * 100)).join(', ')} onChange={(e) => setSweep(e.target.value.split(',').map((v) => Number(v.trim()) / 100).filter((v) => Number.isFinite(v) && v >= 0 && v <= 1))} />
            </label>
            <button type="button" data-testid="balance-sweep" disabled={!ready} title={readOnly ?? undefined} onClick={() => void startBalanceRuns('sweep')}>Run sweep</button>
          </div>
          <BalanceRuns />
          <RepMatchView />
        </div>
      ) : null}
    </div>
  );
}
