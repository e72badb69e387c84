import { unzipSync } from 'fflate';
import proj4 from 'proj4';
import { read as readShapefile } from 'shapefile';
import { err, ok, type Result } from '../../../shared/contracts/result';
import { coordinateExtent } from '../../../shared/domain/geo/feature-check';
import { classifyPrj } from '../../../shared/domain/geo/prj';

/** A shapefile read into GeoJSON lon/lat, with the coordinate system it came in. */
export type ShapefileRead = { collection: GeoJSON.FeatureCollection; crs: string; reprojected: boolean };

/** Reprojects every coordinate of a geometry in place (null and unknown geometries are left as they are). */
function reproject(g: GeoJSON.Geometry | null, f: (p: number[]) => number[]): void {
  if (!g) return;
  const ring = (r: number[][]) => r.forEach((p, i) => (r[i] = f(p)));
  if (g.type === 'Polygon') g.coordinates.forEach(ring);
  else if (g.type === 'MultiPolygon') g.coordinates.forEach((p) => p.forEach(ring));
  else if (g.type === 'LineString' || g.type === 'MultiPoint') ring(g.coordinates);
  else if (g.type === 'MultiLineString') g.coordinates.forEach(ring);
  else if (g.type === 'Point') g.coordinates = f(g.coordinates);
}

/**
 * Reads an ESRI shapefile zip (.shp + .dbf, optional .prj and .cpg; .shx is not needed to read in order)
 * into a GeoJSON FeatureCollection in lon/lat: a .prj other than WGS84/NAD83 lon/lat is reprojected with
 * proj4; the .dbf is decoded with the .cpg's encoding (UTF-8 when there is none, as the Census writes).
 */
export async function readShapefileZip(bytes: Uint8Array): Promise<Result<ShapefileRead, 'invalid'>> {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch (e) {
    return err('invalid', `Not a readable zip file: ${(e as Error).message}`);
  }
  const names = Object.keys(files).filter((n) => !n.startsWith('__MACOSX/') && !n.endsWith('/'));
  const shps = names.filter((n) => /\.shp$/i.test(n));
  if (shps.length === 0) return err('invalid', `The zip holds no .shp file (it holds ${names.join(', ') || 'nothing'}).`);
  if (shps.length > 1) return err('invalid', `The zip holds ${shps.length} shapefiles (${shps.join(', ')}); put one layer per zip.`);
  const base = shps[0]!.slice(0, -4);
  const part = (ext: string) => {
    const n = names.find((x) => x.toLowerCase() === `${base}.${ext}`.toLowerCase());
    return n ? files[n]! : null;
  };
  const dbf = part('dbf');
  if (!dbf) return err('invalid', `${base}.dbf is missing from the zip: a shapefile's attributes (and unit ids) are in its .dbf.`);
  const prjBytes = part('prj');
  const cpg = part('cpg');
  const prj = classifyPrj(prjBytes ? new TextDecoder().decode(prjBytes) : null);
  let collection: GeoJSON.FeatureCollection;
  try {
    collection = await readShapefile(part('shp')!, dbf, { encoding: cpg ? new TextDecoder().decode(cpg).trim() || 'utf-8' : 'utf-8' });
  } catch (e) {
    return err('invalid', `${base}.shp could not be read: ${(e as Error).message}`);
  }
  if (prj.kind === 'reproject') {
    let convert: (p: number[]) => number[];
    try {
      const t = proj4(new TextDecoder().decode(prjBytes!), 'WGS84');
      convert = (p) => t.forward([p[0]!, p[1]!]);
    } catch (e) {
      return err('invalid', `The coordinate system in ${base}.prj (${prj.crs}) is not one proj4 can convert to lon/lat: ${(e as Error).message}`);
    }
    for (const f of collection.features) reproject(f.geometry, convert);
  } else {
    for (const f of collection.features) {
      const g = f.geometry;
      if (g?.type !== 'Polygon' && g?.type !== 'MultiPolygon') continue;
      const e = coordinateExtent(g);
      if (e.x > 180 || e.y > 90) return err('invalid', `Coordinates such as ${e.x.toFixed(0)} are not longitude/latitude, and ${prjBytes ? `${base}.prj (${prj.crs}) says they are` : `there is no ${base}.prj to say how to convert them`}.`);
    }
  }
  return ok({ collection, crs: prj.crs, reprojected: prj.kind === 'reproject' });
}
