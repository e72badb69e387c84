import type { GeometryObject, Topology } from 'topojson-specification';

/**
 * A topology holding only OBJECTS (named lists of geometries of SOURCE) and the arcs they use, renumbered in
 * first-use order (a reversed reference ~i stays reversed). Ids and properties are kept; the transform too.
 */
export function topologySubset(source: Topology, objects: Record<string, readonly GeometryObject[]>): Topology {
  const remap = new Map<number, number>();
  const arcs: Topology['arcs'] = [];
  const ref = (r: number) => {
    const i = r < 0 ? ~r : r;
    let j = remap.get(i);
    if (j === undefined) {
      j = arcs.length;
      remap.set(i, j);
      arcs.push(source.arcs[i]!);
    }
    return r < 0 ? ~j : j;
  };
  const rewrite = (g: GeometryObject): GeometryObject =>
    g.type === 'Polygon'
      ? { ...g, arcs: g.arcs.map((r) => r.map(ref)) }
      : g.type === 'MultiPolygon'
        ? { ...g, arcs: g.arcs.map((p) => p.map((r) => r.map(ref))) }
        : g.type === 'LineString'
          ? { ...g, arcs: g.arcs.map(ref) }
          : g.type === 'MultiLineString'
            ? { ...g, arcs: g.arcs.map((l) => l.map(ref)) }
            : { ...g };
  const out: Topology['objects'] = {};
  for (const [name, geoms] of Object.entries(objects)) out[name] = { type: 'GeometryCollection', geometries: geoms.map(rewrite) };
  return { type: 'Topology', ...(source.transform ? { transform: source.transform } : {}), objects: out, arcs };
}
