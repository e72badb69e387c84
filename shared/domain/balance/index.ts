// Public API of the balancing engine (pure TypeScript; safe in a Web Worker).
export type {
  BalanceInput, BalanceOptions, BalanceProgress, BalanceReport, BalanceResult, BalanceTarget, CsrAdjacency, DisruptionBasis,
  DisruptionReport, LowerBoundReport, MeasureColumn, TerritoryReport, Violation, ViolationKind,
} from './types';
export { runBalance } from './run-balance';
export { BalanceInputError, validateBalanceInput } from './validate';
export { connectedComponents, edgeListsToCsr, knnAdjacency } from './graph';
