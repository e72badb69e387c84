import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import type { RepResolver } from '../../../shared/domain/import/records';
import { createUnitLocator, type Rings, type UnitLocator } from '../../../shared/domain/import/unit-locator';
import type { Workspace } from '../workspace';

/** A locator over the workspace's units, with point-in-polygon when it has geometry; null without units. */
export function workspaceLocator(ws: Workspace): UnitLocator | null {
  const units = ws.units();
  if (units.ids.length === 0) return null;
  const geo = ws.geometry();
  let polygons: (Rings[] | null)[] | undefined;
  if (geo) {
    const topology = geo.topology as Topology;
    const object = topology.objects[geo.unitsObject];
    if (object) {
      const index = new Map<string, number>(units.ids.map((id, i) => [id, i]));
      polygons = units.ids.map(() => null);
      const fc = feature(topology, object) as unknown as GeoJSON.FeatureCollection;
      for (const f of fc.features) {
        const i = index.get(String(f.id));
        if (i === undefined || !f.geometry) continue;
        if (f.geometry.type === 'Polygon') polygons[i] = [f.geometry.coordinates];
        else if (f.geometry.type === 'MultiPolygon') polygons[i] = f.geometry.coordinates;
      }
    }
  }
  return createUnitLocator({ kind: units.kind, ids: units.ids, x: units.x, y: units.y, polygons });
}

/** Resolves an owner cell to a rep id by id, then by name (case-insensitive); null without reps. */
export function workspaceRepResolver(ws: Workspace): RepResolver | null {
  const reps = ws.reps();
  if (reps.length === 0) return null;
  const ids = new Set<string>(reps.map((r) => r.id));
  const names = new Map(reps.map((r) => [r.name.trim().toLowerCase(), r.id as string]));
  return (owner) => (ids.has(owner) ? owner : (names.get(owner.trim().toLowerCase()) ?? null));
}
