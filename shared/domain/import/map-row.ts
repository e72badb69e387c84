import { clip, normalizeZip, parseCompoundAddress, parseCoordinate, parseList, parseNumber, type DecimalMark } from './parse-values';
import type { FieldDef, ImportIssue } from './types';

/** Cell values of one row by field key, typed: strings for text/codes, numbers, JSON text for lists. */
export type FieldValues = Record<string, string | number>;

/** A mapped field with the index of its column. */
export type BoundField = FieldDef & { column: number; header: string };

/** Result of reading one row through the mapping. */
export type ReadRow = {
  values: FieldValues;
  /** Valid coordinates of the row, when it has both. */
  coords: { lat: number; lon: number } | null;
  issues: ImportIssue[];
  rejected: boolean;
};

const ADDRESS_KEYS = ['street', 'city', 'state', 'zip', 'country'] as const;

/**
 * Reads the mapped cells of a row. Bad numbers become 0 and bad coordinates are dropped (the record is
 * then placed by its address); each such repair is reported, as is a number that the file's decimal
 * mark (null: not known) leaves ambiguous. Only a missing id rejects the row.
 */
export function readRow(cells: readonly string[], line: number, fields: readonly BoundField[], mark: DecimalMark | null = 'point'): ReadRow {
  const values: FieldValues = {};
  const issues: ImportIssue[] = [];
  let lat: { f: BoundField; raw: string } | null = null;
  let lon: { f: BoundField; raw: string } | null = null;
  let compound: ReturnType<typeof parseCompoundAddress> = null;
  for (const f of fields) {
    const raw = cells[f.column] ?? '';
    switch (f.type) {
      case 'id': {
        const id = raw.trim();
        if (id === '') {
          addIssue(issues, line, f, 'missing-id', 'rejected', 'missing id');
          return { values, coords: null, issues, rejected: true };
        }
        values[f.key] = id;
        break;
      }
      case 'number': {
        if (raw.trim() === '') {
          values[f.key] = 0;
          break;
        }
        const n = parseNumber(raw, mark);
        values[f.key] = n.ok ? n.value : 0;
        if (!n.ok) addIssue(issues, line, f, 'bad-number', 'repaired', `${n.reason}; read as 0`);
        else if (n.ambiguous) {
          addIssue(issues, line, f, 'ambiguous-number', 'repaired', `"${clip(raw)}" could be ${n.value} or ${n.ambiguous.other}: no number in the file shows whether "." or "," is its decimal mark; read as ${n.value}`);
        }
        break;
      }
      case 'zip': {
        const z = normalizeZip(raw);
        values[f.key] = z.zip;
        if (z.repaired) addIssue(issues, line, f, 'zip-repaired', 'repaired', `ZIP "${clip(raw)}" read as ${z.zip} (leading zeros restored)`);
        break;
      }
      case 'lat':
        if (raw.trim() !== '') lat = { f, raw };
        break;
      case 'lon':
        if (raw.trim() !== '') lon = { f, raw };
        break;
      case 'list':
        values[f.key] = JSON.stringify(parseList(raw));
        break;
      case 'address-json':
        compound = parseCompoundAddress(raw);
        break;
      default:
        values[f.key] = raw.trim();
    }
  }
  if (compound) {
    const c = compound as NonNullable<typeof compound>;
    for (const k of ADDRESS_KEYS) {
      const v = c[k];
      if (v !== undefined && (values[k] === undefined || values[k] === '')) values[k] = k === 'zip' ? normalizeZip(v).zip : v;
    }
    const addressField = fields.find((f) => f.type === 'address-json')!;
    if (!lat && c.lat !== undefined) lat = { f: addressField, raw: c.lat };
    if (!lon && c.lon !== undefined) lon = { f: addressField, raw: c.lon };
  }
  return { values, coords: readCoords(lat, lon, issues, line), issues, rejected: false };
}

type Cell = { f: BoundField; raw: string } | null;

// Module-level helpers rather than closures made per row: at a million rows the allocations show.
function addIssue(issues: ImportIssue[], line: number, f: BoundField | null, code: ImportIssue['code'], action: ImportIssue['action'], reason: string): void {
  issues.push({ line, column: f?.header ?? null, code, action, reason });
}

function readCoords(lat: Cell, lon: Cell, issues: ImportIssue[], line: number): { lat: number; lon: number } | null {
  if (!lat && !lon) return null;
  if (!lat || !lon) {
    const has = (lat ?? lon)!;
    addIssue(issues, line, has.f, 'coordinates-out-of-range', 'repaired', `only ${lat ? 'latitude' : 'longitude'} given; placed by address instead`);
    return null;
  }
  const y = parseCoordinate(lat.raw, 'lat');
  const x = parseCoordinate(lon.raw, 'lon');
  if (!y.ok || !x.ok) {
    const bad = !y.ok ? { f: lat.f, r: y } : { f: lon.f, r: x as { ok: false; reason: string } };
    const code = /outside/.test(bad.r.reason) ? 'coordinates-out-of-range' : 'bad-number';
    addIssue(issues, line, bad.f, code, 'repaired', `${bad.r.reason}; placed by address instead`);
    return null;
  }
  // 0,0 ("Null Island") is what broken geocoders write for "unknown".
  if (y.value === 0 && x.value === 0) {
    addIssue(issues, line, lat.f, 'coordinates-out-of-range', 'repaired', '0,0 is not a real location; placed by address instead');
    return null;
  }
  return { lat: y.value, lon: x.value };
}
