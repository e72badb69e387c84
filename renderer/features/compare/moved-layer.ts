import { GeoJsonLayer } from '@deck.gl/layers';
import type { UnitFeature } from '../../map/geometry';

/** Id of the layer that highlights units that moved vs the baseline. */
export const MOVED_LAYER_ID = 'moved-units';

/** Outline and hatch-like tint on units whose territory differs from the baseline. */
export function buildMovedLayer(features: UnitFeature[], moved: Set<number>, visible: boolean): GeoJsonLayer<UnitFeature['properties']> {
  return new GeoJsonLayer<UnitFeature['properties']>({
    id: MOVED_LAYER_ID,
    data: features.filter((f) => moved.has(f.properties.unitIndex)),
    visible,
    filled: true,
    stroked: true,
    getFillColor: [220, 38, 38, 70],
    getLineColor: [185, 28, 28, 255],
    lineWidthUnits: 'pixels',
    getLineWidth: 1.6,
    pickable: false,
  });
}
