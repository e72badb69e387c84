import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bbox } from '@turf/turf';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { afterAll, describe, expect, it } from 'vitest';
import { approximateNote } from '../../shared/domain/geo/approximate';
import { importBoundaries } from '../../electron/services/import/boundary-import';
import { importGeojson, importShapefile } from '../../electron/services/import/geography-import';
import { readShapefileZip } from '../../electron/services/import/shapefile-reader';
import { createZipWorkspace } from '../../electron/services/import/zip-geography';
import { Workspace } from '../../electron/services/workspace';
import { cli } from '../fixtures/run-cli';
import { createServices } from '../../electron/services/app-services';
import { dispatch } from '../../electron/services/dispatch';

// Real Census TIGER/Line 2024 ZCTAs (copied from ../shared/data/zcta; see test/fixtures/geo/SOURCES.md): Hawaii and DC as GeoJSON, DC as a shapefile zip.
const DATA = join(__dirname, '../fixtures/geo');
const dcZip = () => new Uint8Array(readFileSync(join(DATA, 'zcta_2024_DC_shapefile.zip')));
const hi = () => JSON.parse(readFileSync(join(DATA, 'zcta_2024_HI.geojson'), 'utf8')) as GeoJSON.FeatureCollection;
const dir = mkdtempSync(join(tmpdir(), 'tessera-boundaries-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const edgeSet = (ws: Workspace) => {
  const u = ws.units(), e = ws.edges();
  return new Set(e.a.map((a, i) => [u.ids[a], u.ids[e.b[i]!]].sort().join('-')));
};
/** Every row of the scenario tables, to show that an import leaves scenarios as they were. */
const scenarioRows = (ws: Workspace) => JSON.stringify(['scenarios', 'scenario_versions'].map((t) => ws.db.prepare(`SELECT * FROM ${t} ORDER BY 1`).raw().all()));

describe('shapefile import', () => {
  it('reads the DC ZCTA shapefile (NAD83 lon/lat) into the same units and adjacency as the GeoJSON of the same ZCTAs', async () => {
    const fromShp = await importShapefile(join(dir, 'dc-shp.tessera'), dcZip(), 'zcta_2024_DC_shapefile.zip', 'ZCTA5CE20');
    const fromJson = await importGeojson(join(dir, 'dc-json.tessera'), readFileSync(join(DATA, 'zcta_2024_DC.geojson'), 'utf8'), 'zcta_2024_DC.geojson', 'ZCTA5CE20');
    if (!fromShp.ok || !fromJson.ok) throw new Error('import failed');
    expect(fromShp.value.units).toBe(71);
    expect(fromShp.value.edges).toBe(fromJson.value.edges);
    expect(fromShp.value.issues).toEqual([]);
    const a = Workspace.open(join(dir, 'dc-shp.tessera'), { readOnly: true });
    const b = Workspace.open(join(dir, 'dc-json.tessera'), { readOnly: true });
    expect(a.units().ids).toContain('20001');
    expect([...edgeSet(a)].sort()).toEqual([...edgeSet(b)].sort());
    expect(a.sources()[0]).toContain('GCS_North_American_1983');
    a.close();
    b.close();
  });

  it('reprojects when the .prj is a projected system, and refuses a zip without its .dbf or an unknown id field, writing nothing', async () => {
    const parts = unzipSync(dcZip());
    const name = (ext: string) => Object.keys(parts).find((n) => n.endsWith(ext))!;
    // The same coordinates declared as UTM zone 18N metres: proj4 must turn them into (different) lon/lat.
    const utm = 'PROJCS["NAD_1983_UTM_Zone_18N",GEOGCS["GCS_North_American_1983",DATUM["D_North_American_1983",SPHEROID["GRS_1980",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",-75.0],PARAMETER["Scale_Factor",0.9996],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';
    const r = await readShapefileZip(zipSync({ ...parts, [name('.prj')]: strToU8(utm) }));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value).toMatchObject({ crs: 'NAD_1983_UTM_Zone_18N', reprojected: true });
    const g = r.value.collection.features[0]!.geometry as GeoJSON.Polygon;
    const [lon, lat] = g.coordinates[0]![0]!;
    // x ≈ -77 m and y ≈ 38.9 m from the UTM 18N origin lie about 4.5° west of the central meridian, on the equator.
    expect(lon).toBeCloseTo(-79.49, 1);
    expect(Math.abs(lat!)).toBeLessThan(0.001);

    const noDbf = Object.fromEntries(Object.entries(parts).filter(([n]) => !n.endsWith('.dbf')));
    const bad = await importShapefile(join(dir, 'nodbf.tessera'), zipSync(noDbf), 'x.zip');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message).toBe('zcta_2024_DC.dbf is missing from the zip: a shapefile\'s attributes (and unit ids) are in its .dbf.');
    const noField = await importShapefile(join(dir, 'nofield.tessera'), dcZip(), 'x.zip', 'ZIP');
    expect(noField.ok).toBe(false);
    if (!noField.ok) expect(noField.error.message).toMatch(/^No feature has the field "ZIP"; the fields are ZCTA5CE20, GEOID20/);
    expect(() => Workspace.open(join(dir, 'nodbf.tessera'))).toThrow();
    expect(() => Workspace.open(join(dir, 'nofield.tessera'))).toThrow();
  });
});

