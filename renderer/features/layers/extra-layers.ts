import { BitmapLayer, GeoJsonLayer, ScatterplotLayer, TextLayer } from '@deck.gl/layers';
import type { MapLabel } from '../../../shared/domain/map/map-labels';
import type { GeoRaster } from '../../../shared/contracts/raster-worker-api';
import type { HeatStyle } from '../../../shared/domain/geo/viewport-raster';
import { geoRasterImage } from '../../map/layers/accounts-layer';
import type { Feature, MultiLineString } from 'geojson';
import { classOf } from '../../../shared/domain/geo/centroids';
import type { UnitFeature } from '../../map/geometry';

/** Stable ids of the editing layers. */
export const EXTRA_LAYER_IDS = {
  heat: 'heat-grid',
  choropleth: 'unit-choropleth',
  unitOutlines: 'unit-outlines',
  locks: 'locked-units',
  selection: 'selected-units',
  splitPieces: 'split-pieces',
  repHomes: 'rep-homes',
  labels: 'territory-labels',
  cities: 'city-labels',
} as const;

/** Sequential colour ramp (light to dark) for choropleths, 5 classes. */
export const CHOROPLETH_RAMP: [number, number, number, number][] = [
  [239, 243, 255, 220],
  [189, 215, 231, 220],
  [107, 174, 214, 220],
  [49, 130, 189, 220],
  [8, 81, 156, 220],
];

/** Heat grid colours (yellow to dark red). */
const HEAT_RANGE: readonly [number, number, number, number][] = [
  [255, 255, 178, 40],
  [254, 217, 118, 120],
  [254, 178, 76, 160],
  [253, 141, 60, 190],
  [240, 59, 32, 210],
  [189, 0, 38, 230],
];

/**
 * Heat grid: 14-pixel cells summing the weight, quantized over the cells in view (as deck.gl's ScreenGridLayer),
 * drawn by the raster worker as an image so a pan does not re-aggregate every account.
 */
export const HEAT_STYLE: HeatStyle = { cellPx: 14, colors: HEAT_RANGE, opacity: 0.8 };

/** Units coloured by class of a per-unit value (drawn over the territory fill). */
export function buildChoroplethLayer(features: UnitFeature[], values: Float32Array, breaks: number[], visible: boolean, revision: string): GeoJsonLayer<UnitFeature['properties']> {
  return new GeoJsonLayer<UnitFeature['properties']>({
    id: EXTRA_LAYER_IDS.choropleth,
    data: features,
    visible,
    filled: true,
    stroked: false,
    pickable: false,
    getFillColor: (f) => CHOROPLETH_RAMP[Math.min(CHOROPLETH_RAMP.length - 1, classOf(values[f.properties.unitIndex] ?? 0, breaks))]!,
    updateTriggers: { getFillColor: [revision] },
  });
}

/** Heat grid of account positions weighted by a measure: the raster worker's image of the view. */
export function buildHeatGridLayer(heat: GeoRaster, visible: boolean): BitmapLayer {
  return new BitmapLayer({ id: EXTRA_LAYER_IDS.heat, image: geoRasterImage(heat), bounds: heat.bounds, visible, pickable: false });
}

/** Thin lines along every unit boundary (county outlines). */
export function buildUnitOutlineLayer(lines: Feature<MultiLineString> | null, visible: boolean): GeoJsonLayer {
  return new GeoJsonLayer({ id: EXTRA_LAYER_IDS.unitOutlines, data: lines ? [lines] : [], visible: visible && lines !== null, filled: false, stroked: true, lineWidthUnits: 'pixels', getLineWidth: 0.5, getLineColor: [100, 116, 139, 120], pickable: false });
}

/** Locked units: hatched grey over the fill with a dark edge. */
export function buildLocksLayer(features: UnitFeature[], visible: boolean): GeoJsonLayer<UnitFeature['properties']> {
  return new GeoJsonLayer<UnitFeature['properties']>({ id: EXTRA_LAYER_IDS.locks, data: features, visible, filled: true, stroked: true, getFillColor: [51, 65, 85, 70], getLineColor: [51, 65, 85, 200], lineWidthUnits: 'pixels', getLineWidth: 1, pickable: false });
}

