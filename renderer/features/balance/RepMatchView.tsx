import { applyRepMatch, proposeRepMatch } from './rep-match-actions';
import { useBalanceStore } from './balance-store';
import { useReadOnlyReason } from '../../state/read-only';

/** 'Match reps': proposes a rep per territory with the explained fit, applied only on confirmation. */
export function RepMatchView() {
  const match = useBalanceStore((s) => s.match);
  const readOnly = useReadOnlyReason();
  return (
    <div className="rep-match">
      <div className="rep-match__head">
        <button type="button" data-testid="match-reps" disabled={!!readOnly || match.status === 'running'} title={readOnly ?? undefined} onClick={() => void proposeRepMatch()}>
          {match.status === 'running' ? 'Matching…' : 'Match reps'}
        </button>
        {match.proposals.length > 0 ? (
          <button type="button" data-testid="apply-rep-match" disabled={!!readOnly} title={readOnly ?? undefined} onClick={() => void applyRepMatch()}>Apply ({match.proposals.length})</button>
        ) : null}
        {match.status === 'ready' ? <span className="rep-match__total" title="Sum of the pairs' fit scores; each is 0..1 (1 = home at the centre, full industry, language and seniority fit)">total fit {match.total.toFixed(2)} of {match.proposals.length} possible</span> : null}
      </div>
      {match.error ? <div className="balance-run__error">{match.error}</div> : null}
      {match.proposals.length > 0 ? (
        <table className="balance-table">
          <thead><tr><th>territory</th><th>rep</th><th title="0..1, 1 = best">fit (0–1)</th><th>why</th></tr></thead>
          <tbody>
            {match.proposals.map((p) => (
              <tr key={p.territoryId}>
                <td>{p.territoryName}</td>
                <td>{p.repName}</td>
                <td>{p.fit.score.toFixed(2)}</td>
                <td className="rep-match__why">{p.fit.components.map((c) => `${c.name} ${c.contribution.toFixed(2)} (${c.detail})`).join('; ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {match.unmatched.length > 0 ? <div className="rep-match__unmatched">No rep left for: {match.unmatched.join(', ')}</div> : null}
      {match.skipped.length > 0 ? (
        <div className="rep-match__unmatched" data-testid="rep-match-skipped">
          {match.skipped.length} rep{match.skipped.length === 1 ? '' : 's'} not matched:
          <ul>
            {match.skipped.map((r) => <li key={r.id}><strong>{r.name}</strong>: {r.reason}</li>)}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
