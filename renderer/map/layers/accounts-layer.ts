import type { Layer, PickingInfo } from '@deck.gl/core';
import { BitmapLayer, ScatterplotLayer } from '@deck.gl/layers';
import type { AccountPointsResult, GeoRaster } from '../../../shared/contracts/raster-worker-api';
import type { Rgba } from '../color';
import { LAYER_IDS } from '../map-style';

export type AccountsLayerStyle = { visible: boolean; color: Rgba };

/** deck.gl binary data of the vector points in view; `indices` maps a drawn point back to its account. */
export function accountsBinaryData(points: Extract<AccountPointsResult, { kind: 'vector' }>) {
  return {
    length: points.indices.length,
    indices: points.indices,
    attributes: {
      getPosition: { value: points.positions, size: 2 },
      getRadius: { value: points.radii, size: 1 },
    },
  };
}

/** An image drawn by the worker, anchored to the map (linear in Web Mercator, as deck.gl's map view). */
export function geoRasterImage(r: GeoRaster): ImageData {
  return new ImageData(r.rgba as Uint8ClampedArray<ArrayBuffer>, r.width, r.height);
}

/**
 * The image is drawn 1:1 with the screen once settled: one texel per pixel, no mipmap lookups (software WebGL
 * pays per texel fetch on every pan frame); linear only when a zoom magnifies it until the next image.
 */
export const RASTER_SAMPLING = { minFilter: 'nearest', magFilter: 'linear', mipmapFilter: 'none' } as const;

/**
 * Account points sized by potential: the points in view as a pickable scatterplot when there are few,
 * else the worker's image of them (one quad: pan cost independent of the account count).
 */
export function buildAccountsLayer(view: AccountPointsResult, style: AccountsLayerStyle): Layer {
  if (view.kind === 'raster') {
    return new BitmapLayer({
      id: LAYER_IDS.accountsRaster,
      image: geoRasterImage(view),
      bounds: view.bounds,
      visible: style.visible,
      pickable: false,
      textureParameters: RASTER_SAMPLING,
    });
  }
  return new ScatterplotLayer({
    id: LAYER_IDS.accounts,
    data: accountsBinaryData(view),
    visible: style.visible,
    pickable: true,
    radiusUnits: 'pixels',
    radiusMinPixels: 0.5,
    stroked: false,
    getFillColor: style.color,
    updateTriggers: { getFillColor: [style.color.join(',')] },
  });
}

/** Account index of a picked vector point, -1 for anything else. */
export function accountIndexOf(info: PickingInfo): number {
  if (info.layer?.id !== LAYER_IDS.accounts || info.index < 0) return -1;
  const indices = (info.layer.props.data as { indices?: Uint32Array } | undefined)?.indices;
  return indices ? indices[info.index] ?? -1 : info.index;
}