describe('boundary import into a ZIP workspace', () => {
  const path = join(dir, 'zips.tessera');

  it('replaces the approximate areas of the ZIPs the Census files cover, same ids, scenarios untouched', async () => {
    const made = createZipWorkspace(path, ['HI', 'DC', 'MD', 'VA'], 3);
    if (!made.ok) throw new Error(made.error.message);
    const ws = Workspace.open(path);
    const ids = ws.units().ids.slice();
    const scenarios = scenarioRows(ws);
    const oldEdges = edgeSet(ws);

    const res = await importBoundaries(ws, hi(), 'zcta_2024_HI.geojson');
    if (!res.ok) throw new Error(res.error.message);
    expect(res.value).toMatchObject({ idField: 'ZCTA5CE20', matched: 97, unmatched: [], issues: [] });
    const dc = await readShapefileZip(dcZip());
    if (!dc.ok) throw new Error(dc.error.message);
    const res2 = await importBoundaries(ws, dc.value.collection, 'zcta_2024_DC_shapefile.zip', 'ZCTA5CE20');
    if (!res2.ok) throw new Error(res2.error.message);
    expect(res2.value.matched + res2.value.unmatched.length).toBe(71);
    expect(res2.value.edgesBetweenReplaced).toBeGreaterThan(100);
    ws.close();

    const after = Workspace.open(path, { readOnly: true });
    expect(after.units().ids).toEqual(ids);
    expect(scenarioRows(after)).toBe(scenarios);
    const g = after.geometry()!;
    const topo = g.topology as Topology;
    expect(approximateNote(topo)).toMatch(new RegExp(`; ${97 + res2.value.matched} of ${ids.length} have imported Census boundaries$`));
    // 96734 (Kailua, Oahu) is now the Census polygon: its decoded outline matches the file's within the quantization.
    const unit = ids.indexOf('96734' as (typeof ids)[number]);
    const drawn = feature(topo, (topo.objects[g.unitsObject] as GeometryCollection).geometries[unit]!) as GeoJSON.Feature<GeoJSON.Polygon | GeoJSON.MultiPolygon>;
    const census = hi().features.find((f) => f.properties!.ZCTA5CE20 === '96734')!.geometry as GeoJSON.Polygon;
    const ring = drawn.geometry.type === 'Polygon' ? drawn.geometry.coordinates[0]! : drawn.geometry.coordinates[0]![0]!;
    expect(ring.length).toBeGreaterThan(0.5 * census.coordinates[0]!.length);
    const [w, s, e, n] = bbox(drawn);
    const [cw, cs, ce, cn] = bbox(census);
    for (const [a, b] of [[w, cw], [s, cs], [e, ce], [n, cn]] as const) expect(Math.abs(a! - b!)).toBeLessThan(1e-3);
    // Adjacency between two Hawaii ZIPs now follows the Census boundaries; edges to unreplaced areas are kept.
    const newEdges = edgeSet(after);
    const hiIds = new Set(hi().features.map((f) => String(f.properties!.ZCTA5CE20)));
    const untouched = [...oldEdges].filter((e) => !e.split('-').every((z) => hiIds.has(z) || dc.value.collection.features.some((f) => f.properties!.ZCTA5CE20 === z)));
    for (const e of untouched) expect(newEdges.has(e)).toBe(true);
    expect(newEdges.has('96734-96744')).toBe(true); // Kailua and Kaneohe share a boundary
    after.close();
  });

  it('names each feature with bad geometry and leaves it out; refuses when nothing usable matches, writing nothing', async () => {
    const ws = Workspace.open(path);
    const before = JSON.stringify(ws.geometry());
    const good = hi().features.find((f) => f.properties!.ZCTA5CE20 === '96813')!;
    const props = (id: string) => ({ ZCTA5CE20: id });
    const bad: GeoJSON.Feature[] = [
      { type: 'Feature', properties: props('96701'), geometry: null as unknown as GeoJSON.Geometry },
      { type: 'Feature', properties: props('96706'), geometry: { type: 'Polygon', coordinates: [] } },
      { type: 'Feature', properties: props('96707'), geometry: { type: 'Polygon', coordinates: [[[-158, 21], [-157.9, 21.1], [-157.9, 21], [-158, 21.1], [-158, 21]]] } },
    ];
    const refused = await importBoundaries(ws, { type: 'FeatureCollection', features: bad }, 'bad.geojson');
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toContain('3 features were rejected, first: feature 1 (id 96701) has no geometry (null)');
    expect(JSON.stringify(ws.geometry())).toBe(before);

    const res = await importBoundaries(ws, { type: 'FeatureCollection', features: [...bad, good] }, 'mixed.geojson');
    if (!res.ok) throw new Error(res.error.message);
    expect(res.value.matched).toBe(1);
    expect(res.value.issues.map((i) => i.reason)).toEqual([
      'feature 1 (id 96701) has no geometry (null)',
      'feature 2 (id 96706) is empty (no coordinates)',
      'feature 3 (id 96707) ring 1 of polygon 1 crosses itself near -157.95000, 21.05000 (lon, lat)',
    ]);
    ws.close();
  });
});

