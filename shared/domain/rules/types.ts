// Lead routing rules: an ordered list per scenario. Each rule ANDs its conditions; a list condition
// matches when the lead's value is one of the listed values; an absent or empty condition matches all.

/** Inclusive lower and exclusive upper bound; either may be absent (open). */
export type Band = { min?: number | undefined; max?: number | undefined };

/** What a rule checks about a lead. */
export type RuleConditions = {
  /** Territory the lead's location falls in (through its ZIP's geo unit). */
  territories?: string[] | undefined;
  /** Two-letter state codes. */
  states?: string[] | undefined;
  /** Five-digit ZIPs, or prefixes written with a trailing '*' (e.g. "750*"). */
  zips?: string[] | undefined;
  industries?: string[] | undefined;
  /** Segment labels (e.g. SMB, Enterprise). */
  segments?: string[] | undefined;
  employees?: Band | undefined;
  revenue?: Band | undefined;
  /** Names of named-account lists; the lead matches when its account id or company is on one. */
  accountLists?: string[] | undefined;
};

/** Where a matching lead goes. */
export type RuleAction =
  | { kind: 'territory'; territoryId: string }
  /** The territory the lead falls in (its geo unit's territory), to that territory's rep. */
  | { kind: 'geo-territory' }
  | { kind: 'rep'; repId: string }
  | { kind: 'round-robin'; team: string; repIds: string[] }
  | { kind: 'queue'; queue: string };

/** One routing rule. */
export type RoutingRule = {
  id: string;
  name: string;
  enabled: boolean;
  conditions: RuleConditions;
  action: RuleAction;
};

/** A scenario's routing rules, named-account lists, and the queue for leads no rule takes. */
export type RuleSet = {
  version: 1;
  rules: RoutingRule[];
  /** List name -> account ids or company names. */
  accountLists: Record<string, string[]>;
  fallbackQueue: string;
};

/** A lead as the rules see it (normalised by the caller; territoryId resolved from its geo unit). */
export type Lead = {
  id: string;
  company: string;
  accountId: string;
  zip: string;
  state: string;
  industry: string;
  segment: string;
  employees: number | null;
  revenue: number | null;
  territoryId: string | null;
};

/** Round-robin cursors by rule id: the next rep is repIds[cursor % repIds.length]. */
export type RoundRobinState = Record<string, number>;

/** Outcome of one condition for one lead. */
export type ConditionCheck = { field: keyof RuleConditions; ok: boolean; detail: string };

/** Where a lead was routed. */
export type Assignee = { kind: 'rep' | 'territory' | 'queue'; territoryId: string | null; repId: string | null; queue: string | null };

/** A routed lead: the rule that took it (null for the fallback queue), why, and why earlier rules did not. */
export type RoutedLead = {
  leadId: string;
  ruleId: string | null;
  ruleName: string;
  assignee: Assignee;
  /** The matched rule's condition checks (all ok), or empty for the fallback. */
  checks: ConditionCheck[];
  /** First failed condition of each earlier enabled rule. */
  skipped: { ruleId: string; detail: string }[];
  /** Human summary, e.g. "Rule 'Texas SMB': state TX in [TX]; employees 40 in [0, 100)". */
  reason: string;
};

/** An empty rule set. */
export const EMPTY_RULE_SET: RuleSet = { version: 1, rules: [], accountLists: {}, fallbackQueue: 'Unassigned leads' };
