import { checkpoint } from '../long-call';
import { neighbors, quantize } from 'topojson-client';
import { topology as toTopology } from 'topojson-server';
import type { GeometryCollection, GeometryObject, Topology } from 'topojson-specification';
import type { BoundaryError, BoundaryReport } from '../../../shared/contracts/api/import-api';
import { err, ok, type Result } from '../../../shared/contracts/result';

export type { BoundaryError, BoundaryReport };
import type { UnitEdges } from '../../../shared/domain/dataset/types';
import { ZIP_AREAS_NOTE } from '../../../shared/domain/geo/approximate';
import { zipUnitId } from '../../../shared/domain/geo/mixed-geography';
import { readMeta, replaceGeometryAndEdges, writeMeta } from '../../db/dataset-repo';
import type { Workspace } from '../workspace';
import { featureLabel, idFieldMissing, parseFeatureCollection, usablePolygons } from './geography-import';
import { readShapefileZip } from './shapefile-reader';

/** Id fields of Census ZIP (ZCTA) boundary files, tried in this order when no id field is given. */
export const ZCTA_ID_FIELDS = ['ZCTA5CE20', 'ZCTA5CE10', 'ZCTA5CE', 'GEOID20', 'GEOID10', 'GEOID', 'id'] as const;

const shiftArc = (off: number) => (a: number) => (a >= 0 ? a + off : ~(~a + off));

/** The feature's id field: the one given, else the first Census ZCTA id field the features have. */
function pickIdField(features: readonly (GeoJSON.Feature | null)[], given: string | undefined): string | null {
  if (given) return given;
  return ZCTA_ID_FIELDS.find((k) => features.some((f) => f?.properties?.[k] !== undefined)) ?? null;
}

/**
 * Replaces the polygons of the workspace's units whose ids match the features' id field (a ZIP id also
 * matches a ZIP area of a mixed workspace, `zip:<id>`): for importing Census ZCTA boundaries over the built-in
 * approximate ZIP areas. Adjacency between two replaced units is recomputed from their shared boundaries;
 * adjacency to a unit that keeps its approximate area is kept (the two boundaries do not coincide, so it
 * cannot be derived). Unit ids, measures, accounts and scenarios are not touched. Features with bad geometry
 * are named in the issues and left out; a refusal writes nothing.
 */