describe('tessera import shapefile | boundaries', () => {
  it('creates a workspace from the DC shapefile, then lays the DC ZCTAs over a ZIP workspace and says what matched', async () => {
    const shp = await cli('import', 'shapefile', join(DATA, 'zcta_2024_DC_shapefile.zip'), '-w', join(dir, 'cli-dc.tessera'), '--id-field', 'ZCTA5CE20');
    expect(shp.err).toBe('');
    expect(shp.out).toMatch(/^Created .*cli-dc\.tessera: 71 units, \d+ adjacencies/);
    const zips = join(dir, 'cli-zips.tessera');
    expect((await cli('import', 'zips', '-w', zips, '--states', 'DC', '--territories', '1')).code).toBe(0);
    const res = await cli('import', 'boundaries', join(DATA, 'zcta_2024_DC_shapefile.zip'), '-w', zips);
    expect(res.err).toBe('');
    expect(res.code).toBe(0);
    const ws = Workspace.open(zips, { readOnly: true });
    const n = ws.units().ids.length;
    ws.close();
    // The DC file also holds neighbouring Maryland and Virginia ZCTAs: those are not in a DC-only workspace.
    expect(res.out).toContain(`Replaced the polygons of ${n} units of ${zips} with zcta_2024_DC_shapefile.zip (id field ZCTA5CE20, coordinate system GCS_North_American_1983); scenarios unchanged`);
    expect(res.out).toContain(`Not in the workspace: ${71 - n} ids`);
    expect(res.out).toContain('Units still with approximate areas: 0');
  });
});

