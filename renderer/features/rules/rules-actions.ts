import type { RoutingRule, RuleSet } from '../../../shared/domain/rules/types';
import { api } from '../../api/client';
import { openScenario } from '../../state/scenario-actions';
import { useScenarioStore } from '../../state/scenario-store';
import { messageOf } from '../../state/ui-actions';
import { useRulesStore } from './rules-store';

const set = useRulesStore.setState;

/** Loads the open scenario version's rules into the editor (discarding unsaved edits). */
export async function loadRules(): Promise<void> {
  const current = useScenarioStore.getState().current;
  if (!current) return;
  set({ status: 'loading', message: null });
  try {
    const res = await api['rules.get']({ scenario: current.scenarioId, version: current.version });
    if (!res.ok) return set({ status: 'error', message: res.error.message });
    // A note kept for this version survives every load of it (the view reloads on its own when the version opens).
    const note = useRulesStore.getState().note;
    const kept = note && note.scenarioId === current.scenarioId && note.version === current.version ? note.text : null;
    set({ status: 'ready', stored: res.value, draft: res.value.rules, dirty: false, message: res.value.problems[0] ?? kept });
  } catch (e) {
    set({ status: 'error', message: messageOf(e) });
  }
}

/** Replaces the draft (every edit goes through here, so "unsaved" is tracked in one place). */
export function editDraft(update: (d: RuleSet) => RuleSet): void {
  const d = useRulesStore.getState().draft;
  if (d) set({ draft: update(d), dirty: true });
}

/** Changes one rule of the draft. */
export function updateRule(id: string, patch: (r: RoutingRule) => RoutingRule): void {
  editDraft((d) => ({ ...d, rules: d.rules.map((r) => (r.id === id ? patch(r) : r)) }));
}

/** Appends a new rule that sends every lead to its territory. */
export function addRule(): void {
  editDraft((d) => {
    let n = d.rules.length + 1;
    while (d.rules.some((r) => r.id === `rule-${n}`)) n++;
    return { ...d, rules: [...d.rules, { id: `rule-${n}`, name: `Rule ${n}`, enabled: true, conditions: {}, action: { kind: 'geo-territory' } }] };
  });
}

/** Removes a rule. */
export function removeRule(id: string): void {
  editDraft((d) => ({ ...d, rules: d.rules.filter((r) => r.id !== id) }));
}

/** Moves a rule up (-1) or down (+1): order decides which rule takes a lead. */
export function moveRule(id: string, by: -1 | 1): void {
  editDraft((d) => {
    const i = d.rules.findIndex((r) => r.id === id);
    const j = i + by;
    if (i < 0 || j < 0 || j >= d.rules.length) return d;
    const rules = [...d.rules];
    [rules[i], rules[j]] = [rules[j]!, rules[i]!];
    return { ...d, rules };
  });
}

/** Saves the draft as a new version of the open scenario and opens that version. */
export async function saveRules(): Promise<void> {
  const { draft, stored } = useRulesStore.getState();
  if (!draft || !stored) return;
  const res = await api['rules.save']({ scenarioId: stored.ref.scenarioId, baseVersion: stored.ref.version, rules: draft });
  if (!res.ok) {
    const details = Array.isArray(res.error.details) ? (res.error.details as string[]).join(' · ') : res.error.message;
    return set({ message: details });
  }
  const text = `Saved as version ${res.value.version}.`;
  set({ note: { scenarioId: res.value.scenarioId, version: res.value.version, text } });
  await openScenario(res.value.scenarioId, res.value.version);
  await loadRules();
}

/** Sets the leads CSV of the test panel. */
export function setLeadsCsv(name: string, text: string): void {
  set({ csvName: name, csvText: text, run: null });
}

/** Routes the test leads through the draft on the server (dry run: round-robin cursors are not saved). */
export async function testRules(): Promise<void> {
  const { draft, csvText } = useRulesStore.getState();
  const current = useScenarioStore.getState().current;
  if (!draft || !current || !csvText) return;
  set({ testing: true, message: null });
  try {
    const res = await api['rules.test']({ scenario: { scenario: current.scenarioId, version: current.version }, csv: csvText, rules: draft, maxRows: 2000 });
    set(res.ok ? { run: res.value, testing: false } : { testing: false, message: res.error.message });
  } catch (e) {
    set({ testing: false, message: messageOf(e) });
  }
}
