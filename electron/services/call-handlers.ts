import type { CallApi } from '../../shared/contracts/api/call-api';
import type { LongCalls } from './long-call';

/** Handlers of call.status and call.cancel over the services' long calls. */
export function callHandlers(calls: LongCalls): CallApi {
  return {
    'call.status': async ({ key }) => calls.status(key),
    'call.cancel': async ({ key }) => calls.cancel(key),
  };
}
