import { checkpoint } from '../long-call';
import type Database from 'better-sqlite3';
import { neighbors } from 'topojson-client';
import { topology as toTopology } from 'topojson-server';
import type { GeometryCollection, GeometryObject } from 'topojson-specification';
import { err, ok, type Result } from '../../../shared/contracts/result';
import type { Dataset, UnitEdges } from '../../../shared/domain/dataset/types';
import { parseCsvText } from '../../../shared/domain/import/csv-reader';
import { detectDelimiter } from '../../../shared/domain/import/detect';
import type { ImportIssue } from '../../../shared/domain/import/types';
import { geometryProblem } from '../../../shared/domain/geo/feature-check';
import { writeEdgeDistances } from '../../db/dataset-repo';
import { parseEdgeRecords, parseUnitRecords, rowsToRecords, scenarioFromAttributes, type ParsedUnits } from '../../../shared/domain/import/units-table';
import { currentAuthor, fillDataset, Workspace } from '../workspace';
import { readShapefileZip } from './shapefile-reader';

/** What a geography import produced. */
export type GeographyReport = { path: string; units: number; edges: number; measures: string[]; scenario: string | null; ignoredColumns: string[]; issues: ImportIssue[] };

/** Why a geography import failed. */
export type GeographyError = 'empty' | 'invalid' | 'exists';

/** An accounts table with no rows (a new geography has no accounts until they are imported). */
export const emptyAccounts = (): Dataset['accounts'] => ({ ids: [], names: [], x: [], y: [], unitIndex: [], industry: [], segment: [], employees: [], revenue: [], potential: [], workload: [], owner: [], placement: [] });

/** Writes a new workspace with the units, their edges (with distances when given) and a starting scenario. */
function createWorkspace(path: string, name: string, parsed: ParsedUnits, edges: UnitEdges, distance: (number | null)[] | null, geometry: Dataset['geometry'], sources: string[]): Result<GeographyReport, GeographyError> {
  const scenario = scenarioFromAttributes(parsed.units, parsed.attrs);
  const dataset: Dataset = { name, sources, units: parsed.units, edges, geometry, accounts: emptyAccounts(), reps: [] };
  const fill = (db: Database.Database) => {
    fillDataset(db, dataset, scenario ? [{ name: 'Imported plan', description: 'Territories from the territory column of the imported units', payload: scenario }] : [], currentAuthor(), `Imported from ${name}`);
    if (distance) {
      // writeDataset stores adjacency only; the engine's edge distances are set here.
      writeEdgeDistances(db, edges, distance);
    }
  };
  try {
    Workspace.createWith(path, fill).close();
  } catch (e) {
    if ((e as { code?: string }).code === 'exists') return err('exists', (e as Error).message);
    throw e;
  }
  return ok({ path, units: parsed.units.ids.length, edges: edges.a.length, measures: parsed.units.measureDefs.map((m) => m.key), scenario: scenario ? 'Imported plan' : null, ignoredColumns: parsed.ignoredColumns, issues: parsed.issues });
}

/** Imports the balancing engine's units CSV (+ optional edges CSV) as a new workspace. */
export function importUnitsCsv(path: string, unitsText: string, edgesText: string | null, name: string): Result<GeographyReport, GeographyError> {
  const unitRows = parseCsvText(unitsText.replace(/^\uFEFF/, ''), detectDelimiter(unitsText.slice(0, 65536)));
  const parsed = parseUnitRecords(rowsToRecords(unitRows), 2);
  if (parsed.units.ids.length === 0) return err('empty', `No units read${parsed.issues[0] ? `: line ${parsed.issues[0].line}: ${parsed.issues[0].reason}` : ''}. A units CSV needs id and x,y (or lon,lat) columns.`);
  let edges: UnitEdges = { a: [], b: [] };
  let distance: (number | null)[] | null = null;
  if (edgesText !== null) {
    const e = parseEdgeRecords(rowsToRecords(parseCsvText(edgesText.replace(/^\uFEFF/, ''), detectDelimiter(edgesText.slice(0, 65536)))), 2, parsed.units.ids);
    edges = e.edges;
    distance = e.distance;
    parsed.issues.push(...e.issues.map((i) => ({ ...i, reason: `edges: ${i.reason}` })));
  }
  return createWorkspace(path, name, parsed, edges, distance, null, [`Units imported from ${name}`]);
}

