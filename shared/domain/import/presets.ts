import { IMPORT_FIELDS } from './fields';
import type { ColumnMapping, ImportKind, ImportPreview } from './types';

/** A named mapping: for each field, the header names it is read from (first match wins). */
export type MappingPreset = { name: string; kind: ImportKind | 'any'; fields: Record<string, string[]> };

/** Salesforce Account / Lead / User export headers (API names). */
export const SALESFORCE_PRESET: MappingPreset = {
  name: 'salesforce',
  kind: 'any',
  fields: {
    id: ['Id'],
    name: ['Name'],
    // Account (Billing*), Lead and User (plain), Contact (Mailing*) address fields.
    street: ['BillingStreet', 'Street', 'MailingStreet'],
    city: ['BillingCity', 'City', 'MailingCity'],
    state: ['BillingState', 'State', 'BillingStateCode', 'StateCode', 'MailingState'],
    zip: ['BillingPostalCode', 'PostalCode', 'MailingPostalCode'],
    country: ['BillingCountry', 'Country', 'MailingCountry'],
    lat: ['BillingLatitude', 'Latitude', 'MailingLatitude'],
    lon: ['BillingLongitude', 'Longitude', 'MailingLongitude'],
    address: ['BillingAddress', 'Address', 'MailingAddress'],
    industry: ['Industry'],
    type: ['Type'],
    employees: ['NumberOfEmployees'],
    // A company's annual revenue is its size, i.e. the market potential for us; our own sales to it
    // are not in a standard Account export. The user remaps it in the preview if they disagree.
    potential: ['AnnualRevenue'],
    owner: ['OwnerId'],
    company: ['Company', 'Current_Employer__c'],
    email: ['Email'],
    status: ['Status'],
    source: ['LeadSource'],
  },
};

/** HubSpot company export headers (display names). */
export const HUBSPOT_PRESET: MappingPreset = {
  name: 'hubspot',
  kind: 'any',
  fields: {
    id: ['Record ID', 'Company ID'],
    name: ['Company name', 'Name'],
    street: ['Street Address', 'Address'],
    city: ['City'],
    state: ['State/Region', 'State'],
    zip: ['Postal Code', 'Zip'],
    country: ['Country/Region', 'Country'],
    industry: ['Industry'],
    type: ['Type', 'Lifecycle Stage'],
    employees: ['Number of Employees'],
    potential: ['Annual Revenue'],
    owner: ['Company owner', 'Contact owner', 'HubSpot Owner'],
    email: ['Email'],
    status: ['Lead Status'],
  },
};

/** Plain headers: the field keys and common synonyms, compared case- and punctuation-insensitively. */
export const PLAIN_PRESET: MappingPreset = {
  name: 'plain',
  kind: 'any',
  fields: {
    id: ['id', 'account id', 'accountid', 'rep id', 'lead id', 'external id', 'code', 'provider id', 'facility id', 'ccn', 'account number', 'customer number', 'customer id', 'acct no'],
    name: ['name', 'account name', 'company name', 'rep name', 'full name', 'hospital name', 'facility name', 'customer name'],
    street: ['street', 'address', 'address 1', 'street address'],
    city: ['city', 'town', 'city town'],
    state: ['state', 'state code', 'province', 'region'],
    zip: ['zip', 'zip code', 'zipcode', 'postal code', 'postcode', 'postalcode'],
    county: ['county', 'county name', 'county parish', 'county fips', 'fips'],
    country: ['country'],
    lat: ['lat', 'latitude', 'y'],
    lon: ['lon', 'lng', 'long', 'longitude', 'x'],
    industry: ['industry', 'sector'],
    type: ['type', 'status type', 'customer type'],
    segment: ['segment'],
    employees: ['employees', 'employee count', 'headcount', 'number of employees'],
    potential: ['potential', 'annual revenue', 'market potential'],
    revenue: ['revenue', 'sales', 'current revenue', 'bookings'],
    workload: ['workload', 'hours'],
    owner: ['owner', 'owner id', 'rep', 'rep id', 'account owner'],
    email: ['email', 'e-mail'],
    seniority: ['seniority', 'level'],
    manager: ['manager', 'manager name', 'sales manager', 'reports to', 'reports to name', 'supervisor', 'manager id'],
    team: ['team', 'team name', 'sales team', 'pod', 'squad'],
    region: ['region', 'sales region', 'region name', 'area', 'division'],
    office: ['office', 'regional office', 'office location', 'home office', 'branch', 'branch office', 'sales office', 'office city', 'location', 'base'],
    office_state: ['office state', 'office st', 'regional office state', 'branch state'],
    industries: ['industries'],
    languages: ['languages', 'language'],
    company: ['company', 'company name', 'account'],
    status: ['status', 'lead status'],
    source: ['source', 'lead source'],
  },
};

/** Built-in presets by name. */
export const BUILTIN_PRESETS: Record<string, MappingPreset> = {
  salesforce: SALESFORCE_PRESET,
  hubspot: HUBSPOT_PRESET,
  plain: PLAIN_PRESET,
};

