import { create } from 'zustand';
import type { AccountMeasureKey } from '../../../shared/contracts/worker-api';

/** Heat grid measure: account density or a per-account measure ('off' hides it). */
export type HeatKind = 'off' | 'potential' | 'revenue' | 'whiteSpace' | 'accounts';

/** The heat measures as the layer panel and the legend name them. */
export const HEAT_OPTIONS: { value: HeatKind; label: string }[] = [
  { value: 'off', label: 'Off' },
  { value: 'potential', label: 'Potential' },
  { value: 'revenue', label: 'Revenue' },
  { value: 'whiteSpace', label: 'White space (potential − revenue)' },
  { value: 'accounts', label: 'Account density' },
];

/** A choropleth source: a unit measure of the dataset or a per-unit sum of account measures. */
export type ChoroplethKey = { source: 'unit'; key: string } | { source: 'accounts'; key: AccountMeasureKey };

/** Extra map layers of the editing issue: labels, rep homes, locks, unit outlines, heat grid, choropleth. */
/** How the map fills territories. */
export type ColourBy = 'neighbours' | 'territory' | 'region';

export type LayersState = {
  labels: boolean;
  /** Names of major cities (US data only). */
  cities: boolean;
  /** The map's zoom, in quarter steps: which labels fit without overlapping depends on it alone. */
  labelZoom: number;
  repHomes: boolean;
  locks: boolean;
  unitOutlines: boolean;
  heat: HeatKind;
  /** Territory fills: distinct from every neighbour (graph colouring), the territories' own colours, or by region. */
  colourBy: ColourBy;
  choropleth: ChoroplethKey | null;
  /** Values per unit of the chosen choropleth, null while loading. */
  choroplethValues: Float32Array | null;
  /** Heat weights per account of the chosen heat measure. */
  heatWeights: Float32Array | null;
};

export const initialLayersState: LayersState = { labels: true, cities: true, labelZoom: 3.5, repHomes: true, locks: true, unitOutlines: false, heat: 'off', colourBy: 'neighbours', choropleth: null, choroplethValues: null, heatWeights: null };

/** Layers store; written only by layers-actions.ts. */
export const useLayersStore = create<LayersState>()(() => initialLayersState);
