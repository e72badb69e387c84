import type Database from 'better-sqlite3';
import { ruleSetSchema } from '../../../shared/domain/rules/schema';
import { EMPTY_RULE_SET, type RoundRobinState, type RuleSet } from '../../../shared/domain/rules/types';
import type { ScenarioPayload } from '../../../shared/domain/territories/types';
import { readMeta, writeMeta } from '../../db/dataset-repo';

/** Key of the rule set in ScenarioPayload.settings: rules are versioned with the scenario. */
export const RULES_SETTING = 'routing';

/** The rule set stored in a payload (empty when none); a stored set that fails validation is reported, not used. */
export function rulesOf(payload: ScenarioPayload): { rules: RuleSet; problems: string[] } {
  const raw = payload.settings[RULES_SETTING];
  if (raw === undefined) return { rules: EMPTY_RULE_SET, problems: [] };
  const parsed = ruleSetSchema.safeParse(raw);
  if (parsed.success) return { rules: parsed.data as RuleSet, problems: [] };
  return { rules: EMPTY_RULE_SET, problems: parsed.error.issues.map((i) => `Stored routing rules are invalid at ${i.path.join('.')}: ${i.message}`) };
}

/** The payload with its rule set replaced. */
export function withRules(payload: ScenarioPayload, rules: RuleSet): ScenarioPayload {
  return { ...payload, settings: { ...payload.settings, [RULES_SETTING]: rules } };
}

// Round-robin cursors are operational state, not design: they live in the meta table (one JSON value per
// scenario) so routing leads does not create scenario versions, and no migration is needed.
const cursorKey = (scenarioId: number): string => `routing.cursors.${scenarioId}`;

/** Round-robin cursors of a scenario ({} before its first routing run). */
export function readCursors(db: Database.Database, scenarioId: number): RoundRobinState {
  const raw = readMeta(db, cursorKey(scenarioId));
  if (!raw) return {};
  try {
    const v = JSON.parse(raw) as unknown;
    return v && typeof v === 'object' ? (v as RoundRobinState) : {};
  } catch {
    return {};
  }
}

/** Saves the round-robin cursors of a scenario. */
export function writeCursors(db: Database.Database, scenarioId: number, state: RoundRobinState): void {
  writeMeta(db, cursorKey(scenarioId), JSON.stringify(state));
}