const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

/** Maps each field of a kind to the first header the preset names for it (exact, then normalised). */
export function applyPreset(preset: MappingPreset, kind: ImportKind, headers: readonly string[]): ColumnMapping {
  const exact = new Map(headers.map((h) => [h.trim(), h]));
  const loose = new Map<string, string>();
  for (const h of headers) if (!loose.has(norm(h))) loose.set(norm(h), h);
  const used = new Set<string>();
  const mapping: ColumnMapping = {};
  for (const f of IMPORT_FIELDS[kind]) {
    for (const name of preset.fields[f.key] ?? []) {
      const h = exact.get(name) ?? loose.get(norm(name));
      if (h !== undefined && !used.has(h)) {
        mapping[f.key] = h;
        used.add(h);
        break;
      }
    }
  }
  return mapping;
}

/** Which built-in preset the headers look like: Salesforce API names, HubSpot display names, or plain. */
export function detectPreset(headers: readonly string[]): ImportPreview['detectedPreset'] {
  const set = new Set(headers.map((h) => h.trim()));
  const sf = ['Id', 'BillingCity', 'BillingPostalCode', 'OwnerId', 'NumberOfEmployees', 'AnnualRevenue', 'IsDeleted'].filter((h) => set.has(h)).length;
  const hs = ['Record ID', 'Company name', 'Company owner', 'State/Region', 'Postal Code'].filter((h) => set.has(h)).length;
  if (sf >= 2 && sf >= hs) return 'salesforce';
  if (hs >= 2) return 'hubspot';
  return 'plain';
}

/**
 * The automatic mapping: the detected preset first, then plain synonyms for fields it left open
 * (a Salesforce export with a custom "Segment__c" still gets "segment" if a plain header matches).
 */
export function autoMap(kind: ImportKind, headers: readonly string[]): { mapping: ColumnMapping; preset: ImportPreview['detectedPreset'] } {
  const preset = detectPreset(headers);
  const first = applyPreset(BUILTIN_PRESETS[preset]!, kind, headers);
  if (preset === 'plain') return { mapping: guessByShape(kind, headers, first), preset };
  const taken = new Set(Object.values(first));
  const rest = applyPreset(PLAIN_PRESET, kind, headers.filter((h) => !taken.has(h)));
  return { mapping: guessByShape(kind, headers, { ...rest, ...first }), preset };
}

/** Headers that end like an identifier ("Provider ID", "Customer #", "Acct No", "CCN") but are not a record's id. */
const NOT_AN_ID = /\b(phone|telephone|fax|zip|postal|county|state|country|area|tax|ssn|npi|parent|owner|rep|manager|territory|region)\b/;
const ID_STRONG = /(\bid|\bccn|#)$/;
const ID_WEAK = /\b(number|num|no|nbr|code|key)\.?$/;
/** Headers that end like a name ("Hospital Name", "Facility Name") but name something else than the record. */
const NOT_A_NAME = /\b(county|city|state|country|contact|owner|rep|manager|first|last|middle|user|file|sheet|parent|territory|region)\b/;
const NAME_LIKE = /(\bname|^company|^facility|^hospital|^organi[sz]ation|^business|^account|^customer|^practice|^clinic)$/;
/** "Hospital Type", "Facility Type": an attribute of the record (its segment), not customer / prospect. */
const KIND_LIKE = /\b(type|category|class|tier)$/;
const NOT_A_SEGMENT = /\b(customer|account|record|lead|ownership|owner)\b/;

/**
 * Fields the presets left open, guessed from how a sales-ops header is shaped: the first header
 * ending in ID / CCN / # (else Number / No / Code) is the id, the first ending in Name (or naming the
 * record: "Company", "Facility") is the name, and a "… Type" or "… Category" column is the segment.
 * Headers already mapped are never taken twice.
 */
export function guessByShape(kind: ImportKind, headers: readonly string[], mapping: ColumnMapping): ColumnMapping {
  const out = { ...mapping };
  const keys = new Set(IMPORT_FIELDS[kind].map((f) => f.key));
  const taken = new Set(Object.values(out));
  const shape = (h: string) => h.toLowerCase().replace(/[^a-z0-9#]+/g, ' ').trim();
  const pick = (key: string, test: (s: string) => boolean) => {
    if (!keys.has(key) || out[key] !== undefined) return;
    const h = headers.find((x) => !taken.has(x) && test(shape(x)));
    if (h === undefined) return;
    out[key] = h;
    taken.add(h);
  };
  pick('id', (s) => ID_STRONG.test(s) && !NOT_AN_ID.test(s));
  pick('id', (s) => ID_WEAK.test(s) && !NOT_AN_ID.test(s));
  pick('name', (s) => NAME_LIKE.test(s) && !NOT_A_NAME.test(s));
  pick('county', (s) => /^county\b/.test(s) && !/\b(fips|code)\b/.test(s));
  pick('segment', (s) => KIND_LIKE.test(s) && !NOT_A_SEGMENT.test(s));
  return out;
}
