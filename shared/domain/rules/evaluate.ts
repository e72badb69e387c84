import type { Assignee, Band, ConditionCheck, Lead, RoundRobinState, RoutedLead, RoutingRule, RuleConditions, RuleSet } from './types';
import type { AssigneeNames } from '../labels';

/** Normalises a value for case-insensitive list matching. */
export function norm(s: string): string {
  return s.trim().toLowerCase();
}

/** A condition as a fast test plus an explanation built only when someone reads it. */
type Check = { test: (lead: Lead) => boolean; explain: (lead: Lead) => ConditionCheck };

/** A rule with its lists turned into sets, so each lead costs a few lookups. */
export type CompiledRule = { rule: RoutingRule; index: number; checks: Check[] };

const shown = (values: readonly string[]): string => (values.length > 5 ? `[${values.slice(0, 5).join(', ')}, … ${values.length - 5} more]` : `[${values.join(', ')}]`);

/** Formats a band as "[min, max)"; open ends show as -∞ / ∞. */
export function bandText(b: Band): string {
  return `[${b.min ?? '-∞'}, ${b.max ?? '∞'})`;
}

/** True when v lies in the band (min inclusive, max exclusive). */
export function inBand(v: number, b: Band): boolean {
  return (b.min === undefined || v >= b.min) && (b.max === undefined || v < b.max);
}

function listCheck(field: keyof RuleConditions, label: string, values: string[] | undefined, get: (l: Lead) => string, name: (v: string) => string = (v) => v): Check | null {
  if (!values || values.length === 0) return null;
  const set = new Set(values.map(norm));
  const text = shown(values.map(name));
  const test = (lead: Lead): boolean => {
    const v = get(lead);
    return v !== '' && set.has(norm(v));
  };
  return { test, explain: (lead) => {
    const v = get(lead);
    const ok = test(lead);
    return { field, ok, detail: `${label} ${v === '' ? '(blank)' : name(v)} ${ok ? 'in' : 'not in'} ${text}` };
  } };
}

function zipCheck(values: string[] | undefined): Check | null {
  if (!values || values.length === 0) return null;
  const exact = new Set(values.filter((z) => !z.endsWith('*')));
  const prefixes = values.filter((z) => z.endsWith('*')).map((z) => z.slice(0, -1));
  const text = shown(values);
  const test = (lead: Lead): boolean => lead.zip !== '' && (exact.has(lead.zip) || prefixes.some((p) => lead.zip.startsWith(p)));
  return { test, explain: (lead) => {
    const ok = test(lead);
    return { field: 'zips', ok, detail: `ZIP ${lead.zip || '(blank)'} ${ok ? 'in' : 'not in'} ${text}` };
  } };
}

function bandCheck(field: 'employees' | 'revenue', b: Band | undefined, get: (l: Lead) => number | null): Check | null {
  if (!b || (b.min === undefined && b.max === undefined)) return null;
  const text = bandText(b);
  const test = (lead: Lead): boolean => {
    const v = get(lead);
    return v !== null && inBand(v, b);
  };
  return { test, explain: (lead) => {
    const ok = test(lead);
    return { field, ok, detail: `${field} ${get(lead) ?? '(blank)'} ${ok ? 'in' : 'not in'} ${text}` };
  } };
}

function accountListCheck(names: string[] | undefined, lists: Record<string, string[]>): Check | null {
  if (!names || names.length === 0) return null;
  const members = new Map<string, string>();
  for (const n of names) for (const m of lists[n] ?? []) if (!members.has(norm(m))) members.set(norm(m), n);
  const hitOf = (lead: Lead): string | undefined => members.get(norm(lead.accountId)) ?? members.get(norm(lead.company));
  return { test: (lead) => hitOf(lead) !== undefined, explain: (lead) => {
    const hit = hitOf(lead);
    const who = lead.accountId || lead.company || '(blank)';
    return { field: 'accountLists', ok: hit !== undefined, detail: hit ? `account ${who} on list ${hit}` : `account ${who} on none of ${shown(names)}` };
  } };
}

/** Compiles the enabled rules of a rule set, in order; explanations name territories by `names` where given. */
export function compileRules(rs: RuleSet, names?: AssigneeNames): CompiledRule[] {
  const territory = (id: string): string => names?.territories[id] ?? id;
  const out: CompiledRule[] = [];
  for (const [index, rule] of rs.rules.entries()) {
    if (!rule.enabled) continue;
    const c = rule.conditions;
    const checks = [
      listCheck('territories', 'territory', c.territories, (l) => l.territoryId ?? '', territory),
      listCheck('states', 'state', c.states, (l) => l.state),
      zipCheck(c.zips),
      listCheck('industries', 'industry', c.industries, (l) => l.industry),
      listCheck('segments', 'segment', c.segments, (l) => l.segment),
      bandCheck('employees', c.employees, (l) => l.employees),
      bandCheck('revenue', c.revenue, (l) => l.revenue),
      accountListCheck(c.accountLists, rs.accountLists),
    ].filter((x): x is Check => x !== null);
    out.push({ rule, index, checks });
  }
  return out;
}

