import type { CallStatus } from '../../shared/contracts/api/call-api';
import type { AppArg, AppMethod, AppReturn } from '../../shared/contracts/app-api';
import { api, trackedCall } from './client';

/** What a running long call reports: `done` of `total` steps finished, `step` running now, `ms` since it arrived. */
export type CallProgress = Pick<CallStatus, 'step' | 'done' | 'total' | 'ms'>;

/** A long call under way: its answer, and how to stop it (the answer is then the cancelled value). */
export type LongCall<T> = { result: Promise<T>; cancel: () => void };

/** Progress is first asked for after this long, so a quick call shows no bar. */
export const SHOW_PROGRESS_AFTER_MS = 500;
const POLL_MS = 200;
const CANCELLED = { ok: false, error: { code: 'cancelled', message: 'Cancelled: its answer was not used.' } } as const;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts a cancellable long call (shared/contracts/long-calls.ts CANCELLABLE_CALLS) under a fresh key. Once
 * it has run for SHOW_PROGRESS_AFTER_MS, onProgress gets its progress (call.status) until it answers;
 * cancel() asks the services to stop it (call.cancel), and result then resolves to `{ ok: false, error: { code: 'cancelled' } }`.
 * With `writes`, a call that finished before the cancel could stop it answers what it did (it cannot be undone
 * by ignoring it); otherwise such an answer is dropped, since the call only read.
 */
export function startLongCall<M extends AppMethod>(method: M, arg: AppArg<M>, onProgress: (p: CallProgress) => void, opts: { writes?: boolean } = {}): LongCall<AppReturn<M>> {
  const key = crypto.randomUUID();
  let answered = false;
  let stopped = false;
  // A cancel that reaches the services after the call's last step cannot stop it; the answer of a call that only
  // read is then not used either, so what the person sees after Cancel is "cancelled" (nothing to undo).
  const result = (trackedCall(method, arg, key) as Promise<AppReturn<M>>)
    .then((r) => (stopped && !opts.writes && (r as { ok: boolean }).ok ? (CANCELLED as AppReturn<M>) : r))
    .finally(() => (answered = true));
  void (async () => {
    await sleep(SHOW_PROGRESS_AFTER_MS);
    while (!answered) {
      const s = await api['call.status']({ key }).catch(() => null);
      if (answered) return;
      if (s?.ok && s.value.state === 'running') onProgress({ step: s.value.step, done: s.value.done, total: s.value.total, ms: s.value.ms });
      await sleep(POLL_MS);
    }
  })();
  return {
    result,
    cancel: () => {
      stopped = true;
      void api['call.cancel']({ key }).catch(() => undefined);
    },
  };
}

/** True for the value a cancelled long call answers. */
export function isCancelled(r: { ok: boolean; error?: { code: string } }): boolean {
  return !r.ok && r.error?.code === 'cancelled';
}
