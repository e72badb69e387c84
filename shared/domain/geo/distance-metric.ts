import type { GeoKind } from '../dataset/types';
import { mostlyInUs } from '../map/map-labels';

/** How distances between units are measured: km on the sphere (lon/lat), or in the data's own planar units. */
export type DistanceMetric = 'geographic' | 'planar';

/**
 * The one rule for a dataset's distances. Counties, ZIP areas and states are lon/lat. Custom units are lon/lat when
 * they lie mostly in the US (a mixed county + ZIP geography, imported Census or shapefile boundaries); otherwise their
 * coordinates are taken as planar (a benchmark instance, a plan drawn on a floor plan), as before.
 */
export function distanceMetric(units: { kind: GeoKind | string; x: ArrayLike<number>; y: ArrayLike<number> }): DistanceMetric {
  if (units.kind !== 'custom') return 'geographic';
  return mostlyInUs(units.x, units.y) ? 'geographic' : 'planar';
}