type Area = GeoJSON.Polygon | GeoJSON.MultiPolygon;

/** Area-weighted centroid of the largest polygon's outer ring (a point that usually lies inside). */
function centroid(g: Area): [number, number] {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  let best: [number, number] = [0, 0];
  let bestArea = -1;
  for (const p of polys) {
    const ring = p[0] ?? [];
    let a = 0, cx = 0, cy = 0;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const f = ring[j]![0]! * ring[i]![1]! - ring[i]![0]! * ring[j]![1]!;
      a += f;
      cx += (ring[j]![0]! + ring[i]![0]!) * f;
      cy += (ring[j]![1]! + ring[i]![1]!) * f;
    }
    if (Math.abs(a) > bestArea && a !== 0) [best, bestArea] = [[cx / (3 * a), cy / (3 * a)], Math.abs(a)];
  }
  return best;
}

/**
 * Imports polygons (GeoJSON FeatureCollection, any country or projection) as a new workspace: feature
 * properties become attributes and numeric ones measures, adjacency comes from shared boundaries
 * (arcs shared in the topology), geometry is stored as TopoJSON.
 */
export async function importGeojson(path: string, text: string, name: string, idProperty?: string): Promise<Result<GeographyReport, GeographyError>> {
  const fc = parseFeatureCollection(text);
  if (!fc.ok) return fc;
  return importFeatures(path, fc.value, name, idProperty, [`Polygons imported from ${name}`]);
}

/** Parses GeoJSON text that must be a FeatureCollection. */
export function parseFeatureCollection(text: string): Result<GeoJSON.FeatureCollection, 'invalid'> {
  let fc: GeoJSON.FeatureCollection;
  try {
    fc = JSON.parse(text.replace(/^\uFEFF/, '')) as GeoJSON.FeatureCollection;
  } catch (e) {
    return err('invalid', `Not valid JSON: ${(e as Error).message}`);
  }
  if (fc?.type !== 'FeatureCollection' || !Array.isArray(fc.features)) return err('invalid', 'Expected a GeoJSON FeatureCollection of Polygon or MultiPolygon features.');
  return ok(fc);
}

/** Imports an ESRI shapefile zip (see readShapefileZip) as a new workspace, as importGeojson does. */
export async function importShapefile(path: string, zip: Uint8Array, name: string, idField?: string): Promise<Result<GeographyReport, GeographyError>> {
  await checkpoint('Reading the shapefile', 0, BOUNDARY_STEPS);
  const read = await readShapefileZip(zip);
  if (!read.ok) return read;
  const { collection, crs, reprojected } = read.value;
  return importFeatures(path, collection, name, idField, [`Polygons imported from the shapefile ${name} (coordinate system ${crs}${reprojected ? ', reprojected to WGS84 lon/lat' : ''})`]);
}

/** Attribute names of codes and coordinates that boundary files carry as numbers: never measures. */
const CODE_FIELD = /^(GEOID|ZCTA5CE|INTPT(LAT|LON)|STATEFP|COUNTYFP|PLACEFP|TRACTCE|BLKGRPCE|GEOIDFQ|FUNCSTAT|MTFCC|CLASSFP|LSAD)\d*$|^(lat|lon|latitude|longitude|x|y|fid|objectid)$/i;

/** Imports a boundary file as a new workspace: an ESRI shapefile zip (by its "PK" signature) or GeoJSON text. */
export async function importBoundaryFile(path: string, bytes: Uint8Array, name: string, idField?: string): Promise<Result<GeographyReport, GeographyError>> {
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  if (!zip) await checkpoint('Reading the GeoJSON file', 0, BOUNDARY_STEPS);
  return zip ? importShapefile(path, bytes, name, idField) : importGeojson(path, new TextDecoder().decode(bytes), name, idField);
}

/**
 * Each feature's label in a report: its 1-based position and, when it has one, its id (the id property,
 * else the feature id).
 */
