import { ScatterplotLayer } from '@deck.gl/layers';
import type { Rgba } from '../color';
import { LAYER_IDS } from '../map-style';
import type { AccountPoints } from '../prepare-accounts';

export type AccountsLayerStyle = { visible: boolean; color: Rgba };

/** deck.gl binary data of the account points: no per-object accessors, the typed arrays go straight to the GPU. */
export function accountsBinaryData(points: AccountPoints) {
  return {
    length: points.length,
    attributes: {
      getPosition: { value: points.positions, size: 2 },
      getRadius: { value: points.radii, size: 1 },
    },
  };
}

/** Account points sized by potential. */
export function buildAccountsLayer(data: ReturnType<typeof accountsBinaryData>, style: AccountsLayerStyle): ScatterplotLayer {
  return new ScatterplotLayer({
    id: LAYER_IDS.accounts,
    data,
    visible: style.visible,
    pickable: true,
    radiusUnits: 'pixels',
    radiusMinPixels: 0.5,
    stroked: false,
    getFillColor: style.color,
    updateTriggers: { getFillColor: [style.color.join(',')] },
  });
}
