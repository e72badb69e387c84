import type { Layer } from '@deck.gl/core';
import type { Feature, MultiLineString } from 'geojson';
import type { LayerToggles } from '../state/ui-store';
import type { accountsBinaryData} from './layers/accounts-layer';
import { buildAccountsLayer } from './layers/accounts-layer';
import { buildOutlineLayer } from './layers/outline-layer';
import type { heatmapBinaryData } from './layers/potential-heatmap-layer';
import { buildPotentialHeatmapLayer } from './layers/potential-heatmap-layer';
import { buildUnitsLayer, type UnitsLayerData } from './layers/units-layer';
import { LAYER_IDS, MAP_STYLE } from './map-style';

/** Memoized inputs of every map layer (built by MapView with useMemo). */
export type MapLayerInputs = {
  units: UnitsLayerData | null;
  borders: Feature<MultiLineString> | null;
  parents: Feature<MultiLineString> | null;
  selectionOutline: Feature<MultiLineString> | null;
  accounts: ReturnType<typeof accountsBinaryData> | null;
  heatmap: ReturnType<typeof heatmapBinaryData> | null;
  toggles: LayerToggles;
  /** The heat map is only created once the user asked for it (it is costly to initialise). */
  heatmapCreated: boolean;
  layerErrors: Record<string, string>;
};

type Entry = { id: string; build: (visible: boolean) => Layer | null };

/**
 * Builds all layers in draw order. A builder that throws is reported through onError and left out;
 * a layer that failed before stays in the list with visible: false, so the rest keeps drawing.
 */
export function buildMapLayers(inp: MapLayerInputs, onError: (layerId: string, error: unknown) => void): Layer[] {
  const entries: Entry[] = [
    { id: LAYER_IDS.units, build: (v) => (inp.units ? buildUnitsLayer(inp.units, { visible: v }) : null) },
    { id: LAYER_IDS.heatmap, build: (v) => (inp.heatmap && inp.heatmapCreated ? buildPotentialHeatmapLayer(inp.heatmap, { visible: v && inp.toggles.heatmap, radiusPixels: 28 }) : null) },
    { id: LAYER_IDS.borders, build: (v) => buildOutlineLayer(LAYER_IDS.borders, inp.borders, { visible: v && inp.toggles.borders, color: MAP_STYLE.territoryBorder, widthPx: 1.4 }) },
    { id: LAYER_IDS.parents, build: (v) => buildOutlineLayer(LAYER_IDS.parents, inp.parents, { visible: v && inp.toggles.parents, color: MAP_STYLE.parentLine, widthPx: 0.9 }) },
    { id: LAYER_IDS.accounts, build: (v) => (inp.accounts ? buildAccountsLayer(inp.accounts, { visible: v && inp.toggles.accounts, color: MAP_STYLE.account }) : null) },
    { id: LAYER_IDS.selection, build: (v) => buildOutlineLayer(LAYER_IDS.selection, inp.selectionOutline, { visible: v, color: MAP_STYLE.selection, widthPx: 3 }) },
  ];
  const layers: Layer[] = [];
  for (const e of entries) {
    try {
      const layer = e.build(!(e.id in inp.layerErrors));
      if (layer) layers.push(layer);
    } catch (error) {
      onError(e.id, error);
    }
  }
  return layers;
}