export function featureLabel(f: GeoJSON.Feature | null | undefined, i: number, idProperty?: string): string {
  const id = idProperty ? f?.properties?.[idProperty] : (f?.properties?.id ?? f?.id);
  return `feature ${i + 1}${id !== undefined && id !== null && id !== '' ? ` (id ${String(id)})` : ''}`;
}

/**
 * Features with usable polygons, and an issue naming each one that is not (null, empty, not a polygon,
 * a ring that crosses itself): those are left out, never a crash.
 */
export function usablePolygons(features: readonly (GeoJSON.Feature | null)[], idProperty?: string): { kept: GeoJSON.Feature[]; issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  const kept = features.filter((f, i): f is GeoJSON.Feature => {
    const problem = geometryProblem(f?.geometry);
    if (problem) issues.push({ line: i + 1, column: null, code: 'bad-value', action: 'rejected', reason: `${featureLabel(f, i, idProperty)} ${problem}` });
    return problem === null;
  });
  return { kept, issues };
}

/** An error naming the id field and the fields there are, when no feature has the id field; else null. */
export function idFieldMissing(features: readonly (GeoJSON.Feature | null)[], idProperty: string | undefined): string | null {
  if (!idProperty || features.some((f) => f?.properties?.[idProperty] !== undefined)) return null;
  const fields = [...new Set(features.slice(0, 100).flatMap((f) => Object.keys(f?.properties ?? {})))];
  return `No feature has the field "${idProperty}"; the fields are ${fields.join(', ') || '(none)'}.`;
}

/** Steps of a boundary import as a long call (see checkpoint): read, check, build the map, write. */
const BOUNDARY_STEPS = 4;

async function importFeatures(path: string, fc: GeoJSON.FeatureCollection, name: string, idProperty: string | undefined, sources: string[]): Promise<Result<GeographyReport, GeographyError>> {
  await checkpoint(`Checking ${fc.features.length.toLocaleString('en-US')} shapes`, 1, BOUNDARY_STEPS);
  const missing = idFieldMissing(fc.features, idProperty);
  if (missing) return err('invalid', missing);
  const { kept, issues } = usablePolygons(fc.features, idProperty);
  const records = kept.map((f, i) => {
    const props = Object.fromEntries(Object.entries(f.properties ?? {}).map(([k, v]) => [k, v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v)]));
    const id = idProperty ? props[idProperty] : (props.id ?? (f.id !== undefined ? String(f.id) : String(i + 1)));
    if (idProperty) delete props[idProperty];
    // Codes and label points are numbers but not measures to balance (Census GEOID20, ZCTA5CE20, INTPTLAT20, STATEFP…).
    for (const k of Object.keys(props)) if (CODE_FIELD.test(k)) delete props[k];
    return { ...props, id: id ?? '' };
  });
  const parsed = parseUnitRecords(records, 1, kept.map((f) => centroid(f.geometry as Area)));
  parsed.issues.unshift(...issues);
  if (parsed.units.ids.length === 0) return err('empty', `No polygon features with an id were found${issues.length ? `; ${issues.length} rejected, first: ${issues[0]!.reason}` : ''}.`);
  await checkpoint(`Building the map of ${parsed.units.ids.length.toLocaleString('en-US')} areas and their neighbours`, 2, BOUNDARY_STEPS);
  // Only features that became units go into the topology, in unit order, so geometry index = unit index.
  const byId = new Map(kept.map((f, i) => [records[i]!.id, f]));
  const features = parsed.units.ids.map((id, i) => ({ ...byId.get(id)!, id, properties: { name: parsed.units.names[i] } }));
  const topo = toTopology({ units: { type: 'FeatureCollection', features } as GeoJSON.FeatureCollection }, 1e6);
  const geoms = (topo.objects.units as GeometryCollection).geometries as GeometryObject[];
  const edges: UnitEdges = { a: [], b: [] };
  neighbors(geoms).forEach((ns, a) => ns.filter((b) => b > a).sort((p, q) => p - q).forEach((b) => (edges.a.push(a), edges.b.push(b))));
  // The last point where a cancel stops it: nothing has been written yet.
  await checkpoint('Writing the workspace', 3, BOUNDARY_STEPS);
  return createWorkspace(path, name, parsed, edges, null, { format: 'topojson', unitsObject: 'units', parentsObject: null, topology: topo }, sources);
}
