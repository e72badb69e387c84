import type { RoutingRule, RuleAction } from '../../../shared/domain/rules/types';
import { useDatasetStore } from '../../state/dataset-store';
import { useScenarioStore } from '../../state/scenario-store';
import { NamePicker } from './NamePicker';
import { moveRule, removeRule, updateRule } from './rules-actions';
import { actionOfKind, LIST_FIELDS, listText, parseList, withBandEnd, withCondition } from './rule-form';

const ACTIONS: { kind: RuleAction['kind']; label: string }[] = [
  { kind: 'geo-territory', label: 'Territory the lead falls in' },
  { kind: 'territory', label: 'Territory' },
  { kind: 'rep', label: 'Rep' },
  { kind: 'round-robin', label: 'Round-robin in team' },
  { kind: 'queue', label: 'Queue' },
];

/** One rule: name, enabled, conditions, action; order buttons. */
export function RuleCard({ rule, index, count }: { rule: RoutingRule; index: number; count: number }) {
  const territories = useScenarioStore((s) => s.current?.payload.territories ?? []);
  const reps = useDatasetStore((s) => s.reps ?? []);
  const up = (patch: (r: RoutingRule) => RoutingRule) => updateRule(rule.id, patch);
  const c = rule.conditions;
  const a = rule.action;
  return (
    <li className="rule-card" data-testid={`rule-${rule.id}`}>
      <div className="rule-card__head">
        <span className="rule-card__n">{index + 1}</span>
        <input type="checkbox" aria-label="Enabled" checked={rule.enabled} onChange={(e) => up((r) => ({ ...r, enabled: e.target.checked }))} />
        <input className="rule-card__name" aria-label="Rule name" data-testid="rule-name" value={rule.name} onChange={(e) => up((r) => ({ ...r, name: e.target.value }))} />
        <button disabled={index === 0} onClick={() => moveRule(rule.id, -1)} aria-label="Move up">↑</button>
        <button disabled={index === count - 1} onClick={() => moveRule(rule.id, 1)} aria-label="Move down">↓</button>
        <button onClick={() => removeRule(rule.id)} aria-label="Delete rule">✕</button>
      </div>
      <div className="rule-card__grid">
        <label>Territory
          <NamePicker label="Territories" testId="rule-territories" empty="any territory" options={territories} value={c.territories ?? []}
            onChange={(ids) => up((r) => ({ ...r, conditions: withCondition(r.conditions, 'territories', ids.length ? ids : undefined) }))} />
        </label>
        {LIST_FIELDS.map((f) => (
          <label key={f.key}>{f.label}
            <input data-testid={`rule-${f.key}`} placeholder={`any (${f.hint})`} defaultValue={listText(c[f.key])} onBlur={(e) => up((r) => ({ ...r, conditions: withCondition(r.conditions, f.key, parseList(e.target.value)) }))} />
          </label>
        ))}
        {(['employees', 'revenue'] as const).map((k) => (
          <label key={k}>{k === 'employees' ? 'Employees' : 'Revenue'}
            <span className="rule-band">
              <input type="number" placeholder="min" defaultValue={c[k]?.min ?? ''} onBlur={(e) => up((r) => ({ ...r, conditions: withCondition(r.conditions, k, withBandEnd(r.conditions[k], 'min', e.target.value)) }))} />
              <input type="number" placeholder="max (excl.)" defaultValue={c[k]?.max ?? ''} onBlur={(e) => up((r) => ({ ...r, conditions: withCondition(r.conditions, k, withBandEnd(r.conditions[k], 'max', e.target.value)) }))} />
            </span>
          </label>
        ))}
      </div>
      <div className="rule-card__action">
        <span>Assign to</span>
        <select data-testid="rule-action" value={a.kind} onChange={(e) => up((r) => ({ ...r, action: actionOfKind(e.target.value as RuleAction['kind'], territories[0]?.id ?? '') }))}>
          {ACTIONS.map((x) => <option key={x.kind} value={x.kind}>{x.label}</option>)}
        </select>
        {a.kind === 'territory' ? (
          <select value={a.territoryId} onChange={(e) => up((r) => ({ ...r, action: { kind: 'territory', territoryId: e.target.value } }))}>
            {territories.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
          </select>
        ) : null}
        {a.kind === 'rep' ? (
          <select value={a.repId} onChange={(e) => up((r) => ({ ...r, action: { kind: 'rep', repId: e.target.value } }))}>
            <option value="">(pick a rep)</option>
            {reps.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          </select>
        ) : null}
        {a.kind === 'round-robin' ? (
          <>
            <input aria-label="Team" defaultValue={a.team} onBlur={(e) => up((r) => ({ ...r, action: { ...a, team: e.target.value.trim() || 'Team' } }))} />
            <NamePicker label="Reps in turn" testId="rule-rr-reps" empty="(pick reps)" options={reps} value={a.repIds}
              onChange={(ids) => up((r) => ({ ...r, action: { ...a, repIds: ids } }))} />
          </>
        ) : null}
        {a.kind === 'queue' ? <input aria-label="Queue" defaultValue={a.queue} onBlur={(e) => up((r) => ({ ...r, action: { kind: 'queue', queue: e.target.value.trim() || 'Queue' } }))} /> : null}
      </div>
    </li>
  );
}
