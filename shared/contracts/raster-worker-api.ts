import type { HeatStyle, Rgba, ViewBox } from '../domain/geo/viewport-raster';

/** What the map asks the account raster worker to draw for one view. */
export type AccountRasterRequest = {
  view: ViewBox;
  /** Share of the view size drawn beyond each edge, so a pan shows drawn points until the next raster. */
  margin: number;
  pixelRatio: number;
  /** Account points, or null when the layer is hidden. */
  points: { color: Rgba; vectorLimit: number } | null;
  /** Heat grid of the weights last set with setHeatWeights, or null when off. */
  heat: HeatStyle | null;
};

/** A drawn image anchored to the map: [west, south, east, north] in degrees, straight RGBA (transferred). */
export type GeoRaster = { width: number; height: number; bounds: [number, number, number, number]; rgba: Uint8ClampedArray };

/**
 * Points of a view: few enough to draw as vector points (pickable, sharp while zooming) -> the subset;
 * else one raster. `inFrame` counts the points inside the frame, `ms` is the worker's time.
 */
export type AccountPointsResult =
  | ({ kind: 'raster'; inFrame: number; ms: number } & GeoRaster)
  | { kind: 'vector'; inFrame: number; ms: number; indices: Uint32Array; positions: Float32Array; radii: Float32Array };

export type AccountRasterResult = {
  points: AccountPointsResult | null;
  heat: (GeoRaster & { domain: [number, number]; ms: number }) | null;
};

/** Worker API of workers/account-raster.worker.ts (Comlink). */
export type AccountRasterWorkerApi = {
  /** Stores the points (lon/lat interleaved, radius in CSS pixels; radius 0 = never drawn) and indexes them; returns the count. */
  load(positions: Float32Array, radii: Float32Array): number;
  /** Weights of the heat grid, one per point (null clears them). */
  setHeatWeights(weights: Float32Array | null): void;
  render(request: AccountRasterRequest): AccountRasterResult;
  /** The drawn point under (lon, lat) at this zoom: the nearest whose disc edge is within slackPx; -1 when none. */
  pick(lon: number, lat: number, zoom: number, slackPx: number): number;
};
