import type { Rgba } from './color';

/** Colours and widths of the map; one place so the legend and the layers agree. */
export const MAP_STYLE = {
  background: [238, 242, 246, 255] as Rgba,
  territoryBorder: [255, 255, 255, 235] as Rgba,
  parentLine: [71, 85, 105, 170] as Rgba,
  selection: [15, 23, 42, 255] as Rgba,
  account: [30, 41, 59, 60] as Rgba,
  fillAlpha: 190,
  /** How far unselected territories fade toward the background while one is selected. */
  dimAmount: 0.72,
} as const;

/** Stable layer ids; errors and toggles are keyed by them. */
export const LAYER_IDS = {
  units: 'units-fill',
  borders: 'territory-borders',
  parents: 'parent-outlines',
  selection: 'selected-territory',
  accounts: 'accounts',
  /** The accounts as one image (many points in view). */
  accountsRaster: 'accounts-raster',
} as const;

/** Names users see for each layer (status bar, error messages). */
export const LAYER_LABELS: Record<string, string> = {
  [LAYER_IDS.units]: 'Territory fill',
  [LAYER_IDS.borders]: 'Territory borders',
  [LAYER_IDS.parents]: 'State borders',
  [LAYER_IDS.selection]: 'Selected territory',
  [LAYER_IDS.accounts]: 'Accounts',
  [LAYER_IDS.accountsRaster]: 'Accounts',
};
