import { WebMercatorViewport } from '@deck.gl/core';

/** Map view state (Web Mercator). */
export type ViewState = { longitude: number; latitude: number; zoom: number; pitch: number; bearing: number };

/** Continental US when the map size is not known yet. */
export const DEFAULT_VIEW: ViewState = { longitude: -98, latitude: 39, zoom: 3.3, pitch: 0, bearing: 0 };

/** Lower 48 states, lon/lat. */
const CONUS: [[number, number], [number, number]] = [[-124.8, 24.4], [-66.9, 49.4]];

/** View that fits the continental US into a map of the given pixel size (falls back to DEFAULT_VIEW when too small). */
export function fitContinentalUs(width: number, height: number, padding = 24): ViewState {
  if (width < 4 * padding || height < 4 * padding) return DEFAULT_VIEW;
  const { longitude, latitude, zoom } = new WebMercatorViewport({ width, height }).fitBounds(CONUS, { padding });
  return { longitude, latitude, zoom, pitch: 0, bearing: 0 };
}
