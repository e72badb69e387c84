import { segmentForEmployees, workloadHours, type Segment } from '../dataset/synth';
import { placeAddress, type Gazetteer } from './geocode';
import { LOCATION_KEYS } from './fields';
import type { ReadRow } from './map-row';
import type { ImportIssue, ImportKind } from './types';
import type { UnitLocator } from './unit-locator';
import { unplacedReason } from './unplaced-reason';
import { clip } from './parse-values';
import { officeText, parseOffice } from './office';

/** A stored record: field key -> value; x, y, unit (index, -1 none) and placement are derived. */
export type ImportRecord = Record<string, string | number>;

const ADDRESS = ['street', 'city', 'state', 'zip', 'county', 'country'];

/** Stored fields of each kind, in the order reports list them. */
export const RECORD_KEYS: Record<ImportKind, readonly string[]> = {
  accounts: ['id', 'name', ...ADDRESS, 'industry', 'type', 'segment', 'employees', 'potential', 'revenue', 'workload', 'owner', 'x', 'y', 'unit', 'placement'],
  reps: ['id', 'name', 'email', ...ADDRESS, 'seniority', 'industries', 'languages', 'manager', 'team', 'region', 'office', 'x', 'y', 'unit', 'placement'],
  leads: ['id', 'name', 'company', 'email', 'status', 'source', ...ADDRESS, 'industry', 'owner', 'x', 'y', 'unit', 'placement'],
};


// Object literals, one per kind: V8 builds these in one step, where a loop over RECORD_KEYS or a
// spread of a template costs 10-40x more per record (measured at 1M rows). A unit test checks that
// each has exactly RECORD_KEYS.
const DEFAULTS: Record<ImportKind, () => ImportRecord> = {
  accounts: () => ({ id: '', name: '', street: '', city: '', state: '', zip: '', county: '', country: '', industry: '', type: '', segment: '', employees: 0, potential: 0, revenue: 0, workload: 0, owner: '', x: 0, y: 0, unit: -1, placement: 'none' }),
  reps: () => ({ id: '', name: '', email: '', street: '', city: '', state: '', zip: '', county: '', country: '', seniority: 'mid', industries: '[]', languages: '[]', manager: '', team: '', region: '', office: '', x: 0, y: 0, unit: -1, placement: 'none' }),
  leads: () => ({ id: '', name: '', company: '', email: '', status: '', source: '', street: '', city: '', state: '', zip: '', county: '', country: '', industry: '', owner: '', x: 0, y: 0, unit: -1, placement: 'none' }),
};

/** A new record with every field at its default (empty text, 0, unit -1, placement none). */
export function emptyRecord(kind: ImportKind): ImportRecord {
  return DEFAULTS[kind]();
}

/** Rep id of an owner cell (by id, else by name, case-insensitive), or null when no rep matches. */
export type RepResolver = (owner: string) => string | null;

/** What processing a row needs from the workspace. */
export type RowDeps = { gazetteer: Gazetteer; locator: UnitLocator | null; resolveRep: RepResolver | null };

/** A processed row: rejected, or the merged record with what changed against the stored one. */
export type RowOutcome =
  | { rejected: true; issues: ImportIssue[] }
  | { rejected: false; record: ImportRecord; isNew: boolean; changed: readonly string[]; issues: ImportIssue[]; unplaced: string | null };

const LOCATION_LIST = [...LOCATION_KEYS];
const NO_CHANGES: readonly string[] = [];
const SEGMENTS = new Set<string>(['SMB', 'Mid-Market', 'Enterprise']);
const isCustomer = (type: string) => /customer|client|active|partner/i.test(type) && !/prospect|former|churn/i.test(type);

/**
 * Merges a read row into the stored record of the same id (fields not mapped keep their values),
 * derives segment and workload when they are not imported, places the record again when any
 * location field is imported, finds its unit, and lists the fields that changed.
 */
