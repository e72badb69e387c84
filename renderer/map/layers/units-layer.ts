import { GeoJsonLayer } from '@deck.gl/layers';
import { fade, paletteColor, type Rgba } from '../color';
import type { UnitFeature } from '../geometry';
import { LAYER_IDS, MAP_STYLE } from '../map-style';
import { cpuUnitPicking } from '../unit-at';

/** What the unit fill layer draws. */
export type UnitsLayerData = {
  features: UnitFeature[];
  /** unit index -> territory index (-1 unassigned); null before a scenario is open. */
  unitTerritory: Int32Array | null;
  palette: Uint8ClampedArray;
  /** Selected territory index, -1 for none. */
  selected: number;
  /** Changes whenever unitTerritory or palette change (deck.gl compares it, not the arrays). */
  revision: number;
  /** Changes with the palette's colours (colour by region, region filter, recolour). */
  paletteKey?: string;
};

export type UnitsLayerStyle = { visible: boolean };

/** Fill of one unit: its territory colour, faded when another territory is selected. */
export function unitFillColor(territory: number, palette: Uint8ClampedArray, selected: number): Rgba {
  const c = paletteColor(palette, territory);
  c[3] = MAP_STYLE.fillAlpha;
  return selected >= 0 && territory !== selected ? fade(c, MAP_STYLE.background, MAP_STYLE.dimAmount) : c;
}

/** Units (counties) filled by territory colour, pickable for tooltip and click-to-select. */
export function buildUnitsLayer(data: UnitsLayerData, style: UnitsLayerStyle): GeoJsonLayer<UnitFeature['properties']> {
  const { unitTerritory, palette, selected } = data;
  return new GeoJsonLayer<UnitFeature['properties']>({
    id: LAYER_IDS.units,
    data: data.features,
    visible: style.visible,
    filled: true,
    // No per-unit strokes: drawing every county ring doubled the first frame in software WebGL;
    // territory and state borders are separate line layers.
    stroked: false,
    // Software WebGL: picking (and the hover highlight, a redraw per county) would cost a frame per pointer
    // move; the unit under the pointer is found on the CPU instead (unit-at.ts).
    pickable: !cpuUnitPicking(),
    autoHighlight: !cpuUnitPicking(),
    highlightColor: [255, 255, 255, 90],
    getFillColor: (f) => {
      const u = f.properties.unitIndex;
      const t = unitTerritory && u >= 0 ? unitTerritory[u] ?? -1 : -1;
      return unitFillColor(t, palette, selected);
    },
    updateTriggers: { getFillColor: [data.revision, selected, data.paletteKey ?? ''] },
  });
}
