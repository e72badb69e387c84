import { z } from 'zod';
import type { AssigneeNames } from '../../domain/labels';
import type { CoverageReport } from '../../domain/rules/coverage';
import { ruleSetSchema } from '../../domain/rules/schema';
import type { RoundRobinState, RoutedLead, RuleSet } from '../../domain/rules/types';
import type { Result } from '../result';
import { selectorArg, type ScenarioSelector, type ArgSchemas } from './common';
import type { VersionRef } from './types';

/** A scenario version's routing rules with their problems and round-robin cursors. */
export type RulesView = { ref: VersionRef; rules: RuleSet; problems: string[]; cursors: RoundRobinState };

/** The result of routing a leads CSV: every lead's route, the coverage report, and routed.csv. */
export type RoutingRun = {
  ref: VersionRef;
  leads: number;
  /** Rows that could not be read, by CSV line. */
  rejected: { line: number; reason: string }[];
  /** Leads placed on no geo unit (their territory conditions cannot match). */
  unplaced: number;
  /** The first maxRows routed leads (all of them in the CSV). */
  routed: RoutedLead[];
  coverage: CoverageReport;
  csv: string;
  ms: number;
  /** Whether the round-robin cursors were saved (the CLI's route; never the test panel). */
  committed: boolean;
  /** Names of the scenario's reps and territories, to show assignees by name. */
  names: AssigneeNames;
};

/** Lead routing rules per scenario: read, save (as a new scenario version), and test-route a leads CSV. */
export type RulesApi = {
  'rules.get': (a: ScenarioSelector) => Promise<Result<RulesView, 'not-found'>>;
  'rules.save': (
    a: { scenarioId: number; baseVersion: number; rules: RuleSet; note?: string },
  ) => Promise<Result<VersionRef, 'stale-base' | 'invalid' | 'not-found' | 'read-only'>>;
  'rules.test': (
    a: { scenario: ScenarioSelector; csv: string; rules?: RuleSet; maxRows?: number },
  ) => Promise<Result<RoutingRun, 'not-found' | 'invalid'>>;
};

/** Argument validators of RulesApi. */
export const rulesSchemas = {
  'rules.get': selectorArg,
  'rules.save': z
    .object({ scenarioId: z.number().int().positive(), baseVersion: z.number().int().nonnegative(), rules: ruleSetSchema, note: z.string().max(2000).optional() })
    .strict(),
  'rules.test': z
    .object({ scenario: selectorArg, csv: z.string().max(32 * 1024 * 1024), rules: ruleSetSchema.optional(), maxRows: z.number().int().positive().max(100_000).optional() })
    .strict(),
} as const satisfies ArgSchemas<RulesApi>;
