import { create } from 'zustand';
import type { RoutingRun, RulesView } from '../../../shared/contracts/app-api';
import type { ScenarioId } from '../../../shared/domain/ids';
import type { RuleSet } from '../../../shared/domain/rules/types';

/** Rule editor and test panel state. */
export type RulesState = {
  status: 'idle' | 'loading' | 'ready' | 'error';
  /** Rules as stored in the open scenario version. */
  stored: RulesView | null;
  /** The rules being edited (saved as a new scenario version). */
  draft: RuleSet | null;
  dirty: boolean;
  message: string | null;
  /** A note that belongs to one version ("Saved as version 3."): shown whenever that version's rules load. */
  note: { scenarioId: ScenarioId; version: number; text: string } | null;
  /** Leads CSV of the test panel. */
  csvName: string;
  csvText: string;
  testing: boolean;
  run: RoutingRun | null;
};

export const initialRulesState: RulesState = { status: 'idle', stored: null, draft: null, dirty: false, message: null, note: null, csvName: '', csvText: '', testing: false, run: null };

/** Store of the rules feature; written only by rules-actions.ts. */
export const useRulesStore = create<RulesState>()(() => initialRulesState);
