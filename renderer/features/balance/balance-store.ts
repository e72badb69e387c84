import { create } from 'zustand';
import type { BalanceApplied, BalanceProgress, BalanceResult, BalanceSettings, FitScore, PreparedBalance, RunExplanation, RunKpis, SkippedRep } from '../../../shared/domain/balance';
import type { VersionRef } from '../../../shared/contracts/app-api';

/** One engine run of the panel (a single run or one member of a sweep). */
export type BalanceRun = {
  id: number;
  label: string;
  settings: BalanceSettings;
  status: 'queued' | 'running' | 'done' | 'cancelled' | 'error';
  progress: BalanceProgress | null;
  /** Scenario version the run started from (its result is saved on top of it). */
  base: VersionRef;
  prepared: PreparedBalance | null;
  result: BalanceResult | null;
  error: string | null;
  /** Wall-clock time in the worker including transfer, ms. */
  elapsedMs: number | null;
  saved: VersionRef | null;
  /** The finished run applied to its base: identities, reassigned named accounts, KPIs as saved, issues in words. */
  outcome: RunOutcome | null;
};

/** A finished run as it would be saved. */
export type RunOutcome = { applied: BalanceApplied; kpis: RunKpis; explanation: RunExplanation };

/** Proposed rep per territory with the explained fit, before it is applied. */
export type RepProposal = { territoryId: string; territoryName: string; repId: string; repName: string; fit: FitScore };

/** State of the balance panel. */
export type BalanceState = {
  open: boolean;
  settings: BalanceSettings;
  /** Disruption budgets of a sweep, as shares (one parallel run each). */
  sweep: number[];
  dataStatus: 'idle' | 'loading' | 'ready' | 'error';
  runs: BalanceRun[];
  /** Run shown on the map and grid as an unsaved draft (Save or Discard). */
  previewRunId: number | null;
  match: { status: 'idle' | 'running' | 'ready' | 'error'; proposals: RepProposal[]; total: number; unmatched: string[]; skipped: SkippedRep[]; error: string | null };
};

export const DEFAULT_BALANCE_SETTINGS: BalanceSettings = {
  mode: 'rebalance', measures: ['potential'], tolerance: 0.05, contiguity: true, objective: 'sum', useLocks: true, seed: 1,
  // No timeLimitMs: the run takes the limit suggested for the workspace's size (suggestedTimeLimitMs) until one is typed.
  // The panel's time limit is the search's budget: the search keeps improving the best plan until it runs out.
  perturbations: 'until-time-limit',
};

export const initialBalanceState: BalanceState = {
  open: false,
  settings: DEFAULT_BALANCE_SETTINGS,
  sweep: [0, 0.05, 0.1, 0.2],
  dataStatus: 'idle',
  runs: [],
  previewRunId: null,
  match: { status: 'idle', proposals: [], total: 0, unmatched: [], skipped: [], error: null },
};

/** Balance panel store; written only by balance-actions.ts. */
export const useBalanceStore = create<BalanceState>()(() => initialBalanceState);
