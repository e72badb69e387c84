import type { BalanceOptions, BalanceProgress } from './types';

/** Time limit, cancellation and throttled progress shared by all phases of one run. */
export type Control = {
  now: () => number;
  start: number;
  deadline: number;
  cancelled: boolean;
  /** Set when the best plan reached the given lower bound (proven optimal): every phase stops. */
  proven: boolean;
  iterations: number;
  /** True when the run must stop (cancelled or out of time); checks the signal. */
  stop: () => boolean;
  /** Reports progress at most every 100 ms. */
  progress: (p: Omit<BalanceProgress, 'iteration'>) => void;
};

/** Creates the control for a run. */
export function createControl(opts: BalanceOptions, timeLimitMs: number): Control {
  const now = opts.now ?? Date.now;
  const start = now();
  let last = -Infinity;
  const ctl: Control = {
    now, start, deadline: start + timeLimitMs, cancelled: false, proven: false, iterations: 0,
    stop: () => {
      if (opts.signal?.aborted) ctl.cancelled = true;
      return ctl.cancelled || ctl.proven || now() > ctl.deadline;
    },
    progress: (p) => {
      if (!opts.onProgress) return;
      const t = now();
      if (t - last < 100 && p.fraction < 1) return;
      last = t;
      opts.onProgress({ ...p, iteration: ctl.iterations });
    },
  };
  return ctl;
}
