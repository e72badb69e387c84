import { z } from 'zod';
import type { ScenarioPayload } from '../../domain/territories/types';
import { scenarioPayloadSchema } from '../../schema/scenario-payload';
import type { Result } from '../result';
import { emptyArg, selectorArg, type Empty, type ScenarioSelector, type ArgSchemas } from './common';
import type { KpiTable, ScenarioSummary, ScenarioVersion, VersionRef } from './types';

/** Scenarios, their immutable versions, and their KPIs. */
export type ScenarioApi = {
  'scenario.list': (a: Empty) => Promise<ScenarioSummary[]>;
  'scenario.get': (a: ScenarioSelector) => Promise<Result<ScenarioVersion, 'not-found'>>;
  'scenario.create': (
    a: { name: string; description?: string; from?: ScenarioSelector },
  ) => Promise<Result<ScenarioSummary, 'exists' | 'not-found' | 'invalid' | 'read-only'>>;
  /** A first scenario for a workspace: K territories of whole states, or one territory per rep. */
  'scenario.createStarter': (
    a: { name: string; method: 'state-groups' | 'per-rep'; k?: number; measure?: string },
  ) => Promise<Result<ScenarioSummary, 'exists' | 'invalid' | 'read-only'>>;
  'scenario.saveVersion': (
    a: { scenarioId: number; baseVersion: number; payload: ScenarioPayload; note: string },
  ) => Promise<Result<VersionRef, 'stale-base' | 'invalid' | 'not-found' | 'read-only'>>;
  'kpi.territories': (a: ScenarioSelector) => Promise<Result<KpiTable, 'not-found'>>;
};

/** Argument validators of ScenarioApi. */
export const scenarioSchemas = {
  'scenario.list': emptyArg,
  'scenario.get': selectorArg,
  'scenario.create': z
    .object({ name: z.string().trim().min(1).max(200), description: z.string().max(2000).optional(), from: selectorArg.optional() })
    .strict(),
  'scenario.createStarter': z
    .object({
      name: z.string().trim().min(1).max(200),
      method: z.enum(['state-groups', 'per-rep']),
      k: z.number().int().min(1).max(10_000).optional(),
      measure: z.string().max(200).optional(),
    })
    .strict(),
  'scenario.saveVersion': z
    .object({
      scenarioId: z.number().int().positive(),
      baseVersion: z.number().int().nonnegative(),
      payload: scenarioPayloadSchema,
      note: z.string().max(2000),
    })
    .strict(),
  'kpi.territories': selectorArg,
} as const satisfies ArgSchemas<ScenarioApi>;
