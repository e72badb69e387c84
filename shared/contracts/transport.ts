import type { AppApi } from './app-api';

/** Path prefix of API calls in browser mode: POST /api/<method> (authorised by the session cookie). */
export const API_PREFIX = '/api/';

/** Body of a successful HTTP API reply: the method's return value. */
export type HttpReply = { result: unknown } | { error: { code: string; message: string } };

/** What the renderer talks to: the same object over IPC (window.tessera) or HTTP. */
export type AppClient = { [M in keyof AppApi]: AppApi[M] };

/** HTTP header naming a cancellable long call with the caller's key, for call.status and call.cancel. */
export const CALL_KEY_HEADER = 'x-tessera-call';

/** Makes one call under the caller's key, so call.status reports its progress and call.cancel stops it. */
export type TrackedCall = (method: keyof AppApi, arg: unknown, key: string) => Promise<unknown>;
