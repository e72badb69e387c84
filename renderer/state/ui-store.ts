import { create } from 'zustand';

/** A problem shown to the user: what went wrong and what to do about it. */
export type UiError = { id: string; title: string; detail: string; action: string };

/** What the pointer is over on the map. */
export type HoverInfo = { x: number; y: number; kind: 'unit' | 'account'; index: number } | null;

/** Toggleable map layers. */
export type LayerToggles = { accounts: boolean; parents: boolean; borders: boolean };

/** UI-only state: layer toggles, hover, errors and timings. */
export type UiState = {
  layers: LayerToggles;
  hover: HoverInfo;
  errors: UiError[];
  /** Layer id -> error message; such a layer is hidden. */
  layerErrors: Record<string, string>;
  /** Time from app start to the first map frame with data, ms. */
  firstFrameMs: number | null;
};

export const initialUiState: UiState = {
  layers: { accounts: true, parents: true, borders: true },
  hover: null,
  errors: [],
  layerErrors: {},
  firstFrameMs: null,
};

/** UI store; written only by ui-actions.ts. */
export const useUiStore = create<UiState>()(() => initialUiState);
