/** Mean Earth radius in kilometres (IUGG). */
export const EARTH_RADIUS_KM = 6371.0088;

/** Great-circle distance in km between two lon/lat points (haversine). */
export function haversineKm(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const toRad = Math.PI / 180;
  const dLat = (lat2 - lat1) * toRad;
  const dLon = (lon2 - lon1) * toRad;
  const s =
    Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * toRad) * Math.cos(lat2 * toRad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(s)));
}

/** Euclidean distance for planar (projected or synthetic) coordinates. */
export function planarDistance(x1: number, y1: number, x2: number, y2: number): number {
  return Math.hypot(x2 - x1, y2 - y1);
}

/** How coordinates are interpreted: lon/lat on the sphere, or planar x/y. */
export type DistanceMetric = 'geographic' | 'planar';

/** Distance function for a metric. */
export function distanceFn(metric: DistanceMetric): (x1: number, y1: number, x2: number, y2: number) => number {
  return metric === 'geographic' ? haversineKm : planarDistance;
}
