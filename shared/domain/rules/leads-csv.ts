import { csvCell } from '../export/csv';
import { stateAbbr, type AddressInput } from '../import/geocode';
import { normalizeZip, parseNumber } from '../import/parse-values';
import type { Lead, RoutedLead } from './types';

/** Lead fields read from a leads CSV, with the header names each accepts (case and punctuation ignored). */
export const LEAD_COLUMNS = {
  id: ['id', 'lead id', 'leadid', 'lead'],
  company: ['company', 'company name', 'account name', 'account', 'organization'],
  accountId: ['account id', 'accountid', 'crm account id'],
  zip: ['zip', 'zip code', 'zipcode', 'postal code', 'postcode', 'postal'],
  state: ['state', 'state code', 'province', 'region'],
  city: ['city', 'town'],
  county: ['county', 'county fips'],
  lat: ['lat', 'latitude'],
  lon: ['lon', 'lng', 'long', 'longitude'],
  industry: ['industry', 'vertical', 'sector'],
  segment: ['segment', 'tier'],
  employees: ['employees', 'employee count', 'headcount', 'number of employees'],
  revenue: ['revenue', 'annual revenue', 'company revenue'],
} as const;

/** A lead field key. */
export type LeadField = keyof typeof LEAD_COLUMNS;

const headerKey = (h: string): string => h.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

/** Maps header positions to lead fields; a missing 'id' column is an error (leads need ids to report on). */
export function mapLeadHeaders(headers: readonly string[]): { ok: true; columns: Partial<Record<LeadField, number>> } | { ok: false; message: string } {
  const columns: Partial<Record<LeadField, number>> = {};
  const keys = headers.map(headerKey);
  for (const [field, names] of Object.entries(LEAD_COLUMNS) as [LeadField, readonly string[]][]) {
    const i = keys.findIndex((k) => names.includes(k));
    if (i >= 0) columns[field] = i;
  }
  if (columns.id === undefined) return { ok: false, message: `The leads CSV has no id column (looked for ${LEAD_COLUMNS.id.join(', ')}); found ${headers.join(', ')}` };
  return { ok: true, columns };
}

/** Five-digit ZIP from "75201", "75201-1234" or a number that lost its leading zero ("2101"); '' otherwise. */
export function zip5(raw: string): string {
  const { zip } = normalizeZip(raw);
  return /^\d{5}$/.test(zip) ? zip : '';
}

/** A number read as imports read them ("1,200", "$5,000"); null when empty or not a number. */
function num(raw: string): number | null {
  if (raw.trim() === '') return null;
  const n = parseNumber(raw);
  return n.ok ? n.value : null;
}

/** One CSV row read into a lead (territory not yet resolved) plus the address to place it by. */
export type LeadRow = { lead: Lead; address: AddressInput; line: number };

/** A data row of a leads file: its cells and the line it starts on. */
export type CsvRow = { readonly cells: readonly string[]; readonly line: number };

/** Reads data rows (after the header) into leads; rows without an id are reported, not dropped silently. */
export function readLeadRows(rows: readonly CsvRow[], columns: Partial<Record<LeadField, number>>): { leads: LeadRow[]; rejected: { line: number; reason: string }[] } {
  const leads: LeadRow[] = [];
  const rejected: { line: number; reason: string }[] = [];
  const seen = new Set<string>();
  const get = (r: readonly string[], f: LeadField): string => (columns[f] === undefined ? '' : (r[columns[f]!] ?? '').trim());
  for (const { cells: r, line } of rows) {
    if (r.every((c) => c.trim() === '')) continue;
    const id = get(r, 'id');
    if (!id) {
      rejected.push({ line, reason: 'no lead id' });
      continue;
    }
    if (seen.has(id)) {
      rejected.push({ line, reason: `duplicate lead id ${id}` });
      continue;
    }
    seen.add(id);
    const lat = num(get(r, 'lat'));
    const lon = num(get(r, 'lon'));
    const validCoords = lat !== null && lon !== null && Math.abs(lat) <= 90 && Math.abs(lon) <= 180;
    const zip = zip5(get(r, 'zip'));
    const state = stateAbbr(get(r, 'state'));
    leads.push({
      line,
      lead: { id, company: get(r, 'company'), accountId: get(r, 'accountId'), zip, state, industry: get(r, 'industry'), segment: get(r, 'segment'), employees: num(get(r, 'employees')), revenue: num(get(r, 'revenue')), territoryId: null },
      address: { lat: validCoords ? lat : null, lon: validCoords ? lon : null, zip, city: get(r, 'city'), state, county: get(r, 'county') },
    });
  }
  return { leads, rejected };
}

/** Columns appended to every input row in routed.csv. */
export const ROUTED_COLUMNS = ['routed_rule_id', 'routed_rule', 'routed_to', 'routed_territory', 'routed_rep', 'routed_queue', 'routed_reason'] as const;

/** routed.csv: the input header and rows (as read) with the routing columns appended; cells escaped against formulas. */
export function routedCsv(headers: readonly string[], rows: readonly CsvRow[], routedByLine: ReadonlyMap<number, RoutedLead>): string {
  const out = [[...headers, ...ROUTED_COLUMNS].map(csvCell).join(',')];
  for (const { cells: r, line } of rows) {
    const x = routedByLine.get(line);
    if (!x) continue;
    const a = x.assignee;
    const extra = [x.ruleId ?? '', x.ruleName, a.kind, a.territoryId ?? '', a.repId ?? '', a.queue ?? '', x.reason];
    out.push([...headers.map((_, c) => r[c] ?? ''), ...extra].map(csvCell).join(','));
  }
  return `${out.join('\r\n')}\r\n`;
}
