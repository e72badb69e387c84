import type { Layer } from '@deck.gl/core';
import { EXTRA_LAYER_IDS as EXTRA } from '../features/layers/extra-layers';
import { LAYER_IDS } from './map-style';

/**
 * Draw order of every layer of the main map, bottom to top. The one place a layer's height is decided:
 * a new layer is placed by adding its id here (a test checks every id is listed).
 */
export const LAYER_ORDER: readonly string[] = [
  LAYER_IDS.units,
  EXTRA.choropleth,
  EXTRA.heat,
  EXTRA.unitOutlines,
  EXTRA.locks,
  LAYER_IDS.borders,
  LAYER_IDS.parents,
  LAYER_IDS.accounts,
  LAYER_IDS.accountsRaster,
  LAYER_IDS.selection,
  EXTRA.splitPieces,
  EXTRA.selection,
  EXTRA.repHomes,
  EXTRA.cities,
  EXTRA.labels,
];

const RANK = new Map(LAYER_ORDER.map((id, i) => [id, i]));

/** The layers sorted into LAYER_ORDER; a layer whose id is not listed is a programming error. */
export function inDrawOrder(layers: readonly Layer[]): Layer[] {
  const rank = (l: Layer): number => {
    const r = RANK.get(l.id);
    if (r === undefined) throw new Error(`Map layer "${l.id}" has no place in LAYER_ORDER (renderer/map/layer-order.ts).`);
    return r;
  };
  return layers.map((l) => ({ l, r: rank(l) })).sort((a, b) => a.r - b.r).map((x) => x.l);
}
