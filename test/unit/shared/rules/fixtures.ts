import type { Lead, RoutingRule, RuleSet } from '../../../../shared/domain/rules/types';

/** A lead with sensible blanks; override what a test needs. */
export function lead(over: Partial<Lead> = {}): Lead {
  return { id: 'L', company: '', accountId: '', zip: '', state: '', industry: '', segment: '', employees: null, revenue: null, territoryId: null, ...over };
}

/** A rule routing to a queue named after its id unless an action is given. */
export function rule(id: string, conditions: RoutingRule['conditions'], action?: RoutingRule['action'], enabled = true): RoutingRule {
  return { id, name: id, enabled, conditions, action: action ?? { kind: 'queue', queue: id } };
}

/** A rule set over the rules. */
export function ruleSet(rules: RoutingRule[], accountLists: Record<string, string[]> = {}): RuleSet {
  return { version: 1, rules, accountLists, fallbackQueue: 'fallback' };
}

/** Territory T1 worked by rep R1, T2 vacant. */
export const ctx = { territoryRep: new Map<string, string | null>([['T1', 'R1'], ['T2', null]]) };