export function processRow(kind: ImportKind, row: ReadRow, line: number, existing: ImportRecord | undefined, deps: RowDeps): RowOutcome {
  if (row.rejected) return { rejected: true, issues: row.issues };
  // The read row is not used after this: its issue list is extended in place.
  const issues = row.issues;
  const v = row.values;
  // A new record starts from a fresh default object; a stored one is copied so `changed` can compare.
  const keys = RECORD_KEYS[kind];
  const rec = emptyRecord(kind);
  if (existing) for (const k of keys) rec[k] = existing[k]!;
  for (const k of keys) if (v[k] !== undefined) rec[k] = v[k]!;
  if (rec.name === '') rec.name = rec.id!;

  if ((kind === 'accounts' || kind === 'leads') && v.owner !== undefined && rec.owner !== '' && deps.resolveRep) {
    const id = deps.resolveRep(String(rec.owner));
    if (id === null) {
      issues.push({ line, column: null, code: 'unknown-rep', action: 'repaired', reason: `owner "${clip(String(rec.owner))}" is not a known rep; left unowned` });
      rec.owner = '';
    } else rec.owner = id;
  }
  if (kind === 'accounts') deriveAccount(rec, !existing, v);
  if (kind === 'reps' && v.seniority !== undefined) {
    const s = String(rec.seniority).toLowerCase();
    const level = s.startsWith('jun') ? 'junior' : s.startsWith('sen') ? 'senior' : s.startsWith('mid') || s === '' ? 'mid' : null;
    if (level === null) issues.push({ line, column: null, code: 'bad-value', action: 'repaired', reason: `seniority "${clip(s)}" is not junior, mid or senior; read as mid` });
    rec.seniority = level ?? 'mid';
  }

  const officeMapped = kind === 'reps' && (v.office !== undefined || v.office_state !== undefined);
  if (officeMapped) rec.office = officeText(text(rec.office), text(v.office_state));

  let unplaced: string | null = null;
  const relocate = !existing || row.coords !== null || officeMapped || LOCATION_LIST.some((k) => v[k] !== undefined);
  if (relocate) {
    const zip = text(rec.zip);
    const county = text(rec.county);
    const address = { lat: row.coords?.lat ?? null, lon: row.coords?.lon ?? null, zip, city: text(rec.city), state: text(rec.state), county, country: text(rec.country) };
    let placed = placeAddress(address, deps.gazetteer);
    let reasonAddress: typeof address = address;
    let noAddress = 'no address and no coordinates';
    if (kind === 'reps' && (placed.placement === 'state' || placed.placement === 'none')) {
      // A rep without a home address works from their office: place them at its city (or state).
      const office = text(rec.office);
      const at = office ? parseOffice(office) : null;
      const byOffice = at ? placeAddress({ city: at.city, state: at.state }, deps.gazetteer) : null;
      if (at && byOffice && byOffice.placement !== 'none' && !(placed.placement === 'state' && byOffice.placement === 'state')) {
        placed = byOffice;
        reasonAddress = { ...address, zip: '', county: '', city: at.city, state: at.state };
        issues.push({ line, column: null, code: 'office-placement', action: 'repaired', reason: `no home address: placed at the office, ${clip(office)}` });
      } else if (placed.placement === 'none') {
        noAddress = !office
          ? 'no home address and no office city or state'
          : !at!.state && office.includes(',')
            ? `no home address, and the office "${clip(office)}": ${unplacedReason({ state: office.slice(office.lastIndexOf(',') + 1) }, 'none')}`
            : !at!.state
            ? `no home address, and the office "${clip(office)}" names no US state`
            : `no home address, and the office "${clip(office)}" is not a known US city`;
      }
    }
    rec.x = placed.x;
    rec.y = placed.y;
    rec.placement = placed.placement;
    rec.unit = placed.placement === 'none' || !deps.locator ? -1 : deps.locator.locate(placed.x, placed.y, { zip: reasonAddress.zip, county: reasonAddress.county }, placed.placement !== 'exact');
    if (placed.placement === 'none' || (rec.unit === -1 && deps.locator)) unplaced = unplacedReason(reasonAddress, placed.placement, noAddress);
    if (unplaced) {
      const code = placed.placement === 'none' ? 'unplaced' : 'outside-geography';
      issues.push({ line, column: null, code, action: 'kept', reason: unplaced });
    }
  }
  const changed = existing ? RECORD_KEYS[kind].filter((k) => existing[k] !== rec[k]) : NO_CHANGES;
  return { rejected: false, record: rec, isNew: !existing, changed, issues, unplaced };
}

/** A record field as text ('' when absent). */
const text = (value: string | number | undefined): string => String(value ?? '');

function deriveAccount(rec: ImportRecord, isNew: boolean, v: ReadRow['values']): void {
  // Plain property checks rather than a closure made per row: at a million rows the allocations show.
  const sizeChanged = isNew || v.employees !== undefined;
  if ((v.segment === undefined || rec.segment === '') && sizeChanged) rec.segment = segmentForEmployees(Number(rec.employees));
  if (v.workload === undefined && (isNew || v.segment !== undefined || v.type !== undefined || v.employees !== undefined)) {
    const seg = SEGMENTS.has(String(rec.segment)) ? (rec.segment as Segment) : segmentForEmployees(Number(rec.employees));
    rec.workload = workloadHours(seg, isCustomer(String(rec.type)));
  }
}
