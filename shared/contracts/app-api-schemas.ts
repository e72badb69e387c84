import { z } from 'zod';
import { scenarioPayloadSchema } from '../schema/scenario-payload';
import type { AppMethod } from './app-api';

const empty = z.object({}).strict();
const path = z.string().min(1).max(4096);
const selector = z
  .object({ scenario: z.union([z.number().int().positive(), z.string().min(1).max(200)]), version: z.number().int().positive().optional() })
  .strict();

/** Argument validators for every AppApi method; transports reject anything that does not parse. */
export const APP_API_SCHEMAS = {
  'app.info': empty,
  'workspace.info': empty,
  'workspace.open': z.object({ path }).strict(),
  'workspace.create': z.object({ path, demo: z.boolean() }).strict(),
  'workspace.saveAs': z.object({ path }).strict(),
  'dataset.units': empty,
  'dataset.edges': empty,
  'dataset.geometry': empty,
  'dataset.accounts': empty,
  'dataset.reps': empty,
  'scenario.list': empty,
  'scenario.get': selector,
  'scenario.create': z
    .object({ name: z.string().trim().min(1).max(200), description: z.string().max(2000).optional(), from: selector.optional() })
    .strict(),
  'scenario.saveVersion': z
    .object({
      scenarioId: z.number().int().positive(),
      baseVersion: z.number().int().nonnegative(),
      payload: scenarioPayloadSchema,
      note: z.string().max(2000),
    })
    .strict(),
  'kpi.territories': selector,
} as const satisfies Record<AppMethod, z.ZodType>;

/** Validates the argument of a method; returns a readable message on failure. */
export function validateAppArg(method: AppMethod, arg: unknown): { ok: true; value: unknown } | { ok: false; message: string } {
  const parsed = APP_API_SCHEMAS[method].safeParse(arg ?? {});
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length ? ` at ${issue.path.join('.')}` : '';
  return { ok: false, message: `Invalid argument for ${method}${where}: ${issue?.message ?? 'invalid'}` };
}
