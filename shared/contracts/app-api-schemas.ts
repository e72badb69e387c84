import { APP_API_SCHEMAS, type AppMethod } from './app-api';

/** Validates the argument of a method; returns a readable message on failure. */
export function validateAppArg(method: AppMethod, arg: unknown): { ok: true; value: unknown } | { ok: false; message: string } {
  const parsed = APP_API_SCHEMAS[method].safeParse(arg ?? {});
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length ? ` at ${issue.path.join('.')}` : '';
  return { ok: false, message: `Invalid argument for ${method}${where}: ${issue?.message ?? 'invalid'}` };
}
