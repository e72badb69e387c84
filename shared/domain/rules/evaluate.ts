import type { Assignee, Band, ConditionCheck, Lead, RoundRobinState, RoutedLead, RoutingRule, RuleConditions, RuleSet } from './types';

/** Normalises a value for case-insensitive list matching. */
export function norm(s: string): string {
  return s.trim().toLowerCase();
}

type Check = (lead: Lead) => ConditionCheck;

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

function listCheck(field: keyof RuleConditions, label: string, values: string[] | undefined, get: (l: Lead) => string): Check | null {
  if (!values || values.length === 0) return null;
  const set = new Set(values.map(norm));
  const text = shown(values);
  return (lead) => {
    const v = get(lead);
    const ok = v !== '' && set.has(norm(v));
    return { field, ok, detail: `${label} ${v === '' ? '(blank)' : v} ${ok ? 'in' : 'not in'} ${text}` };
  };
}

function zipCheck(values: string[] | undefined): Check | null {
  if (!values || values.length === 0) return null;
  const exact = new Set(values.filter((z) => !z.endsWith('*')));
  const prefixes = values.filter((z) => z.endsWith('*')).map((z) => z.slice(0, -1));
  const text = shown(values);
  return (lead) => {
    const z = lead.zip;
    const ok = z !== '' && (exact.has(z) || prefixes.some((p) => z.startsWith(p)));
    return { field: 'zips', ok, detail: `ZIP ${z || '(blank)'} ${ok ? 'in' : 'not in'} ${text}` };
  };
}

function bandCheck(field: 'employees' | 'revenue', b: Band | undefined, get: (l: Lead) => number | null): Check | null {
  if (!b || (b.min === undefined && b.max === undefined)) return null;
  const text = bandText(b);
  return (lead) => {
    const v = get(lead);
    const ok = v !== null && inBand(v, b);
    return { field, ok, detail: `${field} ${v ?? '(blank)'} ${ok ? 'in' : 'not in'} ${text}` };
  };
}

function accountListCheck(names: string[] | undefined, lists: Record<string, string[]>): Check | null {
  if (!names || names.length === 0) return null;
  const members = new Map<string, string>();
  for (const n of names) for (const m of lists[n] ?? []) if (!members.has(norm(m))) members.set(norm(m), n);
  return (lead) => {
    const hit = members.get(norm(lead.accountId)) ?? members.get(norm(lead.company));
    const who = lead.accountId || lead.company || '(blank)';
    return { field: 'accountLists', ok: hit !== undefined, detail: hit ? `account ${who} on list ${hit}` : `account ${who} on none of ${shown(names)}` };
  };
}

/** Compiles the enabled rules of a rule set, in order. */
export function compileRules(rs: RuleSet): CompiledRule[] {
  const out: CompiledRule[] = [];
  for (const [index, rule] of rs.rules.entries()) {
    if (!rule.enabled) continue;
    const c = rule.conditions;
    const checks = [
      listCheck('territories', 'territory', c.territories, (l) => l.territoryId ?? ''),
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

/** Checks every condition of a compiled rule; matched when all pass (a rule without conditions matches all). */
export function matchRule(r: CompiledRule, lead: Lead): { matched: boolean; checks: ConditionCheck[] } {
  const checks = r.checks.map((c) => c(lead));
  return { matched: checks.every((c) => c.ok), checks };
}

/** Per rule index, how many leads its conditions matched (won or not); per rule id, the earlier rules that took its matches. */
export type RuleStats = { matched: Int32Array; takenBy: Map<string, Set<string>> };

/** Territory -> rep lookup the actions need. */
export type RoutingContext = { territoryRep: ReadonlyMap<string, string | null> };

const queue = (name: string): Assignee => ({ kind: 'queue', territoryId: null, repId: null, queue: name });

function assign(rule: RoutingRule, lead: Lead, ctx: RoutingContext, rr: RoundRobinState, fallback: string): { assignee: Assignee; note: string } {
  const a = rule.action;
  switch (a.kind) {
    case 'territory':
      return { assignee: { kind: 'territory', territoryId: a.territoryId, repId: ctx.territoryRep.get(a.territoryId) ?? null, queue: null }, note: `territory ${a.territoryId}` };
    case 'geo-territory':
      if (!lead.territoryId) return { assignee: queue(fallback), note: `no territory for the lead's location, to ${fallback}` };
      return { assignee: { kind: 'territory', territoryId: lead.territoryId, repId: ctx.territoryRep.get(lead.territoryId) ?? null, queue: null }, note: `its territory ${lead.territoryId}` };
    case 'rep':
      return { assignee: { kind: 'rep', territoryId: null, repId: a.repId, queue: null }, note: `rep ${a.repId}` };
    case 'round-robin': {
      const cursor = rr[rule.id] ?? 0;
      const repId = a.repIds[cursor % a.repIds.length]!;
      rr[rule.id] = cursor + 1;
      return { assignee: { kind: 'rep', territoryId: null, repId, queue: null }, note: `team ${a.team} round-robin turn ${cursor + 1} → ${repId}` };
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
  const compiled = compileRules(rs);
  const rr: RoundRobinState = { ...state };
  const stats: RuleStats = { matched: new Int32Array(rs.rules.length), takenBy: new Map() };
  const routed = leads.map((lead): RoutedLead => {
    const skipped: RoutedLead['skipped'] = [];
    let winner: { r: CompiledRule; checks: ConditionCheck[] } | null = null;
    for (const r of compiled) {
      const m = matchRule(r, lead);
      if (m.matched) {
        stats.matched[r.index]!++;
        if (winner) {
          let by = stats.takenBy.get(r.rule.id);
          if (!by) stats.takenBy.set(r.rule.id, (by = new Set()));
          by.add(winner.r.rule.id);
        }
        winner ??= { r, checks: m.checks };
      } else if (!winner) {
        skipped.push({ ruleId: r.rule.id, detail: m.checks.find((c) => !c.ok)!.detail });
      }
    }
    if (!winner) {
      return { leadId: lead.id, ruleId: null, ruleName: '', assignee: queue(rs.fallbackQueue), checks: [], skipped, reason: `No rule matched; fallback queue ${rs.fallbackQueue}` };
    }
    const { assignee, note } = assign(winner.r.rule, lead, ctx, rr, rs.fallbackQueue);
    const why = winner.checks.length ? winner.checks.map((c) => c.detail).join('; ') : 'no conditions (matches every lead)';
    return { leadId: lead.id, ruleId: winner.r.rule.id, ruleName: winner.r.rule.name, assignee, checks: winner.checks, skipped, reason: `Rule '${winner.r.rule.name}': ${why} → ${note}` };
  });
  return { routed, state: rr, stats };
}
