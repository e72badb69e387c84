import highsLoader from 'highs';
import type { LpSolver } from '../../../shared/domain/balance/lp-model';

type Highs = Awaited<ReturnType<typeof highsLoader>>;

/** Options passed to every HiGHS solve. */
export type HighsSolverOptions = { timeLimitSec?: number; mipRelGap?: number };

/**
 * LP/MIP solver over CPLEX-LP text backed by the HiGHS WebAssembly build (npm `highs`).
 * The Wasm module is loaded once and reloaded after a failed solve (a trapped Wasm instance is not reusable).
 */
export function createHighsSolver(opts: HighsSolverOptions = {}): LpSolver {
  let instance: Promise<Highs> | null = null;
  return async (lp) => {
    const highs = await (instance ??= highsLoader());
    try {
      const r = highs.solve(lp, {
        output_flag: false,
        ...(opts.timeLimitSec !== undefined ? { time_limit: opts.timeLimitSec } : {}),
        ...(opts.mipRelGap !== undefined ? { mip_rel_gap: opts.mipRelGap } : {}),
      });
      const columns: Record<string, number> = {};
      for (const [name, col] of Object.entries(r.Columns)) columns[name] = (col as { Primal?: number }).Primal ?? 0;
      return { status: r.Status, objective: r.ObjectiveValue, columns };
    } catch (e) {
      instance = null;
      throw new Error(`HiGHS failed: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
    }
  };
}
