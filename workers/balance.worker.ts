import { expose, transfer } from 'comlink';
import type { BalanceWorkerApi } from '../shared/contracts/balance-worker-api';
import { matchReps, runBalance } from '../shared/domain/balance';

// Thin Comlink adapter over the engine: one run per call, synchronous inside the worker. Progress goes
// out through the proxied callback (fire and forget); cancellation is read from a shared flag between iterations.
const api: BalanceWorkerApi = {
  run(input, onProgress, cancelFlag) {
    const signal = cancelFlag ? { get aborted() { return Atomics.load(cancelFlag, 0) === 1; } } : undefined;
    const result = runBalance(input, { ...(onProgress ? { onProgress: (p) => void onProgress(p) } : {}), ...(signal ? { signal } : {}) });
    return transfer(result, [result.assignment.buffer, result.centers.buffer]);
  },
  matchReps(reps, territories, metric) {
    return matchReps(reps, territories, metric);
  },
};

expose(api);
