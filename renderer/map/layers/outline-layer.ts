import { GeoJsonLayer } from '@deck.gl/layers';
import type { Feature, MultiLineString } from 'geojson';
import type { Rgba } from '../color';

/** Look of a line-only layer. */
export type OutlineStyle = { visible: boolean; color: Rgba; widthPx: number };

/** Lines (borders, outlines) from one MultiLineString feature; shared by the border, state and selection layers. */
export function buildOutlineLayer(id: string, data: Feature<MultiLineString> | null, style: OutlineStyle): GeoJsonLayer {
  return new GeoJsonLayer({
    id,
    data: data ? [data] : [],
    visible: style.visible && data !== null,
    filled: false,
    stroked: true,
    pickable: false,
    lineWidthUnits: 'pixels',
    lineJointRounded: true,
    getLineWidth: style.widthPx,
    getLineColor: style.color,
    updateTriggers: { getLineColor: [style.color.join(',')], getLineWidth: [style.widthPx] },
  });
}