export async function importBoundaries(ws: Workspace, fc: GeoJSON.FeatureCollection, source: string, idField?: string): Promise<Result<BoundaryReport, BoundaryError>> {
  if (ws.readOnly) return err('read-only', 'The workspace is open read-only; boundaries cannot be imported into it.');
  const geometry = ws.geometry();
  if (!geometry || geometry.format !== 'topojson') return err('no-geometry', 'The workspace has no unit polygons to replace; create a workspace from the boundary file instead (tessera import shapefile or import geojson).');
  const field = pickIdField(fc.features, idField);
  if (!field) return err('invalid', `No id field given and none of the Census ZCTA id fields (${ZCTA_ID_FIELDS.join(', ')}) is in the file; name one with --id-field.`);
  const missing = idFieldMissing(fc.features, field);
  if (missing) return err('invalid', missing);

  const units = ws.units();
  const index = new Map<string, number>(units.ids.map((id, i) => [id, i]));
  const { issues } = usablePolygons(fc.features, field);
  const rejected = new Set(issues.map((i) => i.line - 1));
  const matched = new Map<number, GeoJSON.Feature>();
  const unmatched: string[] = [];
  fc.features.forEach((f, i) => {
    if (rejected.has(i)) return;
    const raw = f.properties?.[field];
    const id = raw === null || raw === undefined ? '' : String(raw).trim();
    if (id === '') return issues.push({ line: i + 1, column: field, code: 'bad-value', action: 'rejected', reason: `${featureLabel(f, i, field)} has no ${field}` });
    const u = index.get(id) ?? index.get(zipUnitId(id));
    if (u === undefined) return unmatched.push(id);
    if (matched.has(u)) return issues.push({ line: i + 1, column: field, code: 'bad-value', action: 'rejected', reason: `${featureLabel(f, i, field)}: id ${id} appears more than once; the first is used` });
    matched.set(u, f);
  });
  if (matched.size === 0) {
    const sample = unmatched.slice(0, 3).join(', ');
    return err('no-match', `None of the ${unmatched.length} ids in ${field}${sample ? ` (such as ${sample})` : ''} is a unit of this workspace (its ids look like ${units.ids.slice(0, 3).join(', ')}).${issues.length ? ` ${issues.length} features were rejected, first: ${issues[0]!.reason}.` : ''}`);
  }

  await checkpoint(`Building the map of ${matched.size.toLocaleString('en-US')} areas`, 2, 4);
  const topo = geometry.topology as Topology;
  const geoms = (topo.objects[geometry.unitsObject] as GeometryCollection).geometries;
  if (geoms.length !== units.ids.length) return err('no-geometry', `The workspace's geometry has ${geoms.length} polygons for ${units.ids.length} units; it cannot be matched by unit.`);
  const replaced = [...matched.keys()].sort((a, b) => a - b);
  // The new polygons as a topology of their own (so shared boundaries become shared arcs), in the
  // workspace's quantization, appended to its arcs. The replaced units' old arcs stay unused.
  const raw = toTopology({ b: { type: 'FeatureCollection', features: replaced.map((u) => ({ ...matched.get(u)!, properties: {} })) } as GeoJSON.FeatureCollection }) as Topology;
  const sub = topo.transform ? (quantize(raw as Parameters<typeof quantize>[0], topo.transform) as Topology) : raw;
  const shift = shiftArc(topo.arcs.length);
  const subGeoms = (sub.objects.b as GeometryCollection).geometries as GeometryObject[];
  const nextGeoms = geoms.slice();
  replaced.forEach((u, k) => {
    const g = subGeoms[k]!;
    const old = geoms[u]!;
    const arcs = g.type === 'Polygon' ? g.arcs.map((r) => r.map(shift)) : g.type === 'MultiPolygon' ? g.arcs.map((p) => p.map((r) => r.map(shift))) : null;
    nextGeoms[u] = { ...old, type: g.type, arcs } as GeometryObject;
  });
  const imported = new Set([...(((topo as { importedBoundaries?: string[] }).importedBoundaries) ?? []), ...replaced.map((u) => units.ids[u]!)]);
  const approximate = typeof (topo as { approximate?: unknown }).approximate === 'string';
  const left = units.ids.length - imported.size;
  const next: Topology & { approximate?: string; importedBoundaries?: string[] } = {
    ...topo,
    arcs: [...topo.arcs, ...sub.arcs],
    objects: { ...topo.objects, [geometry.unitsObject]: { ...(topo.objects[geometry.unitsObject] as GeometryCollection), geometries: nextGeoms } },
    importedBoundaries: [...imported],
  };
  if (approximate) {
    if (left === 0) delete next.approximate;
    else next.approximate = `${ZIP_AREAS_NOTE}; ${imported.size} of ${units.ids.length} have imported Census boundaries`;
  }

  const isReplaced = new Set(replaced);
  const before = ws.edges();
  const drop: UnitEdges = { a: [], b: [] };
  before.a.forEach((a, e) => {
    const b = before.b[e]!;
    if (isReplaced.has(a) && isReplaced.has(b)) {
      drop.a.push(a);
      drop.b.push(b);
    }
  });
  const add: UnitEdges = { a: [], b: [] };
  neighbors(subGeoms).forEach((ns, k) => ns.filter((j) => j > k).forEach((j) => (add.a.push(replaced[k]!), add.b.push(replaced[j]!))));

  const sources = JSON.parse(readMeta(ws.db, 'dataset_sources') ?? '[]') as string[];
  // The last point where a cancel stops it: the workspace is written below, in one transaction.
  await checkpoint('Writing the new areas', 3, 4);
  if (!ws.db.open || ws.readOnly) return err('read-only', 'The workspace was closed during the import; nothing was changed.');
  ws.db.transaction(() => {
    replaceGeometryAndEdges(ws.db, { ...geometry, topology: next }, drop, add);
    writeMeta(ws.db, 'dataset_sources', JSON.stringify([...sources, `Boundaries of ${replaced.length} units imported from ${source} (id field ${field})`]));
  })();
  ws.invalidate();
  return ok({
    source,
    idField: field,
    matched: replaced.length,
    unmatched,
    approximateLeft: approximate ? left : null,
    edgesBefore: before.a.length,
    edgesAfter: before.a.length - drop.a.length + add.a.length,
    edgesBetweenReplaced: add.a.length,
    issues,
  });
}


/**
 * A boundary file's features from its bytes: a shapefile zip (recognised by the zip signature) or a
 * GeoJSON FeatureCollection; `crs` names a shapefile's coordinate system.
 */
export async function readBoundaryBytes(bytes: Uint8Array): Promise<Result<{ collection: GeoJSON.FeatureCollection; crs: string | null }, 'invalid'>> {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    const r = await readShapefileZip(bytes);
    return r.ok ? ok({ collection: r.value.collection, crs: `${r.value.crs}${r.value.reprojected ? ', reprojected to WGS84 lon/lat' : ''}` }) : r;
  }
  const fc = parseFeatureCollection(new TextDecoder().decode(bytes));
  return fc.ok ? ok({ collection: fc.value, crs: null }) : err('invalid', `Neither a shapefile zip nor GeoJSON: ${fc.error.message}`);
}
