import { WebMercatorViewport } from '@deck.gl/core';
import { CONUS_BOUNDS, type LonLatBounds } from '../../shared/domain/map/extent';

/** Zoom limits: out to a whole continent, in to a few streets; beyond them the map shows nothing useful. */
export const MIN_ZOOM = 2;
export const MAX_ZOOM = 13;

/** Map view state (Web Mercator). */
export type ViewState = { longitude: number; latitude: number; zoom: number; pitch: number; bearing: number; minZoom?: number; maxZoom?: number };

/** Continental US when the map size is not known yet. */
export const DEFAULT_VIEW: ViewState = { longitude: -98, latitude: 39, zoom: 3.3, pitch: 0, bearing: 0, minZoom: MIN_ZOOM, maxZoom: MAX_ZOOM };

/** View that fits a lon/lat box into a map of the given pixel size (falls back to DEFAULT_VIEW when too small). */
export function fitBoundsView(bounds: LonLatBounds, width: number, height: number, padding = 24, maxZoom = 10): ViewState {
  if (width < 4 * padding || height < 4 * padding) return DEFAULT_VIEW;
  // A single point (one account, one small unit) has no extent: give it a little.
  const [[w, s], [e, n]] = bounds;
  const box: LonLatBounds = e - w < 1e-4 && n - s < 1e-4 ? [[w - 0.02, s - 0.02], [e + 0.02, n + 0.02]] : bounds;
  const { longitude, latitude, zoom } = new WebMercatorViewport({ width, height }).fitBounds(box, { padding, maxZoom });
  return { longitude, latitude, zoom: Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, zoom)), pitch: 0, bearing: 0, minZoom: MIN_ZOOM, maxZoom: MAX_ZOOM };
}

/** View that fits the continental US into a map of the given pixel size (falls back to DEFAULT_VIEW when too small). */
export function fitContinentalUs(width: number, height: number, padding = 24): ViewState {
  return fitBoundsView(CONUS_BOUNDS, width, height, padding);
}
