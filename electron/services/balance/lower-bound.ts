import { lpRelaxationBound, DEFAULT_LP_MAX_VARIABLES, type BalanceInput, type LpBound } from '../../../shared/domain/balance';
import { createHighsSolver } from '../lp/highs-solver';

/** Largest instance whose LP bound the CLI computes (assignment variables); above it the bound is skipped. */
export const CLI_LP_MAX_VARIABLES = DEFAULT_LP_MAX_VARIABLES;

/**
 * LP-relaxation lower bound of an instance via HiGHS, when it is small enough; never throws. Computed before the run:
 * the engine stops once a plan reaches it (proven optimal), and the report gives the gap (boundGap).
 * Centres serve themselves in the model, as they do in the engine.
 */
export async function lpBoundFor(input: BalanceInput, timeLimitSec = 60): Promise<LpBound> {
  try {
    return await lpRelaxationBound(input, createHighsSolver({ timeLimitSec }), { maxVariables: CLI_LP_MAX_VARIABLES, centersServeThemselves: true });
  } catch (e) {
    return { skipped: e instanceof Error ? e.message : String(e) };
  }
}
