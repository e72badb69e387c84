import { clip } from './parse-values';
import { isUsCountry, stateAbbr, type AddressInput } from './geocode';

/** US territories and military mail, which US-county workspaces do not cover: by 2-letter code. */
const TERRITORIES: Record<string, string> = {
  PR: 'Puerto Rico', VI: 'US Virgin Islands', GU: 'Guam', AS: 'American Samoa', MP: 'Northern Mariana Islands',
  AA: 'US military mail (Americas)', AE: 'US military mail (Europe)', AP: 'US military mail (Pacific)',
};
const TERRITORY_BY_NAME = new Map(Object.entries(TERRITORIES).map(([code, name]) => [name.toUpperCase(), code]));

/** Territory of a 5-digit ZIP by its first three digits (USPS prefixes), or null for a state ZIP. */
function territoryOfZip(zip: string): string | null {
  const p = Number(zip.slice(0, 3));
  if (!/^\d{5}/.test(zip)) return null;
  if (p === 6 || p === 7 || p === 9) return 'PR';
  if (p === 8) return 'VI';
  if (p === 969) return zip.startsWith('96799') ? 'AS' : 'GU';
  if (p === 340) return 'AA';
  if (p >= 90 && p <= 98) return 'AE';
  if (p >= 962 && p <= 966) return 'AP';
  return null;
}

/** Territory code named by a state cell ("PR", "Puerto Rico"), or null. */
function territoryOfState(state: string): string | null {
  const s = state.trim().toUpperCase().replace(/\./g, '');
  if (TERRITORIES[s]) return s;
  return TERRITORY_BY_NAME.get(s) ?? null;
}

/**
 * Why a record has no unit, in the words a planner uses: the place it names and why that place is
 * not in the workspace ("ZIP 00733 (Puerto Rico) is outside the workspace's geography"), or which of
 * its address parts are unknown. `placedBy` is how it was placed ('none': not at all); noAddress is the
 * reason when the record names no place at all.
 */
export function unplacedReason(a: AddressInput, placedBy: 'exact' | 'zip' | 'city' | 'county' | 'state' | 'none', noAddress = 'no address and no coordinates'): string {
  const zip = (a.zip ?? '').trim();
  const state = (a.state ?? '').trim();
  const city = (a.city ?? '').trim();
  const county = (a.county ?? '').trim();
  const outside = "is outside the workspace's geography";
  const territory = territoryOfState(state) ?? territoryOfZip(zip);
  if (territory) return `${zip ? `ZIP ${zip} (${TERRITORIES[territory]})` : TERRITORIES[territory]} ${outside}`;
  if (!isUsCountry(a.country)) return `country "${clip(a.country ?? '')}" ${outside} (only US addresses are placed)`;
  if (placedBy === 'exact') return `the coordinates ${a.lat}, ${a.lon} are ${outside.slice(3)}`;
  if (placedBy === 'zip') return `ZIP ${zip} ${outside}`;
  if (placedBy === 'city') return `${clip(city)}, ${stateAbbr(state)} ${outside}`;
  if (placedBy === 'county') return `${clip(county)} county ${outside}`;
  if (placedBy === 'state') return `${stateAbbr(state)} ${outside}`;
  const unknown: string[] = [];
  if (zip) unknown.push(`ZIP ${clip(zip)} is not a known US ZIP`);
  if (city && state) unknown.push(`${clip(city)}, ${clip(state)} is not a known city`);
  if (county) unknown.push(`county "${clip(county)}" is not known`);
  if (state && !stateAbbr(state)) unknown.push(`"${clip(state)}" is not a US state`);
  if (unknown.length === 0) return noAddress;
  return `${unknown.join('; ')}; no coordinates`;
}
