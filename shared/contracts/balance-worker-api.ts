import type { DistanceMetric } from '../domain/geo/distance';
import type { BalanceInput, BalanceProgress, BalanceResult, RepMatch, RepProfile, TerritoryProfile } from '../domain/balance';

/** Worker API of workers/balance.worker.ts (Comlink): the engine, run off the UI thread. */
export type BalanceWorkerApi = {
  /**
   * Runs the engine; typed arrays of input arrive transferred and the assignment comes back transferred.
   * onProgress is a Comlink.proxy callback; cancelFlag (a SharedArrayBuffer-backed Int32Array, when the page is
   * cross-origin isolated) stops the search at the next iteration with the best result so far when set to 1.
   * Without it the caller cancels by terminating the worker.
   */
  run(input: BalanceInput, onProgress?: (p: BalanceProgress) => void, cancelFlag?: Int32Array): BalanceResult;
  /** Matches reps to territory profiles (Hungarian over explained fit scores). */
  matchReps(reps: RepProfile[], territories: TerritoryProfile[], metric: DistanceMetric): RepMatch;
};
