import { proxy, transfer, wrap, type Remote } from 'comlink';
import type { BalanceWorkerApi } from '../../../shared/contracts/balance-worker-api';
import type { BalanceInput, BalanceProgress, BalanceResult } from '../../../shared/domain/balance';

/** A started run: its result, and cancel (stops the search; the result then rejects with CancelledError). */
export type WorkerJob = { result: Promise<BalanceResult>; cancel: () => void };

/** Rejection of a run that was cancelled. */
export class CancelledError extends Error {
  constructor() {
    super('Cancelled');
    this.name = 'CancelledError';
  }
}

/** How many runs go in parallel: one per core, at least two. */
export const MAX_PARALLEL = Math.max(2, Math.min(8, globalThis.navigator?.hardwareConcurrency ?? 2));

let active = 0;
const waiting: (() => void)[] = [];

function spawn(): { worker: Worker; remote: Remote<BalanceWorkerApi> } {
  const worker = new Worker(new URL('../../../workers/balance.worker.ts', import.meta.url), { type: 'module', name: 'balance' });
  return { worker, remote: wrap<BalanceWorkerApi>(worker) };
}

/** Every typed-array buffer of an input, for transfer (each buffer once). */
export function inputBuffers(input: BalanceInput): ArrayBuffer[] {
  const arrays = [input.x, input.y, ...input.measures.map((m) => m.values), input.compactnessWeights, input.adjacency?.offsets, input.adjacency?.neighbors,
    input.adjacency?.distances, input.seedUnits, input.baseline, input.lockedUnits, input.lockedTerritories, input.candidateCenters];
  return [...new Set(arrays.flatMap((a) => (a ? [a.buffer as ArrayBuffer] : [])))];
}

/**
 * Runs the engine in a fresh worker (at most MAX_PARALLEL at a time; the rest wait). The input's buffers are
 * transferred (unusable afterwards). Cancelling terminates the worker: the page is not cross-origin isolated,
 * so a shared flag is not available and a synchronous run cannot read messages.
 */
export function runInWorker(input: BalanceInput, onProgress: (p: BalanceProgress) => void, onStart: () => void): WorkerJob {
  let cancelled = false;
  let started = false;
  let released = false;
  let stop: (() => void) | null = null;
  let rejectRun: (e: Error) => void = () => undefined;
  const result = new Promise<BalanceResult>((resolve, reject) => {
    rejectRun = reject;
    const start = (): void => {
      if (cancelled) { waiting.shift()?.(); return; }
      active++;
      started = true;
      onStart();
      const { worker, remote } = spawn();
      stop = () => worker.terminate();
      worker.addEventListener('error', (e) => { worker.terminate(); release(); reject(new Error(e.message || 'The balance worker failed to start')); });
      remote.run(transfer(input, inputBuffers(input)), proxy(onProgress)).then(
        (r) => { worker.terminate(); release(); resolve(r); },
        (e: unknown) => { worker.terminate(); release(); reject(e instanceof Error ? e : new Error(String(e))); },
      );
    };
    if (active < MAX_PARALLEL) start();
    else waiting.push(start);
  });
  function release(): void {
    if (!started || released) return;
    released = true;
    active = Math.max(0, active - 1);
    waiting.shift()?.();
  }
  const cancel = (): void => {
    if (cancelled) return;
    cancelled = true;
    if (stop) { stop(); release(); }
    rejectRun(new CancelledError());
  };
  return { result, cancel };
}

/** Runs rep matching in a short-lived worker. */
export async function matchInWorker(...args: Parameters<BalanceWorkerApi['matchReps']>): Promise<ReturnType<BalanceWorkerApi['matchReps']>> {
  const { worker, remote } = spawn();
  try {
    return await remote.matchReps(...args);
  } finally {
    worker.terminate();
  }
}
