import { z } from 'zod';
import type { Result } from '../result';
import type { ArgSchemas } from './common';

/**
 * Where a long call (see ../long-calls.ts) is. The caller names the call with a key of its choosing (the
 * `x-tessera-call` header over HTTP, the preload's tracked call over IPC); `done` of `total` steps are
 * finished and `step` says what runs now ("Scenario 2 of 3"). A cancelled call answers its caller with
 * the value `{ ok: false, error: { code: 'cancelled' } }` and has written nothing.
 */
export type CallStatus = {
  key: string;
  method: string;
  state: 'waiting' | 'running' | 'done' | 'failed' | 'cancelled';
  step: string;
  done: number;
  total: number;
  /** Milliseconds since the call arrived. */
  ms: number;
};

/** Progress and cancelling of long calls. */
export type CallApi = {
  /** The call's progress; not-found when no long call with that key arrived lately. */
  'call.status': (a: { key: string }) => Promise<Result<CallStatus, 'not-found'>>;
  /** Stops the call at its next step (or before it starts); its caller gets the cancelled value. */
  'call.cancel': (a: { key: string }) => Promise<Result<CallStatus, 'not-found'>>;
};

/** A call key: 8 to 64 letters, digits or dashes (a UUID fits). */
export const CALL_KEY_PATTERN = /^[A-Za-z0-9-]{8,64}$/;
const keyArg = z.object({ key: z.string().regex(CALL_KEY_PATTERN, 'a call key is 8 to 64 letters, digits or dashes') }).strict();

/** Argument validators of CallApi. */
export const callSchemas = {
  'call.status': keyArg,
  'call.cancel': keyArg,
} as const satisfies ArgSchemas<CallApi>;
