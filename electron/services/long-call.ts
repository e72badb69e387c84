import { AsyncLocalStorage } from 'node:async_hooks';
import type { CallStatus } from '../../shared/contracts/api/call-api';
import { err, ok, type Result } from '../../shared/contracts/result';

/** A tracked call; `scale` maps the steps of a nested part (see inStep) into the call's own steps. */
type Entry = { status: CallStatus; started: number; abort: AbortController; scale?: { from: number; width: number; total: number } };

/** Thrown by checkpoint() when the running call was cancelled; LongCalls.run turns it into the cancelled value. */
class CallCancelled extends Error {
  constructor() {
    super('The call was cancelled.');
    this.name = 'CallCancelled';
  }
}

/** True for what checkpoint() throws on a cancelled call: code that cleans up after a failure rethrows it. */
export function isCallCancelled(e: unknown): boolean {
  return e instanceof CallCancelled;
}

const current = new AsyncLocalStorage<Entry>();
const yieldToEvents = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * A step boundary of a long call: records that `done` of `total` steps are finished and `step` runs next,
 * lets the event loop deliver waiting messages (a call.cancel, a call.status), then throws if the call was
 * cancelled. Outside a tracked call (the CLI, direct tests) it does nothing.
 */
export async function checkpoint(step: string, done: number, total: number): Promise<void> {
  const entry = current.getStore();
  if (!entry) return;
  const at = entry.scale ? { done: entry.scale.from + (total ? (done / total) * entry.scale.width : 0), total: entry.scale.total } : { done, total };
  Object.assign(entry.status, { step, ...at, ms: Math.round(performance.now() - entry.started) });
  await yieldToEvents();
  if (entry.abort.signal.aborted) throw new CallCancelled();
}

/**
 * Runs fn as step `done` of `total` of the current call: the checkpoints inside it (e.g. a compare inside a
 * report) count as fractions of that one step, so the call's progress never goes back.
 */
export async function inStep<T>(done: number, total: number, fn: () => Promise<T>): Promise<T> {
  const entry = current.getStore();
  if (!entry) return fn();
  const s = entry.scale;
  const scale = s ? { from: s.from + (done / total) * s.width, width: s.width / total, total: s.total } : { from: done, width: 1, total };
  return current.run({ ...entry, scale }, fn);
}

/** How many finished calls call.status still knows (a poll that arrives just after the end gets done/cancelled). */
const KEEP_FINISHED = 50;

/**
 * The services' cancellable long calls by the caller's key (see shared/contracts/api/call-api.ts): the host
 * registers a call when it arrives and runs it through run(); call.status and call.cancel read and stop it.
 */
export class LongCalls {
  private readonly calls = new Map<string, Entry>();

  /** Records a call that waits for its turn. */
  register(key: string, method: string): void {
    this.calls.delete(key);
    this.calls.set(key, { status: { key, method, state: 'waiting', step: 'Waiting for its turn', done: 0, total: 0, ms: 0 }, started: performance.now(), abort: new AbortController() });
    this.forgetOld();
  }

  /**
   * Runs the registered call: fn sees its progress reporter and cancel flag through checkpoint(). A call
   * cancelled before or while it runs resolves to `{ ok: false, error: { code: 'cancelled' } }`.
   */
  async run<T>(key: string, fn: () => Promise<T>): Promise<T | Result<never, 'cancelled'>> {
    const entry = this.calls.get(key);
    if (!entry) return fn();
    const cancelled = (): Result<never, 'cancelled'> => {
      this.finish(entry, 'cancelled');
      return err('cancelled', 'Cancelled before it finished; nothing was written.');
    };
    if (entry.abort.signal.aborted) return cancelled();
    entry.status.state = 'running';
    entry.status.step = 'Starting';
    try {
      const value = await current.run(entry, fn);
      this.finish(entry, 'done');
      return value;
    } catch (e) {
      if (e instanceof CallCancelled) return cancelled();
      this.finish(entry, 'failed');
      throw e;
    }
  }

  /** The call's progress. */
  status(key: string): Result<CallStatus, 'not-found'> {
    const entry = this.calls.get(key);
    if (!entry) return err('not-found', `No long call with key ${key} arrived lately.`);
    if (entry.status.state === 'waiting' || entry.status.state === 'running') entry.status.ms = Math.round(performance.now() - entry.started);
    return ok({ ...entry.status });
  }

  /** Asks the call to stop at its next step (a waiting call never starts); a finished call is left as it is. */
  cancel(key: string): Result<CallStatus, 'not-found'> {
    const entry = this.calls.get(key);
    if (!entry) return err('not-found', `No long call with key ${key} arrived lately.`);
    if (entry.status.state === 'waiting' || entry.status.state === 'running') entry.abort.abort();
    if (entry.status.state === 'waiting') this.finish(entry, 'cancelled');
    return this.status(key);
  }

  private finish(entry: Entry, state: 'done' | 'failed' | 'cancelled'): void {
    Object.assign(entry.status, { state, step: { done: 'Done', failed: 'Failed', cancelled: 'Cancelled' }[state], ms: Math.round(performance.now() - entry.started) });
    if (state === 'done') entry.status.done = entry.status.total;
  }

  private forgetOld(): void {
    const finished = [...this.calls.values()].filter((e) => e.status.state !== 'waiting' && e.status.state !== 'running');
    for (const e of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) this.calls.delete(e.status.key);
  }
}
