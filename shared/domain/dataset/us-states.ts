/** A US state (or DC) with its sales region; regions follow the Census regions, Midwest called "Central". */
export type UsState = { fips: string; abbr: string; name: string; region: UsRegion };

/** Sales regions used by the demo hierarchy. */
export type UsRegion = 'West' | 'Central' | 'South' | 'Northeast';

/** The four demo regions in display order. */
export const US_REGIONS: readonly UsRegion[] = ['West', 'Central', 'South', 'Northeast'];

// fips, abbr, name, region — the 50 states and DC (no territories: the demo covers the states only).
const ROWS: [string, string, string, UsRegion][] = [
  ['01', 'AL', 'Alabama', 'South'],
  ['02', 'AK', 'Alaska', 'West'],
  ['04', 'AZ', 'Arizona', 'West'],
  ['05', 'AR', 'Arkansas', 'South'],
  ['06', 'CA', 'California', 'West'],
  ['08', 'CO', 'Colorado', 'West'],
  ['09', 'CT', 'Connecticut', 'Northeast'],
  ['10', 'DE', 'Delaware', 'South'],
  ['11', 'DC', 'District of Columbia', 'South'],
  ['12', 'FL', 'Florida', 'South'],
  ['13', 'GA', 'Georgia', 'South'],
  ['15', 'HI', 'Hawaii', 'West'],
  ['16', 'ID', 'Idaho', 'West'],
  ['17', 'IL', 'Illinois', 'Central'],
  ['18', 'IN', 'Indiana', 'Central'],
  ['19', 'IA', 'Iowa', 'Central'],
  ['20', 'KS', 'Kansas', 'Central'],
  ['21', 'KY', 'Kentucky', 'South'],
  ['22', 'LA', 'Louisiana', 'South'],
  ['23', 'ME', 'Maine', 'Northeast'],
  ['24', 'MD', 'Maryland', 'South'],
  ['25', 'MA', 'Massachusetts', 'Northeast'],
  ['26', 'MI', 'Michigan', 'Central'],
  ['27', 'MN', 'Minnesota', 'Central'],
  ['28', 'MS', 'Mississippi', 'South'],
  ['29', 'MO', 'Missouri', 'Central'],
  ['30', 'MT', 'Montana', 'West'],
  ['31', 'NE', 'Nebraska', 'Central'],
  ['32', 'NV', 'Nevada', 'West'],
  ['33', 'NH', 'New Hampshire', 'Northeast'],
  ['34', 'NJ', 'New Jersey', 'Northeast'],
  ['35', 'NM', 'New Mexico', 'West'],
  ['36', 'NY', 'New York', 'Northeast'],
  ['37', 'NC', 'North Carolina', 'South'],
  ['38', 'ND', 'North Dakota', 'Central'],
  ['39', 'OH', 'Ohio', 'Central'],
  ['40', 'OK', 'Oklahoma', 'South'],
  ['41', 'OR', 'Oregon', 'West'],
  ['42', 'PA', 'Pennsylvania', 'Northeast'],
  ['44', 'RI', 'Rhode Island', 'Northeast'],
  ['45', 'SC', 'South Carolina', 'South'],
  ['46', 'SD', 'South Dakota', 'Central'],
  ['47', 'TN', 'Tennessee', 'South'],
  ['48', 'TX', 'Texas', 'South'],
  ['49', 'UT', 'Utah', 'West'],
  ['50', 'VT', 'Vermont', 'Northeast'],
  ['51', 'VA', 'Virginia', 'South'],
  ['53', 'WA', 'Washington', 'West'],
  ['54', 'WV', 'West Virginia', 'South'],
  ['55', 'WI', 'Wisconsin', 'Central'],
  ['56', 'WY', 'Wyoming', 'West'],
];

/** The 50 states and DC, by FIPS order. */
export const US_STATES: readonly UsState[] = ROWS.map(([fips, abbr, name, region]) => ({ fips, abbr, name, region }));

const BY_FIPS = new Map(US_STATES.map((s) => [s.fips, s]));

/** State by 2-digit FIPS, or undefined for a territory or unknown code. */
export function usStateByFips(fips: string): UsState | undefined {
  return BY_FIPS.get(fips);
}
