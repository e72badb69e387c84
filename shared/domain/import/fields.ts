import type { FieldDef, ImportKind } from './types';

const LOCATION: FieldDef[] = [
  { key: 'street', label: 'Street', type: 'text' },
  { key: 'city', label: 'City', type: 'text' },
  { key: 'state', label: 'State', type: 'text' },
  { key: 'zip', label: 'ZIP / postal code', type: 'zip' },
  { key: 'county', label: 'County (name or FIPS)', type: 'text' },
  { key: 'country', label: 'Country', type: 'text' },
  { key: 'lat', label: 'Latitude', type: 'lat' },
  { key: 'lon', label: 'Longitude', type: 'lon' },
  { key: 'address', label: 'Compound address (Salesforce JSON)', type: 'address-json' },
];

/** Target fields of each import kind; id is required everywhere, the rest is optional. */
export const IMPORT_FIELDS: Record<ImportKind, FieldDef[]> = {
  accounts: [
    { key: 'id', label: 'Account id', type: 'id', required: true },
    { key: 'name', label: 'Name', type: 'text' },
    ...LOCATION,
    { key: 'industry', label: 'Industry', type: 'text' },
    { key: 'type', label: 'Type (customer / prospect)', type: 'text' },
    { key: 'segment', label: 'Segment', type: 'text' },
    { key: 'employees', label: 'Employees', type: 'number' },
    { key: 'potential', label: 'Potential (USD/yr)', type: 'number' },
    { key: 'revenue', label: 'Revenue (USD/yr)', type: 'number' },
    { key: 'workload', label: 'Workload (hours/yr)', type: 'number' },
    { key: 'owner', label: 'Owner (rep id or name)', type: 'text' },
  ],
  reps: [
    { key: 'id', label: 'Rep id', type: 'id', required: true },
    { key: 'name', label: 'Name', type: 'text' },
    { key: 'email', label: 'Email', type: 'text' },
    // Before the address fields, so that a "Region" column maps to the sales region, not to the state.
    { key: 'manager', label: 'Manager', type: 'text' },
    { key: 'team', label: 'Team', type: 'text' },
    { key: 'region', label: 'Sales region', type: 'text' },
    { key: 'office', label: 'Office (city, state): places a rep without an address', type: 'text' },
    { key: 'office_state', label: 'Office state (when the office column names none)', type: 'text' },
    ...LOCATION.filter((f) => f.key !== 'address'),
    { key: 'seniority', label: 'Seniority (junior, mid, senior)', type: 'text' },
    { key: 'industries', label: 'Industries (; separated)', type: 'list' },
    { key: 'languages', label: 'Languages (; separated)', type: 'list' },
  ],
  leads: [
    { key: 'id', label: 'Lead id', type: 'id', required: true },
    { key: 'name', label: 'Name', type: 'text' },
    { key: 'company', label: 'Company', type: 'text' },
    { key: 'email', label: 'Email', type: 'text' },
    { key: 'status', label: 'Status', type: 'text' },
    { key: 'source', label: 'Lead source', type: 'text' },
    ...LOCATION,
    { key: 'industry', label: 'Industry', type: 'text' },
    { key: 'owner', label: 'Owner (rep id or name)', type: 'text' },
  ],
};

/** Location fields: when one of them is imported, the record is placed again. */
export const LOCATION_KEYS = new Set(LOCATION.map((f) => f.key));

/** Field definition by kind and key; throws for an unknown key (a bug in a caller). */
export function fieldDef(kind: ImportKind, key: string): FieldDef {
  const f = IMPORT_FIELDS[kind].find((d) => d.key === key);
  if (!f) throw new Error(`Unknown ${kind} field: ${key}`);
  return f;
}
