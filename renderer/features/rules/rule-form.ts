import type { Band, RuleAction, RuleConditions } from '../../../shared/domain/rules/types';

/** List condition fields the editor shows, with their labels and placeholders. */
export const LIST_FIELDS: { key: 'states' | 'zips' | 'industries' | 'segments' | 'accountLists'; label: string; hint: string }[] = [
  { key: 'states', label: 'State', hint: 'TX, OK' },
  { key: 'zips', label: 'ZIP', hint: '75201, 750*' },
  { key: 'industries', label: 'Industry', hint: 'Health Care' },
  { key: 'segments', label: 'Segment', hint: 'SMB, Enterprise' },
  { key: 'accountLists', label: 'Account list', hint: 'Strategic' },
];

/** Comma-separated text of a list condition. */
export function listText(values: string[] | undefined): string {
  return (values ?? []).join(', ');
}

/** Parses comma-separated text into a list (undefined when empty, so the condition matches everything). */
export function parseList(text: string): string[] | undefined {
  const v = text.split(',').map((s) => s.trim()).filter(Boolean);
  return v.length ? v : undefined;
}

/** A band with one end changed from an input's text ('' clears it). */
export function withBandEnd(b: Band | undefined, end: 'min' | 'max', text: string): Band | undefined {
  const v = text.trim() === '' ? undefined : Number(text);
  const next = { ...b, [end]: v !== undefined && Number.isFinite(v) ? v : undefined };
  return next.min === undefined && next.max === undefined ? undefined : next;
}

/** The conditions with one field replaced (removed when undefined). */
export function withCondition<K extends keyof RuleConditions>(c: RuleConditions, key: K, value: RuleConditions[K]): RuleConditions {
  const next = { ...c };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next;
}

/** A fresh action of a kind, keeping what can be kept. */
export function actionOfKind(kind: RuleAction['kind'], firstTerritory: string): RuleAction {
  switch (kind) {
    case 'territory': return { kind, territoryId: firstTerritory };
    case 'geo-territory': return { kind };
    case 'rep': return { kind, repId: '' };
    case 'round-robin': return { kind, team: 'Team', repIds: [] };
    case 'queue': return { kind, queue: 'Queue' };
  }
}

/** Account lists as editable text: one "Name: member, member" per line. */
export function listsText(lists: Record<string, string[]>): string {
  return Object.entries(lists).map(([k, v]) => `${k}: ${v.join(', ')}`).join('\n');
}

/** Parses the account lists text (lines without a colon are ignored). */
export function parseLists(text: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const line of text.split('\n')) {
    const i = line.indexOf(':');
    if (i <= 0) continue;
    out[line.slice(0, i).trim()] = parseList(line.slice(i + 1)) ?? [];
  }
  return out;
}
