import type { Layer } from '@deck.gl/core';
import type { Feature, MultiLineString } from 'geojson';
import type { LayerToggles } from '../state/ui-store';
import type { AccountPointsResult } from '../../shared/contracts/raster-worker-api';
import { buildAccountsLayer } from './layers/accounts-layer';
import { buildOutlineLayer } from './layers/outline-layer';
import { buildUnitsLayer, type UnitsLayerData } from './layers/units-layer';
import { buildUnitPointsLayer, type UnitPointsData } from './layers/unit-points-layer';
import { LAYER_IDS, MAP_STYLE } from './map-style';

/** Memoized inputs of every map layer (built by MapView with useMemo). */
export type MapLayerInputs = {
  units: UnitsLayerData | null;
  /** Without boundaries: the units as points (null when the units layer draws polygons). */
  unitPoints?: UnitPointsData | null;
  borders: Feature<MultiLineString> | null;
  parents: Feature<MultiLineString> | null;
  selectionOutline: Feature<MultiLineString> | null;
  /** The accounts in view from the raster worker: vector points or one image (null until the first view is drawn). */
  accounts: AccountPointsResult | null;
  toggles: LayerToggles;
  layerErrors: Record<string, string>;
};

/** `also`: other ids the same entry draws under (an error reported under any of them hides it). */
type Entry = { id: string; also?: string[]; build: (visible: boolean) => Layer | null };

/**
 * Builds all layers in draw order. A builder that throws is reported through onError and left out;
 * a layer that failed before stays in the list with visible: false, so the rest keeps drawing.
 */
export function buildMapLayers(inp: MapLayerInputs, onError: (layerId: string, error: unknown) => void): Layer[] {
  const entries: Entry[] = [
    { id: LAYER_IDS.units, build: (v) => (inp.units ? buildUnitsLayer(inp.units, { visible: v }) : inp.unitPoints ? buildUnitPointsLayer(inp.unitPoints, { visible: v }) : null) },
    { id: LAYER_IDS.borders, build: (v) => buildOutlineLayer(LAYER_IDS.borders, inp.borders, { visible: v && inp.toggles.borders, color: MAP_STYLE.territoryBorder, widthPx: 1.4 }) },
    { id: LAYER_IDS.parents, build: (v) => buildOutlineLayer(LAYER_IDS.parents, inp.parents, { visible: v && inp.toggles.parents, color: MAP_STYLE.parentLine, widthPx: 0.9 }) },
    { id: LAYER_IDS.accounts, also: [LAYER_IDS.accountsRaster], build: (v) => (inp.accounts ? buildAccountsLayer(inp.accounts, { visible: v && inp.toggles.accounts, color: MAP_STYLE.account }) : null) },
    { id: LAYER_IDS.selection, build: (v) => buildOutlineLayer(LAYER_IDS.selection, inp.selectionOutline, { visible: v, color: MAP_STYLE.selection, widthPx: 3 }) },
  ];
  const layers: Layer[] = [];
  for (const e of entries) {
    try {
      const failed = e.id in inp.layerErrors || (e.also ?? []).some((id) => id in inp.layerErrors);
      const layer = e.build(!failed);
      if (layer) layers.push(layer);
    } catch (error) {
      onError(e.id, error);
    }
  }
  return layers;
}
