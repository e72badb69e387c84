import type { PickingInfo } from '@deck.gl/core';
import { createUnitLocator, type Rings, type UnitLocator } from '../../shared/domain/import/unit-locator';
import { useDatasetStore } from '../state/dataset-store';
import { isSoftwareWebgl } from './gpu-tier';
import { LAYER_IDS } from './map-style';

// The unit under the pointer, found on the CPU: the import's grid-indexed point-in-polygon locator over the map
// features (microseconds). In software WebGL a GPU picking pass costs about a frame (~1 s), so there the units
// layer is not pickable at all: hover, click, paint and drag-and-drop all ask here.

let locator: { geometry: unknown; locator: UnitLocator } | null = null;

/** Whether the units layer leaves picking to the CPU (software WebGL). */
export function cpuUnitPicking(): boolean {
  return isSoftwareWebgl();
}

/** Point-in-polygon over the unit boundaries, built once per dataset geometry. */
function unitLocator(): UnitLocator | null {
  const { geometry, units } = useDatasetStore.getState();
  if (!geometry || !units) return null;
  if (locator?.geometry !== geometry) {
    const polygons: (Rings[] | null)[] = units.ids.map(() => null);
    for (const f of geometry.features) {
      const u = f.properties.unitIndex;
      if (u < 0 || u >= polygons.length) continue;
      const own = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      polygons[u] = [...(polygons[u] ?? []), ...own];
    }
    locator = { geometry, locator: createUnitLocator({ kind: units.kind, ids: units.ids, x: units.x, y: units.y, polygons }, 0) };
  }
  return locator.locator;
}

/** Unit index at (lon, lat), -1 outside every unit. */
export function unitAtLonLat(lon: number, lat: number): number {
  const loc = unitLocator();
  return loc && Number.isFinite(lon) && Number.isFinite(lat) ? loc.locate(lon, lat) : -1;
}

type Unprojector = { unproject(xy: number[]): number[] };

/** Unit index under a screen point of a viewport, -1 when none. */
export function unitAtScreen(viewport: Unprojector | undefined, x: number, y: number): number {
  if (!viewport) return -1;
  const [lon, lat] = viewport.unproject([x, y]) as [number, number];
  return unitAtLonLat(lon, lat);
}

/**
 * The unit of a deck.gl picking event: the picked feature when the units layer is pickable (GPU), else the CPU
 * lookup at the pointer (software WebGL), -1 when the pointer is over no unit.
 */
export function unitIndexOf(info: PickingInfo): number {
  if (info.layer?.id === LAYER_IDS.units && info.object) return (info.object as { properties: { unitIndex: number } }).properties.unitIndex;
  if (!cpuUnitPicking() || info.x < 0 || info.y < 0) return -1;
  return unitAtScreen(info.viewport as Unprojector | undefined, info.x, info.y);
}