describe('import.boundaries (app API)', () => {
  it('takes an uploaded shapefile zip, as browser mode sends it, and replaces the open ZIP workspace\'s areas', async () => {
    const path = join(dir, 'api-zips.tessera');
    expect(createZipWorkspace(path, ['DC'], 1).ok).toBe(true);
    const s = createServices({ mode: 'direct', workspace: path });
    const call = (method: string, arg: unknown) => dispatch(s.api, method, arg) as Promise<{ ok: boolean; value?: Record<string, unknown>; error?: { code: string; message: string } }>;
    const bytes = readFileSync(join(DATA, 'zcta_2024_DC_shapefile.zip'));
    const begun = await call('upload.begin', { fileName: 'zcta_2024_DC_shapefile.zip', totalBytes: bytes.length });
    const uploadId = begun.value!.uploadId as string;
    expect((await call('upload.chunk', { uploadId, seq: 0, data: bytes.toString('base64') })).ok).toBe(true);
    await expect(call('import.boundaries', { upload: uploadId, path: '/x' })).rejects.toThrow('give exactly one of path or upload');
    const res = await call('import.boundaries', { upload: uploadId });
    expect(res).toMatchObject({ ok: true, value: { source: 'zcta_2024_DC_shapefile.zip', idField: 'ZCTA5CE20', approximateLeft: 0, issues: [] } });
    expect((res.value!.matched as number) + (res.value!.unmatched as string[]).length).toBe(71);
    expect(await call('import.boundaries', { upload: 'f'.repeat(32) })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    s.close();
  });
});

describe('workspace.createFromBoundaries (app API: New workspace → your own boundaries)', () => {
  it('makes and opens a workspace from an uploaded shapefile zip or GeoJSON, listing features left out', async () => {
    const s = createServices({ mode: 'direct', dataDir: dir });
    const call = (method: string, arg: unknown) => dispatch(s.api, method, arg) as Promise<{ ok: boolean; value?: Record<string, unknown>; error?: { code: string; message: string } }>;
    const upload = async (fileName: string, bytes: Buffer) => {
      const begun = await call('upload.begin', { fileName, totalBytes: bytes.length });
      const uploadId = begun.value!.uploadId as string;
      expect((await call('upload.chunk', { uploadId, seq: 0, data: bytes.toString('base64') })).ok).toBe(true);
      return uploadId;
    };
    const dcPath = join(dir, 'dc-own.tessera');
    const made = await call('workspace.createFromBoundaries', { target: { name: 'dc-own' }, source: { upload: await upload('zcta_2024_DC_shapefile.zip', readFileSync(join(DATA, 'zcta_2024_DC_shapefile.zip'))) }, idField: 'ZCTA5CE20' });
    expect(made).toMatchObject({ ok: true, value: { path: dcPath, counts: { units: 71, edges: 159, accounts: 0 }, boundaries: { units: 71, edges: 159, issues: [] } } });
    expect((await s.api['workspace.info']({})).path).toBe(dcPath);
    // Land and water areas are measures; codes and label points (GEOID20, INTPTLAT20) are not.
    const measures = made.value!.boundaries as { measures: string[] };
    expect(measures.measures).toEqual(expect.arrayContaining(['ALAND20', 'AWATER20']));
    expect(measures.measures.filter((m) => /GEOID|INTPT/.test(m))).toEqual([]);
    // The same target again: refused, the file kept.
    const again = await call('workspace.createFromBoundaries', { target: { path: dcPath }, source: { upload: await upload('dc.zip', readFileSync(join(DATA, 'zcta_2024_DC_shapefile.zip'))) } });
    expect(again).toMatchObject({ ok: false, error: { code: 'exists' } });
    // GeoJSON with a feature that has no geometry: the rest becomes the workspace, the bad one is named.
    const fc = hi();
    fc.features = [...fc.features.slice(0, 5), { type: 'Feature', properties: { ZCTA5CE20: '96999' }, geometry: null as never }];
    const geo = await call('workspace.createFromBoundaries', { target: { path: join(dir, 'hi-own.tessera') }, source: { upload: await upload('hi.geojson', Buffer.from(JSON.stringify(fc))) }, idField: 'ZCTA5CE20' });
    expect(geo).toMatchObject({ ok: true, value: { boundaries: { units: 5 } } });
    const issues = (geo.value!.boundaries as { issues: { line: number; reason: string }[] }).issues;
    expect(issues).toHaveLength(1);
    expect(issues[0]!.reason).toMatch(/96999/);
    s.close();
  });
});
