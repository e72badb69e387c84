import { lpLowerBound, DEFAULT_LP_MAX_VARIABLES, type BalanceInput, type BalanceResult, type LowerBoundReport } from '../../../shared/domain/balance';
import { createHighsSolver } from '../lp/highs-solver';

/** Largest instance whose LP bound the CLI computes (assignment variables); above it the bound is skipped. */
export const CLI_LP_MAX_VARIABLES = DEFAULT_LP_MAX_VARIABLES;

/** LP-relaxation lower bound of a result via HiGHS, when the instance is small enough; never throws. */
export async function lowerBoundFor(input: BalanceInput, result: BalanceResult, timeLimitSec = 60): Promise<LowerBoundReport> {
  try {
    return await lpLowerBound(input, result, createHighsSolver({ timeLimitSec }), { maxVariables: CLI_LP_MAX_VARIABLES });
  } catch (e) {
    return { skipped: e instanceof Error ? e.message : String(e) };
  }
}
