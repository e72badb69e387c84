import { validateAppArg } from '../../shared/contracts/app-api-schemas';
import { isAppMethod, type AppApi } from '../../shared/contracts/app-api';

/** A call rejected before it reached a service (unknown method or invalid argument). */
export class BadCallError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BadCallError';
  }
}

/**
 * The one entry point every transport uses (IPC, HTTP, tests): checks the method name,
 * validates the argument against the contract's schema, then calls the service.
 */
export async function dispatch(api: AppApi, method: string, arg: unknown): Promise<unknown> {
  if (!isAppMethod(method)) throw new BadCallError(`Unknown API method: ${method}`);
  const valid = validateAppArg(method, arg);
  if (!valid.ok) throw new BadCallError(valid.message);
  const fn = api[method] as (a: unknown) => Promise<unknown>;
  return fn(valid.value);
}
