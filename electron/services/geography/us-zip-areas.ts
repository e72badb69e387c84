import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { decodeZipAreas, type ZipAreaAsset, type ZipAreas } from '../../../shared/domain/geo/zip-areas';
import { bundledDataPath } from '../demo/build-demo';

/** File name of the shipped approximate ZIP areas (built by scripts/build-zip-areas.ts). */
export const ZIP_AREAS_FILE = 'us-zip-areas.json.gz';

let cached: ZipAreas | null = null;

/**
 * The built-in approximate US ZIP areas (33,642 ZCTAs of the 50 states and DC: county, state, ZBP 2016
 * measures, clipped-Voronoi polygon, adjacency). Read and decoded on first use (~2 s), then kept: only
 * ZIP workspaces and county splits need it.
 */
export function usZipAreas(): ZipAreas {
  if (cached) return cached;
  const asset = JSON.parse(gunzipSync(readFileSync(bundledDataPath(ZIP_AREAS_FILE, 'Built-in ZIP areas'))).toString('utf8')) as ZipAreaAsset;
  cached = decodeZipAreas(asset);
  return cached;
}
