import { useState } from 'react';
import { cancelBalanceRun, clearBalanceRuns, pickBalanceRun } from './balance-actions';
import { useBalanceStore, type BalanceRun } from './balance-store';

const pct = (f: number | null | undefined, digits = 1): string => (f === null || f === undefined || !Number.isFinite(f) ? '—' : `${(f * 100).toFixed(digits)}%`);
const compact = (v: number): string => (v >= 1e9 ? `${(v / 1e9).toFixed(2)} G` : v >= 1e6 ? `${(v / 1e6).toFixed(2)} M` : v >= 1e3 ? `${(v / 1e3).toFixed(1)} k` : v.toFixed(1));

function RunProgress({ run }: { run: BalanceRun }) {
  const p = run.progress;
  return (
    <div className="balance-run" data-testid="balance-progress" data-status={run.status} data-run-id={run.id}>
      <div className="balance-run__head">
        <span className="balance-run__label">{run.label}</span>
        <span className="balance-run__status">{run.status}</span>
        {run.status === 'running' || run.status === 'queued' ? (
          <button type="button" data-testid="balance-cancel" onClick={() => cancelBalanceRun(run.id)}>Cancel</button>
        ) : null}
      </div>
      {run.status === 'running' || run.status === 'queued' ? (
        <>
          <progress max={1} value={p?.fraction ?? 0} />
          <div className="balance-run__meta">
            {p ? `${p.phase} · iteration ${p.iteration} · best ${Number.isFinite(p.bestObjective) ? p.bestObjective.toFixed(3) : '—'} · worst deviation ${pct(p.worstDeviation)}` : 'waiting for a worker…'}
          </div>
        </>
      ) : null}
      {run.error ? <div className="balance-run__error">{run.error}</div> : null}
    </div>
  );
}

/** Running runs with progress, then finished runs side by side to pick from. */
export function BalanceRuns() {
  const runs = useBalanceStore((s) => s.runs);
  const [newName, setNewName] = useState('');
  const [busy, setBusy] = useState(false);
  const done = runs.filter((r) => r.status === 'done' && r.result);
  const pick = async (id: number, asNew: boolean) => {
    setBusy(true);
    try {
      await pickBalanceRun(id, asNew ? newName.trim() || `Balanced ${new Date().toISOString().slice(0, 16).replace('T', ' ')}` : undefined);
    } finally {
      setBusy(false);
    }
  };
  if (runs.length === 0) return null;
  return (
    <div className="balance-runs">
      {runs.filter((r) => r.status !== 'done').map((r) => <RunProgress key={r.id} run={r} />)}
      {done.length > 0 ? (
        <>
          <table className="balance-table" data-testid="balance-runs-table">
            <thead>
              <tr><th>run</th><th title="Largest deviation from the mean over all balanced measures">worst dev.</th><th>non-contig.</th><th>compactness</th><th>disruption</th><th>runtime</th><th /></tr>
            </thead>
            <tbody>
              {done.map((r) => {
                const rep = r.result!.report;
                return (
                  <tr key={r.id} data-testid="balance-result-row" data-run-id={r.id} data-worst-deviation={rep.worstDeviation}>
                    <td title={rep.violations.slice(0, 5).map((v) => v.reason).join('\n')}>{r.label}{rep.feasible ? '' : ' ⚠'}</td>
                    <td>{pct(rep.worstDeviation)}</td>
                    <td>{rep.nonContiguous}</td>
                    <td>{compact(rep.compactness)}</td>
                    <td>{pct(rep.disruption?.unitsShare)}</td>
                    <td>{((r.elapsedMs ?? rep.runtimeMs) / 1000).toFixed(1)} s</td>
                    <td className="balance-table__actions">
                      {r.saved ? <span data-testid="balance-saved">saved v{r.saved.version}</span> : (
                        <>
                          <button type="button" data-testid="balance-pick" disabled={busy} onClick={() => void pick(r.id, false)}>Save version</button>
                          <button type="button" disabled={busy} onClick={() => void pick(r.id, true)}>As scenario</button>
                        </>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <div className="balance-runs__footer">
            <input placeholder="new scenario name" value={newName} onChange={(e) => setNewName(e.target.value)} />
            <button type="button" onClick={clearBalanceRuns}>Clear finished</button>
          </div>
        </>
      ) : null}
    </div>
  );
}
