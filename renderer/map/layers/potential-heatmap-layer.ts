import { HeatmapLayer } from '@deck.gl/aggregation-layers';
import { LAYER_IDS } from '../map-style';
import type { AccountPoints } from '../prepare-accounts';

export type HeatmapStyle = { visible: boolean; radiusPixels: number };

/** Binary data of the heat map: account positions weighted by potential. */
export function heatmapBinaryData(points: AccountPoints) {
  return {
    length: points.length,
    attributes: {
      getPosition: { value: points.positions, size: 2 },
      getWeight: { value: points.weights, size: 1 },
    },
  };
}

/** Heat map of potential; off by default because it is slow to start in software WebGL. */
export function buildPotentialHeatmapLayer(data: ReturnType<typeof heatmapBinaryData>, style: HeatmapStyle): HeatmapLayer {
  return new HeatmapLayer({
    id: LAYER_IDS.heatmap,
    data,
    visible: style.visible,
    radiusPixels: style.radiusPixels,
    intensity: 1,
    threshold: 0.05,
    aggregation: 'SUM',
    opacity: 0.75,
  });
}