/** True when every condition of a compiled rule holds (a rule without conditions matches all). */
export function ruleMatches(r: CompiledRule, lead: Lead): boolean {
  for (const c of r.checks) if (!c.test(lead)) return false;
  return true;
}

/** Checks every condition of a compiled rule with explanations; matched when all pass. */
export function matchRule(r: CompiledRule, lead: Lead): { matched: boolean; checks: ConditionCheck[] } {
  const checks = r.checks.map((c) => c.explain(lead));
  return { matched: checks.every((c) => c.ok), checks };
}

/** Per rule index, how many leads its conditions matched (won or not); per rule id, the earlier rules that took its matches. */
export type RuleStats = { matched: Int32Array; takenBy: Map<string, Set<string>> };

/** Territory -> rep lookup the actions need. */
/** Who owns each territory, and the names the explanations use (ids when a name is not given). */
export type RoutingContext = { territoryRep: ReadonlyMap<string, string | null>; names?: AssigneeNames };

const territoryName = (ctx: RoutingContext, id: string): string => ctx.names?.territories[id] ?? id;
const repName = (ctx: RoutingContext, id: string): string => ctx.names?.reps[id] ?? id;

const queue = (name: string): Assignee => ({ kind: 'queue', territoryId: null, repId: null, queue: name });

function assign(rule: RoutingRule, lead: Lead, ctx: RoutingContext, rr: RoundRobinState, fallback: string): { assignee: Assignee; note: string } {
  const a = rule.action;
  switch (a.kind) {
    case 'territory':
      return { assignee: { kind: 'territory', territoryId: a.territoryId, repId: ctx.territoryRep.get(a.territoryId) ?? null, queue: null }, note: `territory ${territoryName(ctx, a.territoryId)}` };
    case 'geo-territory':
      if (!lead.territoryId) return { assignee: queue(fallback), note: `no territory for the lead's location, to ${fallback}` };
      return { assignee: { kind: 'territory', territoryId: lead.territoryId, repId: ctx.territoryRep.get(lead.territoryId) ?? null, queue: null }, note: `its territory ${territoryName(ctx, lead.territoryId)}` };
    case 'rep':
      return { assignee: { kind: 'rep', territoryId: null, repId: a.repId, queue: null }, note: `rep ${repName(ctx, a.repId)}` };
    case 'round-robin': {
      const cursor = rr[rule.id] ?? 0;
      const repId = a.repIds[cursor % a.repIds.length]!;
      rr[rule.id] = cursor + 1;
      return { assignee: { kind: 'rep', territoryId: null, repId, queue: null }, note: `team ${a.team} round-robin turn ${cursor + 1} → ${repName(ctx, repId)}` };
    }
    case 'queue':
      return { assignee: queue(a.queue), note: `queue ${a.queue}` };
  }
}

/**
 * Routes leads in order through the first matching enabled rule; leads no rule takes go to the fallback
 * queue. Round-robin is deterministic: it continues from the given cursors and returns the advanced ones
 * (the input state is not changed), so the same leads from the same state always route the same way.
 */
export function routeLeads(
  rs: RuleSet,
  leads: readonly Lead[],
  ctx: RoutingContext,
  state: RoundRobinState = {},
): { routed: RoutedLead[]; state: RoundRobinState; stats: RuleStats } {
  const compiled = compileRules(rs, ctx.names);
  const rr: RoundRobinState = { ...state };
  const stats: RuleStats = { matched: new Int32Array(rs.rules.length), takenBy: new Map() };
  const routed = leads.map((lead): RoutedLead => {
    const skipped: RoutedLead['skipped'] = [];
    // Fast boolean tests for every rule (the counts feed the coverage report); explanations only for
    // the winner and for the first failed condition of each rule before it.
    let winner: CompiledRule | null = null;
    for (const r of compiled) {
      if (ruleMatches(r, lead)) {
        stats.matched[r.index]!++;
        if (winner) {
          let by = stats.takenBy.get(r.rule.id);
          if (!by) stats.takenBy.set(r.rule.id, (by = new Set()));
          by.add(winner.rule.id);
        } else winner = r;
      } else if (!winner) {
        skipped.push({ ruleId: r.rule.id, detail: r.checks.find((c) => !c.test(lead))!.explain(lead).detail });
      }
    }
    if (!winner) {
      return { leadId: lead.id, ruleId: null, ruleName: '', assignee: queue(rs.fallbackQueue), checks: [], skipped, reason: `No rule matched; fallback queue ${rs.fallbackQueue}` };
    }
    const checks = matchRule(winner, lead).checks;
    const { assignee, note } = assign(winner.rule, lead, ctx, rr, rs.fallbackQueue);
    const why = checks.length ? checks.map((c) => c.detail).join('; ') : 'no conditions (matches every lead)';
    return { leadId: lead.id, ruleId: winner.rule.id, ruleName: winner.rule.name, assignee, checks, skipped, reason: `Rule '${winner.rule.name}': ${why} → ${note}` };
  });
  return { routed, state: rr, stats };
}
