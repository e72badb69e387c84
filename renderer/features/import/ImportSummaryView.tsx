import type { ImportSummary } from '../../../shared/contracts/app-api';
import { importProblemsCsv } from '../../../shared/domain/import/report-csv';
import { downloadText } from '../report/download';
import { closeImportWizard } from './import-actions';

/** The import report: counts, placements, changed fields and every listed issue with line, column and reason. */
export function ImportSummaryView({ summary: s }: { summary: ImportSummary }) {
  const changes = Object.entries(s.fieldChanges);
  return (
    <div data-testid="import-summary" data-imported={s.imported} data-rejected={s.rejected}>
      <p>
        <strong>{s.rows.toLocaleString()}</strong> rows: <strong>{s.imported.toLocaleString()}</strong> imported ({s.added} added, {s.updated} updated,{' '}
        {s.unchanged} unchanged), <strong>{s.rejected}</strong> rejected, <strong>{s.repaired}</strong> repaired, in {s.seconds.toFixed(1)} s.
      </p>
      {s.kind !== 'reps' ? (
        <p className="muted">Placed by {Object.entries(s.placement).filter(([, n]) => n > 0).map(([k, n]) => `${k} ${n}`).join(', ') || '—'}</p>
      ) : null}
      {changes.length ? <p className="muted">Changed fields: {changes.map(([k, n]) => `${k} ${n}`).join(', ')}</p> : null}
      {s.unplaced.length ? <p className="muted">{s.unplaced.length} records kept without a unit (listed below).</p> : null}
      {s.issues.length ? (
        <div className="import-table-wrap">
          <table className="import-table" data-testid="import-issues">
            <thead>
              <tr><th>line</th><th>column</th><th>action</th><th>reason</th></tr>
            </thead>
            <tbody>
              {s.issues.slice(0, 500).map((i, k) => (
                <tr key={k} className={`import-issue--${i.action}`}>
                  <td>{i.line}</td><td>{i.column ?? ''}</td><td>{i.action}</td><td>{i.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {s.issues.length > 500 || s.issuesOmitted ? <p className="muted">… {s.issues.length - Math.min(500, s.issues.length) + s.issuesOmitted} more not shown.</p> : null}
        </div>
      ) : null}
      <div className="import-row">
        <button className="primary" data-testid="import-done" onClick={closeImportWizard}>Done</button>
        {s.issues.length || s.unplaced.length ? (
          <button data-testid="import-problems-csv" onClick={() => downloadText(`import-${s.kind}-problems.csv`, importProblemsCsv(s), 'text/csv')}>
            Download these rows (CSV)
          </button>
        ) : null}
      </div>
    </div>
  );
}
