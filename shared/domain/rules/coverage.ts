import { norm, type RuleStats } from './evaluate';
import type { Band, RoutedLead, RoutingRule, RuleConditions, RuleSet } from './types';

type ListField = 'territories' | 'states' | 'zips' | 'industries' | 'segments' | 'accountLists';
const LIST_FIELDS: readonly ListField[] = ['territories', 'states', 'zips', 'industries', 'segments', 'accountLists'];
const BAND_FIELDS = ['employees', 'revenue'] as const;

/** Why a rule can never (or did never) take a lead. */
export type ShadowFinding = {
  ruleId: string;
  ruleName: string;
  /** 'proven': earlier rules match every lead this rule could match; 'observed': it matched test leads but won none. */
  kind: 'proven' | 'observed';
  /** Ids of the earlier rules that take its leads. */
  by: string[];
  detail: string;
};

/** The coverage report: unmatched leads, shadowed rules, and per-rule counts. */
export type CoverageReport = {
  leads: number;
  unmatched: string[];
  shadowed: ShadowFinding[];
  perRule: { ruleId: string; ruleName: string; enabled: boolean; matched: number; won: number }[];
};

const empty = (l: string[] | undefined): boolean => !l || l.length === 0;

/** ZIP list A covers list B when every exact ZIP or prefix of B is inside an entry of A. */
function zipCovers(a: string[], b: string[]): boolean {
  const covers = (x: string, y: string): boolean => {
    const xp = x.endsWith('*') ? x.slice(0, -1) : null;
    if (xp === null) return !y.endsWith('*') && x === y;
    return (y.endsWith('*') ? y.slice(0, -1) : y).startsWith(xp);
  };
  return b.every((y) => a.some((x) => covers(x, y)));
}

/** True when list condition a (earlier) accepts every value list condition b (later) accepts. */
function listCovers(field: ListField, a: string[] | undefined, b: string[] | undefined, lists: RuleSet['accountLists']): boolean {
  if (empty(a)) return true;
  if (empty(b)) return false;
  if (field === 'zips') return zipCovers(a!, b!);
  if (field === 'accountLists') {
    const members = new Set(a!.flatMap((n) => lists[n] ?? []).map(norm));
    return b!.every((n) => (lists[n] ?? []).every((m) => members.has(norm(m))));
  }
  const set = new Set(a!.map(norm));
  return b!.every((v) => set.has(norm(v)));
}

function bandCovers(a: Band | undefined, b: Band | undefined): boolean {
  if (!a || (a.min === undefined && a.max === undefined)) return true;
  if (!b) return false;
  const lowOk = a.min === undefined || (b.min !== undefined && b.min >= a.min);
  const highOk = a.max === undefined || (b.max !== undefined && b.max <= a.max);
  return lowOk && highOk;
}

/** Fields on which earlier conditions a fail to cover later conditions b. */
function uncovered(a: RuleConditions, b: RuleConditions, lists: RuleSet['accountLists']): string[] {
  const out: string[] = [];
  for (const f of LIST_FIELDS) if (!listCovers(f, a[f], b[f], lists)) out.push(f);
  for (const f of BAND_FIELDS) if (!bandCovers(a[f], b[f])) out.push(f);
  return out;
}

/**
 * Sound shadowing on the condition lists alone: rule B is proven shadowed when one earlier enabled rule
 * covers every condition of B, or when earlier rules that cover B on every field but one list field
 * together cover B's values on that field. It never claims a shadow that a lead could escape; it can miss
 * shadows that need data (e.g. ZIPs that all lie in an earlier rule's state).
 */
export function provenShadows(rs: RuleSet): ShadowFinding[] {
  const findings: ShadowFinding[] = [];
  const enabled = rs.rules.filter((r) => r.enabled);
  for (const [j, b] of enabled.entries()) {
    const earlier = enabled.slice(0, j);
    const whole = earlier.find((a) => uncovered(a.conditions, b.conditions, rs.accountLists).length === 0);
    if (whole) {
      findings.push({ ruleId: b.id, ruleName: b.name, kind: 'proven', by: [whole.id], detail: `every lead '${b.name}' could match is taken first by '${whole.name}'` });
      continue;
    }
    const union = unionCover(b, earlier, rs);
    if (union) findings.push({ ruleId: b.id, ruleName: b.name, kind: 'proven', by: union.by, detail: `earlier rules together cover its ${union.field}` });
  }
  return findings;
}

function unionCover(b: RoutingRule, earlier: RoutingRule[], rs: RuleSet): { field: ListField; by: string[] } | null {
  for (const f of LIST_FIELDS) {
    const values = b.conditions[f];
    if (f === 'accountLists' || empty(values)) continue;
    const helpers = earlier.filter((a) => uncovered(a.conditions, b.conditions, rs.accountLists).every((x) => x === f));
    if (helpers.length < 2) continue;
    const left = values!.filter((v) => !helpers.some((a) => listCovers(f, a.conditions[f], [v], rs.accountLists)));
    if (left.length === 0) return { field: f, by: helpers.map((a) => a.id) };
  }
  return null;
}

/** Builds the coverage report from a routing run: unmatched leads, proven and observed shadows, counts. */
export function coverageReport(rs: RuleSet, routed: readonly RoutedLead[], stats: RuleStats): CoverageReport {
  const won = new Map<string, number>();
  for (const r of routed) if (r.ruleId) won.set(r.ruleId, (won.get(r.ruleId) ?? 0) + 1);
  const perRule = rs.rules.map((r, i) => ({ ruleId: r.id, ruleName: r.name, enabled: r.enabled, matched: stats.matched[i] ?? 0, won: won.get(r.id) ?? 0 }));
  const shadowed = provenShadows(rs);
  const proven = new Set(shadowed.map((s) => s.ruleId));
  for (const p of perRule) {
    if (!p.enabled || proven.has(p.ruleId) || p.matched === 0 || p.won > 0) continue;
    shadowed.push({
      ruleId: p.ruleId,
      ruleName: p.ruleName,
      kind: 'observed',
      by: [...(stats.takenBy.get(p.ruleId) ?? [])],
      detail: `matched ${p.matched} test lead(s) but earlier rules took all of them`,
    });
  }
  return { leads: routed.length, unmatched: routed.filter((r) => r.ruleId === null).map((r) => r.leadId), shadowed, perRule };
}
