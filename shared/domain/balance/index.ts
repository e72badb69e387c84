// Public API of the balancing engine (pure TypeScript; safe in a Web Worker).
export type {
  BalanceInput, BalanceOptions, BalanceProgress, BalanceReport, BalanceResult, BalanceStop, BalanceTarget, CsrAdjacency, DisruptionBasis,
  DisruptionReport, LowerBoundReport, MeasureColumn, TerritoryReport, Violation, ViolationKind,
} from './types';
export { runBalance } from './run-balance';
export { BalanceInputError, validateBalanceInput } from './validate';
export { connectedComponents, edgeListsToCsr, knnAdjacency } from './graph';
export {
  boundGap, buildBalanceLp, contiguityCuts, decodeLpSolution, lpLowerBound, lpRelaxationBound, DEFAULT_LP_MAX_VARIABLES, type BalanceLp, type BalanceLpOptions, type LpBound, type LpSolver,
} from './lp-model';
export { hungarian } from './hungarian';
export {
  DEFAULT_FIT_WEIGHTS, fitScore, matchReps, type FitComponent, type FitScore, type FitWeights, type RepMatch, type RepProfile, type TerritoryProfile,
} from './rep-match';
export {
  ACCOUNT_MEASURES, alignmentTerritories, balanceAlignmentIndex, designSettlePass, prepareBalance, settledResult, suggestedTimeLimitMs, unitMeasures,
  type BalanceDataset, type BalanceSettings, type NamedAccountPlan, type UnitMeasures, type PreparedBalance, type PrepareErrorCode,
} from './from-dataset';
export { matchableReps, repProfiles, surplusReps, territoryProfiles, type SkippedRep } from './rep-profiles';
export { applyBalanceResult, keptIdentities, KEEP_IDENTITY_SHARE, type BalanceApplied, type ReassignedAccount } from './apply-result';
export { runKpis, type RunKpis, type RunKpiDataset, type RunTerritoryKpi } from './run-kpis';
export { explainRun, type ExplainNames, type RunExplanation, type RunIssue } from './explain';
