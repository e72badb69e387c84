import type { CompareResult } from '../../../shared/contracts/app-api';
import { repFrom, territoryFrom, unitFrom } from '../../../shared/domain/labels';
import { formatMoney } from '../../../shared/domain/format/numbers';
import { downloadMovedCsv } from './compare-actions';

const SHOWN = 200;

/** Moved units and accounts (from -> to) and gains/losses per rep, by name, with CSV export of the full list. */
export function MovedList({ result }: { result: CompareResult }) {
  const { labels, baselineIndex } = result;
  return (
    <section className="cmp-moved" data-testid="moved-list">
      <button data-testid="export-moved-csv" onClick={downloadMovedCsv}>Export moved units and accounts (CSV)</button>
      {result.scenarios.map((s, i) =>
        i === result.baselineIndex ? null : (
          <div key={i}>
            <h4>{s.name}: {s.diff.units.length.toLocaleString('en-US')} units, {s.diff.accounts.length.toLocaleString('en-US')} accounts moved</h4>
            <table className="cmp-table">
              <thead><tr><th>Rep</th><th>Accounts gained</th><th>lost</th><th>Potential gained</th><th>lost</th></tr></thead>
              <tbody>
                {s.reps.slice(0, SHOWN).map((r) => (
                  <tr key={r.repId ?? '-'}><td>{repFrom(labels, r.repId)}</td><td>{r.accountsGained}</td><td>{r.accountsLost}</td><td>{formatMoney(r.potentialGained)}</td><td>{formatMoney(r.potentialLost)}</td></tr>
                ))}
              </tbody>
            </table>
            <ul className="cmp-moved__units">
              {s.diff.units.slice(0, SHOWN).map((u) => <li key={`${u.alignment}-${u.unitId}`}>{unitFrom(labels, u.unitId)}: {territoryFrom(labels, baselineIndex, u.from)} → {territoryFrom(labels, i, u.to)}</li>)}
              {s.diff.units.length > SHOWN ? <li>… {s.diff.units.length - SHOWN} more in the CSV</li> : null}
            </ul>
          </div>
        ),
      )}
    </section>
  );
}
