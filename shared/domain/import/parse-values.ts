/** A parsed cell: the value, or why it could not be read. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

/** Largest magnitude an imported number may have: 1e15 is more than any potential, revenue, count or coordinate, and a million such values still add up exactly enough and finitely. */
export const MAX_IMPORT_MAGNITUDE = 1e15;

/**
 * Reads a number the way CRMs and spreadsheets write them: "1,234.5", "$ 1 234", "(500)" for -500,
 * "12%" as 12, "1.2e6". Refuses anything else rather than guessing (e.g. "12 apples", "1,2,3").
 */
export function parseNumber(raw: string): Parsed<number> {
  let s = raw.trim();
  if (s === '') return { ok: false, reason: 'empty' };
  let sign = 1;
  if (/^\(.*\)$/.test(s)) {
    sign = -1;
    s = s.slice(1, -1).trim();
  }
  s = s.replace(/^[-+]?\s*[$€£]\s*/, (m) => m.replace(/[$€£\s]/g, '')).replace(/%$/, '');
  if (/^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) s = s.replaceAll(',', '');
  else if (/^[-+]?\d{1,3}( \d{3})+(\.\d+)?$/.test(s)) s = s.replaceAll(' ', '');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s)) return { ok: false, reason: `"${clip(raw)}" is not a number` };
  const n = sign * Number(s);
  if (!(Math.abs(n) <= MAX_IMPORT_MAGNITUDE)) return { ok: false, reason: `"${clip(raw)}" is out of range (larger than ${MAX_IMPORT_MAGNITUDE.toExponential()} in magnitude)` };
  return { ok: true, value: n };
}

/** Reads a latitude or longitude in decimal degrees, checking its range. */
export function parseCoordinate(raw: string, axis: 'lat' | 'lon'): Parsed<number> {
  const n = parseNumber(raw);
  if (!n.ok) return n;
  const limit = axis === 'lat' ? 90 : 180;
  if (Math.abs(n.value) > limit) return { ok: false, reason: `${axis === 'lat' ? 'latitude' : 'longitude'} ${n.value} is outside ±${limit}` };
  return n;
}

/**
 * A US ZIP code as 5 digits: "02101-1234" -> "02101"; "2101" (a spreadsheet dropped the leading zero)
 * -> "02101" with repaired = true. Other postal codes are kept as written (trimmed, upper-cased).
 */
export function normalizeZip(raw: string): { zip: string; repaired: boolean } {
  const s = raw.trim().toUpperCase();
  const us = /^(\d{3,5})(-\d{4})?$/.exec(s);
  if (!us) return { zip: s, repaired: false };
  const digits = us[1]!;
  return { zip: digits.padStart(5, '0'), repaired: digits.length < 5 };
}

/** Splits a list cell on ; | or , (whichever the cell uses), trimming and dropping empties. */
export function parseList(raw: string): string[] {
  const sep = raw.includes(';') ? ';' : raw.includes('|') ? '|' : ',';
  return raw.split(sep).map((s) => s.trim()).filter((s) => s !== '');
}

/** Fields of a Salesforce compound address cell. */
export type CompoundAddress = { street?: string; city?: string; state?: string; zip?: string; country?: string; lat?: string; lon?: string };

/**
 * Reads a Salesforce compound address cell (`{"city":"…","postalCode":"…","latitude":…}`) into the
 * plain address fields; null when the cell is empty or not such JSON.
 */
export function parseCompoundAddress(raw: string): CompoundAddress | null {
  const s = raw.trim();
  if (!s.startsWith('{')) return null;
  let o: unknown;
  try {
    o = JSON.parse(s);
  } catch {
    return null;
  }
  if (!o || typeof o !== 'object') return null;
  const r = o as Record<string, unknown>;
  const str = (v: unknown) => (v === null || v === undefined || v === '' ? undefined : String(v));
  const out: CompoundAddress = {
    street: str(r.street),
    city: str(r.city),
    state: str(r.state ?? r.stateCode),
    zip: str(r.postalCode),
    country: str(r.country ?? r.countryCode),
    lat: str(r.latitude),
    lon: str(r.longitude),
  };
  for (const k of Object.keys(out) as (keyof CompoundAddress)[]) if (out[k] === undefined) delete out[k];
  return out;
}

/** Shortens a cell for a message so a 1 MB cell does not end up in the report. */
export function clip(s: string, max = 40): string {
  return s.length > max ? `${s.slice(0, max)}…` : s;
}
