import { mergeArcs, neighbors } from 'topojson-client';
import type { GeometryCollection, GeometryObject, MultiPolygon, Polygon, Topology } from 'topojson-specification';
import type { UnitEdges } from '../../../shared/domain/dataset/types';
import { topologySubset } from '../../../shared/domain/geo/topology-subset';

type Area = Polygon | MultiPolygon;
type Objects = { counties: GeometryCollection; states: GeometryCollection; nation?: GeometryCollection };

/** The us-atlas topology cut down to the demo's units: counties, their states and a nation outline rebuilt from them. */
export type DemoTopology = {
  topology: Topology;
  /** Unit ids without a county polygon (then edges are empty: geometry index would not equal unit index). */
  missing: string[];
  /** Geometry ids that are not demo units (dropped). */
  dropped: string[];
  edges: UnitEdges;
};

const isArea = (g: GeometryObject): g is Area => g.type === 'Polygon' || g.type === 'MultiPolygon';

/**
 * Keeps the county polygons of `unitIds` (in that order, so geometry index = unit index), the state
 * polygons of `stateIds`, a nation outline merged from those states, and only the arcs they use.
 * Dropping the territories' arcs and the old nation (which includes them) keeps the stored file small.
 */
export function cutTopology(source: Topology, unitIds: readonly string[], stateIds: ReadonlySet<string>): DemoTopology {
  const objects = source.objects as unknown as Objects;
  const countyById = new Map<string, Area>();
  for (const g of objects.counties.geometries) if (isArea(g)) countyById.set(String(g.id), g);
  const wanted = new Set(unitIds);
  const dropped = [...countyById.keys()].filter((id) => !wanted.has(id)).sort();
  const missing = unitIds.filter((id) => !countyById.has(id));
  const counties = unitIds.flatMap((id) => countyById.get(id) ?? []);
  const states = objects.states.geometries.filter((g): g is Area => isArea(g) && stateIds.has(String(g.id)));
  const nation = mergeArcs(source, states) as Area;

  const withProps = (g: Area): Area => ({ ...g, properties: { ...(g.properties ?? {}) } });
  const topology = topologySubset(source, { counties: counties.map(withProps), states: states.map(withProps), nation: [{ ...nation, properties: {} }] });
  return { topology, missing, dropped, edges: missing.length === 0 ? unitEdges(counties) : { a: [], b: [] } };
}

/** Undirected adjacency (shared arcs) between polygons, each pair once with a < b. */
export function unitEdges(polygons: readonly Area[]): UnitEdges {
  const lists = neighbors(polygons as GeometryObject[]);
  const edges: UnitEdges = { a: [], b: [] };
  lists.forEach((ns, a) => {
    for (const b of [...ns].sort((p, q) => p - q)) {
      if (b > a) {
        edges.a.push(a);
        edges.b.push(b);
      }
    }
  });
  return edges;
}

