import type { Feature, MultiLineString, Polygon, MultiPolygon } from 'geojson';
import { feature, mesh, neighbors } from 'topojson-client';
import type { GeometryCollection, GeometryObject, Topology } from 'topojson-specification';
import type { GeometryPayload } from '../../shared/contracts/app-api';

/** Properties the map reads from a unit polygon. */
export type UnitProps = { unitIndex: number; name: string; parent: string };
/** One unit polygon with its index into UnitsTable. */
export type UnitFeature = Feature<Polygon | MultiPolygon, UnitProps>;

/** Map geometry derived once per dataset from the workspace TopoJSON. */
export type PreparedGeometry = {
  topology: Topology;
  unitGeometries: GeometryObject[];
  /** unitIndex of each entry of unitGeometries (-1 when the polygon has no unit). */
  geometryUnit: Map<GeometryObject, number>;
  features: UnitFeature[];
  /** Outlines of parent areas (state borders), or null when the workspace has none. */
  parentOutlines: Feature<MultiLineString> | null;
  /** Polygons whose id matched no unit (reported, not dropped silently). */
  unmatched: number;
  /** Units that share a border with each unit (by unit index, from shared TopoJSON arcs). */
  unitNeighbors: number[][];
};

/** Converts the workspace TopoJSON into GeoJSON features tagged with unit indices. Throws when the named object is missing. */
export function prepareGeometry(
  payload: GeometryPayload,
  units: { ids: readonly string[]; names: readonly string[]; parents: readonly string[] },
): PreparedGeometry {
  const topology = payload.topology as Topology;
  const obj = topology?.objects?.[payload.unitsObject] as GeometryCollection | undefined;
  if (!obj || obj.type !== 'GeometryCollection') {
    throw new Error(`Geometry object "${payload.unitsObject}" is missing from the workspace topology`);
  }
  const index = new Map<string, number>(units.ids.map((id, i) => [id, i]));
  const geometryUnit = new Map<GeometryObject, number>();
  let unmatched = 0;
  for (const g of obj.geometries) {
    const u = g.id === undefined ? undefined : index.get(String(g.id));
    if (u === undefined) unmatched++;
    geometryUnit.set(g, u ?? -1);
  }
  const features: UnitFeature[] = [];
  for (const g of obj.geometries) {
    if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') continue;
    const f = feature(topology, g) as Feature<Polygon | MultiPolygon>;
    const u = geometryUnit.get(g) ?? -1;
    features.push({
      type: 'Feature',
      id: f.id,
      geometry: f.geometry,
      properties: { unitIndex: u, name: u >= 0 ? units.names[u] ?? String(g.id) : String(g.id ?? ''), parent: u >= 0 ? units.parents[u] ?? '' : '' },
    });
  }
  const parentsObj = payload.parentsObject ? (topology.objects[payload.parentsObject] as GeometryObject | undefined) : undefined;
  const parentOutlines = parentsObj ? lineFeature(mesh(topology, parentsObj)) : null;
  return { topology, unitGeometries: obj.geometries, geometryUnit, features, parentOutlines, unmatched, unitNeighbors: unitNeighborsOf(obj.geometries, geometryUnit, units.ids.length) };
}

function unitNeighborsOf(geometries: GeometryObject[], geometryUnit: Map<GeometryObject, number>, unitCount: number): number[][] {
  const out: number[][] = Array.from({ length: unitCount }, () => []);
  const byGeometry = neighbors(geometries as Parameters<typeof neighbors>[0]);
  geometries.forEach((g, i) => {
    const u = geometryUnit.get(g) ?? -1;
    if (u < 0) return;
    for (const j of byGeometry[i] ?? []) {
      const v = geometryUnit.get(geometries[j]!) ?? -1;
      if (v >= 0 && v !== u) out[u]!.push(v);
    }
  });
  return out;
}

function lineFeature(geometry: MultiLineString): Feature<MultiLineString> {
  return { type: 'Feature', geometry, properties: {} };
}

/** Borders between different territories plus the outer coast, each arc once (no polygon union needed). */
export function territoryBorders(geo: PreparedGeometry, unitTerritory: Int32Array): Feature<MultiLineString> {
  const t = (g: GeometryObject): number => {
    const u = geo.geometryUnit.get(g) ?? -1;
    return u < 0 ? -1 : unitTerritory[u] ?? -1;
  };
  const collection: GeometryCollection = { type: 'GeometryCollection', geometries: geo.unitGeometries };
  return lineFeature(mesh(geo.topology, collection, (a, b) => a === b || t(a) !== t(b)));
}

/** Outline of one territory (its borders with other territories and the coast). Empty when nothing matches. */
export function territoryOutline(geo: PreparedGeometry, unitTerritory: Int32Array, territory: number): Feature<MultiLineString> {
  const inT = (g: GeometryObject): boolean => {
    const u = geo.geometryUnit.get(g) ?? -1;
    return u >= 0 && unitTerritory[u] === territory;
  };
  const collection: GeometryCollection = { type: 'GeometryCollection', geometries: geo.unitGeometries };
  return lineFeature(mesh(geo.topology, collection, (a, b) => (a === b ? inT(a) : inT(a) !== inT(b))));
}
