import './rules.css';
import { useEffect } from 'react';
import { useScenarioStore } from '../../state/scenario-store';
import { addRule, editDraft, loadRules, saveRules } from './rules-actions';
import { listsText, parseLists } from './rule-form';
import { RuleCard } from './RuleCard';
import { RuleTestPanel } from './RuleTestPanel';
import { useRulesStore } from './rules-store';
import { useReadOnlyReason } from '../../state/read-only';

/** Lead routing: the ordered rule editor on the left, the test panel and coverage report on the right. */
export function RulesView() {
  const current = useScenarioStore((s) => s.current);
  const { status, draft, dirty, message, stored } = useRulesStore();
  const readOnly = useReadOnlyReason();
  useEffect(() => {
    if (current) void loadRules();
  }, [current?.scenarioId, current?.version]);
  const revision = `${stored?.ref.scenarioId}-${stored?.ref.version}`;
  return (
    <main className="rules" data-testid="rules-view" data-rules-state={status} data-dirty={dirty}>
      <section className="rules-editor">
        <div className="scn-row">
          <h3 className="rules-title">Routing rules · {current?.scenarioName} v{current?.version}</h3>
          <button data-testid="add-rule" disabled={!draft} onClick={addRule}>Add rule</button>
          <button data-testid="save-rules" disabled={!!readOnly || !dirty} title={readOnly ?? undefined} onClick={() => void saveRules()}>Save as new version</button>
        </div>
        {message ? <p className="scn-panel__msg" role="status" data-testid="rules-message">{message}</p> : null}
        <p className="muted">The first enabled rule whose conditions all hold takes the lead; empty conditions match every lead. Territory conditions use the territory the lead's ZIP falls in.</p>
        {draft ? (
          <div key={revision}>
            <ol className="rules-list">{draft.rules.map((r, i) => <RuleCard key={r.id} rule={r} index={i} count={draft.rules.length} />)}</ol>
            {draft.rules.length === 0 ? <p className="muted" data-testid="rules-empty">No rules yet: every lead goes to the fallback queue.</p> : null}
            <label className="rules-field">Fallback queue (leads no rule takes)
              <input data-testid="fallback-queue" defaultValue={draft.fallbackQueue} onBlur={(e) => editDraft((d) => ({ ...d, fallbackQueue: e.target.value.trim() || 'Unassigned leads' }))} />
            </label>
            <label className="rules-field">Named-account lists (one per line: Name: account id or company, …)
              <textarea rows={3} data-testid="account-lists" defaultValue={listsText(draft.accountLists)} onBlur={(e) => editDraft((d) => ({ ...d, accountLists: parseLists(e.target.value) }))} />
            </label>
          </div>
        ) : <p className="muted">Loading rules…</p>}
      </section>
      <RuleTestPanel />
    </main>
  );
}