/** Selected units: light wash and a strong outline. */
export function buildSelectionLayer(features: UnitFeature[]): GeoJsonLayer<UnitFeature['properties']> {
  return new GeoJsonLayer<UnitFeature['properties']>({ id: EXTRA_LAYER_IDS.selection, data: features, filled: true, stroked: true, getFillColor: [255, 255, 255, 110], getLineColor: [37, 99, 235, 255], lineWidthUnits: 'pixels', getLineWidth: 2, pickable: false });
}

/** Territory pieces an edit cut off: a thick orange outline over a light orange fill. */
export function buildSplitPiecesLayer(features: UnitFeature[]): GeoJsonLayer<UnitFeature['properties']> {
  return new GeoJsonLayer<UnitFeature['properties']>({ id: EXTRA_LAYER_IDS.splitPieces, data: features, filled: true, stroked: true, getFillColor: [249, 115, 22, 70], getLineColor: [234, 88, 12, 255], lineWidthUnits: 'pixels', getLineWidth: 3, pickable: false });
}

/** One rep home marker. */
export type RepHome = { position: [number, number]; name: string; color: [number, number, number, number] };

/** Rep home markers, coloured like the rep's territory (grey when the rep has none). */
export function buildRepHomesLayer(homes: RepHome[], visible: boolean): ScatterplotLayer<RepHome> {
  return new ScatterplotLayer<RepHome>({ id: EXTRA_LAYER_IDS.repHomes, data: homes, visible, getPosition: (d) => d.position, getFillColor: (d) => d.color, getLineColor: [15, 23, 42, 255], stroked: true, lineWidthUnits: 'pixels', getLineWidth: 1.5, radiusUnits: 'pixels', getRadius: 5, pickable: true });
}

/** One territory label at its unit-weighted centroid. */
export type TerritoryLabel = MapLabel;

/** Font of the map labels; the label placement measures text in these fonts (LABEL_FONTS). */
const FONT = 'system-ui, -apple-system, Segoe UI, Roboto, sans-serif';
export const LABEL_FONTS = { territory: `600 12px ${FONT}`, city: `500 12px ${FONT}` } as const;
/** What a city label shows before its name: a dot on the city. */
export const CITY_PREFIX = '• ';

/** A label layer: dark text with a white halo, drawn from a font atlas made locally from system fonts (nothing is fetched). */
function labelLayer(id: string, data: MapLabel[], visible: boolean, style: { weight: number; prefix?: string }): TextLayer<MapLabel> {
  const prefix = style.prefix ?? '';
  return new TextLayer<MapLabel>({
    id,
    data,
    visible,
    getPosition: (d) => d.position,
    getText: (d) => prefix + d.text,
    // A prefixed label (a city's dot) starts at its point, the dot centred on it; others are centred.
    getTextAnchor: prefix ? 'start' : 'middle',
    getPixelOffset: prefix ? [-3, 0] : [0, 0],
    getSize: 12,
    sizeUnits: 'pixels',
    fontFamily: FONT,
    fontWeight: style.weight,
    getColor: [15, 23, 42, 255],
    outlineWidth: 3,
    outlineColor: [255, 255, 255, 230],
    fontSettings: { sdf: true },
    characterSet: 'auto',
    pickable: false,
  });
}

/** Territory names; which ones show at a zoom is decided by placeLabels. */
export function buildLabelsLayer(labels: TerritoryLabel[], visible: boolean): TextLayer<MapLabel> {
  return labelLayer(EXTRA_LAYER_IDS.labels, labels, visible, { weight: 600 });
}

/** Major cities (a dot and the name), below territory names in priority; data from GeoNames, shipped with the app. */
export function buildCityLabelsLayer(cities: MapLabel[], visible: boolean): TextLayer<MapLabel> {
  return labelLayer(EXTRA_LAYER_IDS.cities, cities, visible, { weight: 500, prefix: CITY_PREFIX });
}
