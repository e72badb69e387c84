import type { RoutingRun } from '../../../shared/contracts/app-api';
import { assigneeLabel } from '../../../shared/domain/labels';
import { textOnlyRefusal } from '../../../shared/domain/import/workbook-detect';
import { reportError } from '../../state/ui-actions';
import { downloadText } from '../report/download';
import { setLeadsCsv, testRules } from './rules-actions';
import { useRulesStore } from './rules-store';

const SHOWN = 200;

function Coverage({ run }: { run: RoutingRun }) {
  const c = run.coverage;
  return (
    <section className="rules-coverage" data-testid="coverage-report">
      <h4>Coverage</h4>
      <p data-testid="coverage-summary">
        {run.leads} leads routed in {run.ms} ms · <strong data-testid="coverage-unmatched">{c.unmatched.length}</strong> matched no rule (fallback queue)
        {run.unplaced ? ` · ${run.unplaced} could not be placed on the map` : ''}{run.rejected.length ? ` · ${run.rejected.length} rows rejected` : ''}
      </p>
      {c.unmatched.length ? <p className="muted">Unmatched: {c.unmatched.slice(0, 30).join(', ')}{c.unmatched.length > 30 ? ' …' : ''}</p> : null}
      {run.rejected.length ? <p className="muted">Rejected: {run.rejected.slice(0, 10).map((r) => `line ${r.line}: ${r.reason}`).join('; ')}</p> : null}
      <ul className="rules-shadowed" data-testid="coverage-shadowed">
        {c.shadowed.map((s) => (
          <li key={s.ruleId}><strong>{s.ruleName}</strong> is shadowed ({s.kind === 'proven' ? 'by its conditions' : 'on these leads'}): {s.detail}{s.by.length ? ` — by ${s.by.join(', ')}` : ''}</li>
        ))}
        {c.shadowed.length === 0 ? <li className="muted">No rule is shadowed.</li> : null}
      </ul>
      <table className="scn-table">
        <thead><tr><th>Rule</th><th>Matched</th><th>Won</th></tr></thead>
        <tbody>{c.perRule.map((p) => <tr key={p.ruleId} className={p.enabled ? '' : 'muted'}><td>{p.ruleName}</td><td>{p.matched}</td><td>{p.won}</td></tr>)}</tbody>
      </table>
    </section>
  );
}

/** Test panel: pick a leads CSV, route it through the draft rules on the server, see each lead's rule and why. */
export function RuleTestPanel() {
  const { csvName, csvText, testing, run, draft } = useRulesStore();
  const onFile = async (f: File | undefined) => {
    if (!f) return;
    const refusal = textOnlyRefusal(new Uint8Array(await f.slice(0, 8).arrayBuffer()), 'leads file');
    if (refusal) return reportError({ id: 'leads-file', title: `${f.name} is not a CSV file`, detail: refusal, action: 'Save it as CSV and pick it again.' });
    setLeadsCsv(f.name, await f.text());
  };
  return (
    <section className="rules-test" data-testid="rules-test">
      <h3>Test with leads</h3>
      <div className="scn-row">
        <input type="file" accept=".csv,text/csv" data-testid="leads-file" onChange={(e) => void onFile(e.target.files?.[0])} />
        <button data-testid="route-leads" disabled={!csvText || !draft || testing} onClick={() => void testRules()}>{testing ? 'Routing…' : 'Route leads'}</button>
        {run ? <button onClick={() => downloadText('routed.csv', run.csv, 'text/csv')}>Download routed.csv</button> : null}
      </div>
      {csvName ? <p className="muted">{csvName}: {csvText.split('\n').length - 1} data lines (routing is a dry run: round-robin turns are not used up)</p> : null}
      {run ? (
        <>
          <Coverage run={run} />
          <table className="scn-table rules-results" data-testid="routing-results">
            <thead><tr><th>Lead</th><th>Rule</th><th>Assigned to</th><th>Why</th></tr></thead>
            <tbody>
              {run.routed.slice(0, SHOWN).map((r) => (
                <tr key={r.leadId} data-lead={r.leadId} data-rule={r.ruleId ?? ''}>
                  <td>{r.leadId}</td>
                  <td>{r.ruleName || <em>fallback</em>}</td>
                  <td>{assigneeLabel(r.assignee, run.names)}</td>
                  <td title={r.skipped.map((s) => `${s.ruleId}: ${s.detail}`).join('\n')}>{r.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {run.routed.length > SHOWN ? <p className="muted">First {SHOWN} of {run.leads} shown; download routed.csv for all.</p> : null}
        </>
      ) : null}
    </section>
  );
}
