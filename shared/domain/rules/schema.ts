import { z } from 'zod';
import type { RoutingRule, RuleSet } from './types';

const name = z.string().trim().min(1).max(200);
const list = z.array(z.string().trim().min(1).max(200)).max(100_000).optional();
const band = z
  .object({ min: z.number().finite().optional(), max: z.number().finite().optional() })
  .strict()
  .refine((b) => b.min === undefined || b.max === undefined || b.min < b.max, 'band min must be below max')
  .optional();

/** Validates one routing rule. */
export const routingRuleSchema = z
  .object({
    id: name,
    name,
    enabled: z.boolean(),
    conditions: z
      .object({
        territories: list,
        states: list,
        zips: z.array(z.string().regex(/^(\d{5}|\d{1,4}\*)$/, 'ZIP must be 5 digits or a prefix like 750*')).max(100_000).optional(),
        industries: list,
        segments: list,
        employees: band,
        revenue: band,
        accountLists: list,
      })
      .strict(),
    action: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('territory'), territoryId: name }).strict(),
      z.object({ kind: z.literal('geo-territory') }).strict(),
      z.object({ kind: z.literal('rep'), repId: name }).strict(),
      z.object({ kind: z.literal('round-robin'), team: name, repIds: z.array(name).min(1).max(1000) }).strict(),
      z.object({ kind: z.literal('queue'), queue: name }).strict(),
    ]),
  })
  .strict() satisfies z.ZodType<RoutingRule>;

/** Validates a rule set (what scenario settings store under "routing"). */
export const ruleSetSchema = z
  .object({
    version: z.literal(1),
    rules: z.array(routingRuleSchema).max(1000),
    accountLists: z.record(name, z.array(z.string().trim().min(1).max(200)).max(100_000)),
    fallbackQueue: name,
  })
  .strict() satisfies z.ZodType<RuleSet>;

/** Cross-reference problems a schema cannot see: duplicate rule ids, unknown lists, territories or reps. */
export function ruleSetProblems(rs: RuleSet, known: { territories: ReadonlySet<string>; reps: ReadonlySet<string> }): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const [i, r] of rs.rules.entries()) {
    const where = `Rule ${i + 1} (${r.name})`;
    if (ids.has(r.id)) problems.push(`${where}: duplicate rule id ${r.id}`);
    ids.add(r.id);
    for (const l of r.conditions.accountLists ?? []) if (!rs.accountLists[l]) problems.push(`${where}: unknown account list "${l}"`);
    for (const t of r.conditions.territories ?? []) if (!known.territories.has(t)) problems.push(`${where}: unknown territory ${t}`);
    const a = r.action;
    if (a.kind === 'territory' && !known.territories.has(a.territoryId)) problems.push(`${where}: action names unknown territory ${a.territoryId}`);
    if (a.kind === 'rep' && !known.reps.has(a.repId)) problems.push(`${where}: action names unknown rep ${a.repId}`);
    if (a.kind === 'round-robin') for (const rep of a.repIds) if (!known.reps.has(rep)) problems.push(`${where}: team ${a.team} names unknown rep ${rep}`);
  }
  return problems;
}
