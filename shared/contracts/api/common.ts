import { z } from 'zod';

/** Argument schema of methods that take no argument. */
export const emptyArg = z.object({}).strict();
/** A file system path argument. */
export const pathArg = z.string().min(1).max(4096);
/** Scenario selector: id or name, optional version. */
export const selectorArg = z
  .object({ scenario: z.union([z.number().int().positive(), z.string().min(1).max(200)]), version: z.number().int().positive().optional() })
  .strict();

/** Selects a scenario by id or by name; version defaults to the head. */
export type ScenarioSelector = { scenario: number | string; version?: number };
/** No argument. */
export type Empty = Record<string, never>;
