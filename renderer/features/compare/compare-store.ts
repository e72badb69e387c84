import { create } from 'zustand';
import type { CompareResult } from '../../../shared/contracts/app-api';
import type { CallProgress } from '../../api/long-call';
import type { ViewState } from '../../map/initial-view';
import type { PreparedGeometry } from '../../map/geometry';

/** Default alignment of one compared scenario, for its map. */
export type CompareMap = { name: string; unitTerritory: Int32Array; colors: string[]; moved: Set<number> };

/** The compare view: chosen scenarios, the result, per-scenario maps and the one view state all maps share. */
export type CompareState = {
  chosen: number[];
  baseline: number;
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  result: CompareResult | null;
  maps: CompareMap[];
  /**
   * Unit polygons of the maps: the open scenario's (null) or, when the compared scenarios split other counties, the
   * geography of all their splits (each scenario drawn on it, a county's ZIP areas in the county's territory).
   */
  geometry: PreparedGeometry | null;
  viewState: ViewState | null;
  /** Progress of the comparison running now (after about a second), else null. */
  progress: CallProgress | null;
  /** Said next to the buttons ("Cancelled"), else null. */
  notice: string | null;
};

export const initialCompareState: CompareState = { chosen: [], baseline: 0, status: 'idle', error: null, result: null, maps: [], geometry: null, viewState: null, progress: null, notice: null };

/** Compare store; written only by compare-actions.ts. */
export const useCompareStore = create<CompareState>()(() => initialCompareState);
