import { create } from 'zustand';
import type { WorkspaceInfo } from '../../shared/contracts/app-api';
import type { Rep, UnitsTable } from '../../shared/domain/dataset/types';
import type { PreparedGeometry } from '../map/geometry';
import type { AccountPoints } from '../map/prepare-accounts';

/** Account columns the UI keeps besides the map points (names for tooltips, segments for alignments). */
export type AccountMeta = { ids: string[]; names: string[]; segment: string[]; /** Unit index of each account (-1: none). */ unit: Int32Array };

/** The open workspace and its dataset, loaded once. */
export type DatasetState = {
  status: 'idle' | 'loading' | 'ready' | 'error';
  workspace: WorkspaceInfo | null;
  units: UnitsTable | null;
  reps: Rep[];
  accounts: AccountMeta | null;
  points: AccountPoints | null;
  geometry: PreparedGeometry | null;
  /** The split units of the loaded view: counties replaced by their ZIP areas, as the open scenario splits them ([]: the stored units). */
  split: string[];
  /** Time from app start until the dataset was in memory, ms. */
  loadMs: number | null;
};

export const initialDatasetState: DatasetState = {
  status: 'idle',
  workspace: null,
  units: null,
  reps: [],
  accounts: null,
  points: null,
  geometry: null,
  split: [],
  loadMs: null,
};

/** Dataset store; written only by dataset-actions.ts. */
export const useDatasetStore = create<DatasetState>()(() => initialDatasetState);
