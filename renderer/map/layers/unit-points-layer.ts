import { ScatterplotLayer } from '@deck.gl/layers';
import { LAYER_IDS } from '../map-style';
import { unitFillColor } from './units-layer';

/** Units of a workspace without boundaries: centres with their territory. */
export type UnitPointsData = {
  x: readonly number[];
  y: readonly number[];
  /** unit index -> territory index (-1 unassigned); null before a scenario is open. */
  unitTerritory: Int32Array | null;
  palette: Uint8ClampedArray;
  selected: number;
  revision: number;
  paletteKey?: string;
};

/** Units drawn as dots at their centres, filled with their territory's colour (the fill layer's place and colours). */
export function buildUnitPointsLayer(data: UnitPointsData, style: { visible: boolean }): ScatterplotLayer<number> {
  const { unitTerritory, palette, selected } = data;
  return new ScatterplotLayer<number>({
    id: LAYER_IDS.units,
    data: Array.from({ length: data.x.length }, (_, i) => i),
    visible: style.visible,
    getPosition: (i) => [data.x[i]!, data.y[i]!],
    radiusUnits: 'pixels',
    getRadius: 5,
    radiusMinPixels: 3,
    stroked: true,
    getLineColor: [255, 255, 255, 200],
    lineWidthMinPixels: 0.5,
    getFillColor: (i) => {
      const c = unitFillColor(unitTerritory ? unitTerritory[i] ?? -1 : -1, palette, selected);
      c[3] = 230;
      return c;
    },
    updateTriggers: { getFillColor: [data.revision, selected, data.paletteKey ?? ''] },
  });
}
