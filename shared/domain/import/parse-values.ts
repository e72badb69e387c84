/** A parsed cell: the value, or why it could not be read. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

/** Largest magnitude an imported number may have: 1e15 is more than any potential, revenue, count or coordinate, and a million such values still add up exactly enough and finitely. */
export const MAX_IMPORT_MAGNITUDE = 1e15;

/** Which character a file writes as its decimal separator: "1,234.5" (point) or "1.234,5" (comma). */
export type DecimalMark = 'point' | 'comma';

/** A parsed number; ambiguous when the text reads differently under the two decimal marks ("2.000"). */
export type ParsedNumber = { ok: true; value: number; ambiguous?: { other: number } } | { ok: false; reason: string };

const PLAIN = /^[-+]?\d+$/;
// One separator followed by exactly three digits, not after a lone 0: "2.000" is 2 or 2000, "12,500" 12.5 or 12500.
const AMBIGUOUS = /^[-+]?[1-9]\d{0,2}[.,]\d{3}$/;
const POINT_STYLE = [/^[-+]?\d{1,3}(,\d{3})+\.\d+$/, /^[-+]?\d{1,3}(,\d{3}){2,}$/, /^[-+]?\d*\.(\d{1,2}|\d{4,})$/, /^[-+]?(0|\d{4,})\.\d+$/];
const COMMA_STYLE = [/^[-+]?\d{1,3}(\.\d{3})+,\d+$/, /^[-+]?\d{1,3}(\.\d{3}){2,}$/, /^[-+]?\d*,(\d{1,2}|\d{4,})$/, /^[-+]?(0|\d{4,}),\d+$/, /^[-+]?\d{1,3}( \d{3})+,\d+$/];

/** Strips sign in parentheses, currency and percent: the number part of a cell, and its sign. */
function numberText(raw: string): { s: string; sign: number } {
  let s = raw.trim();
  let sign = 1;
  if (s.charCodeAt(0) === 40 && /^\(.*\)$/.test(s)) {
    sign = -1;
    s = s.slice(1, -1).trim();
  }
  s = s.replace(/^[-+]?\s*[$€£]\s*/, (m) => m.replace(/[$€£\s]/g, '')).replace(/%$/, '');
  return { s, sign };
}

/** The decimal mark a number cell proves ("1,234.5", "2.5" -> point; "1.234,5", "2,5" -> comma), or null. */
export function decimalMarkOf(raw: string): DecimalMark | null {
  const { s } = numberText(raw);
  if (PLAIN.test(s) || AMBIGUOUS.test(s)) return null;
  if (POINT_STYLE.some((re) => re.test(s))) return 'point';
  if (COMMA_STYLE.some((re) => re.test(s))) return 'comma';
  return null;
}

/** True when the cell reads differently with "." or "," as the decimal mark ("2.000", "1,500"). */
export function isAmbiguousNumber(raw: string): boolean {
  return AMBIGUOUS.test(numberText(raw).s);
}

/**
 * Reads a number the way CRMs and spreadsheets write them: "1,234.5", "$ 1 234", "(500)" for -500,
 * "12%" as 12, "1.2e6", and with mark 'comma' "1.234,5". Refuses anything else rather than guessing
 * (e.g. "12 apples", "1,2,3"). Without a known mark, "2.000" and "2,000" are read the US way (2 and
 * 2000) and flagged ambiguous with the other reading, so the caller can report them.
 */
export function parseNumber(raw: string, mark: DecimalMark | null = 'point'): ParsedNumber {
  if (PLAIN.test(raw)) return finite(Number(raw), raw);
  const t = numberText(raw);
  let s = t.s;
  if (s === '') return { ok: false, reason: 'empty' };
  if (PLAIN.test(s)) return finite(t.sign * Number(s), raw);
  if (AMBIGUOUS.test(s)) {
    const grouped = Number(s.replace(/[.,]/, ''));
    const decimal = Number(s.replace(',', '.'));
    const [value, other] = mark === 'comma' ? (s.includes('.') ? [grouped, decimal] : [decimal, grouped]) : s.includes(',') ? [grouped, decimal] : [decimal, grouped];
    return mark === null ? { ok: true, value: t.sign * value, ambiguous: { other: t.sign * other } } : finite(t.sign * value, raw);
  }
  if (mark === 'comma') {
    if (/^[-+]?\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)) s = s.replaceAll('.', '');
    else if (/^[-+]?\d{1,3}( \d{3})+(,\d+)?$/.test(s)) s = s.replaceAll(' ', '');
    if (/^[-+]?\d*,\d+$/.test(s)) s = s.replace(',', '.');
    else if (/[.,]/.test(s)) return { ok: false, reason: `"${clip(raw)}" is not a number (the file writes decimals with a comma)` };
  } else if (/^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) s = s.replaceAll(',', '');
  else if (/^[-+]?\d{1,3}( \d{3})+(\.\d+)?$/.test(s)) s = s.replaceAll(' ', '');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s)) return { ok: false, reason: `"${clip(raw)}" is not a number` };
  return finite(t.sign * Number(s), raw);
}

function finite(n: number, raw: string): ParsedNumber {
  if (!Number.isFinite(n) || Math.abs(n) > MAX_IMPORT_MAGNITUDE) return { ok: false, reason: `"${clip(raw)}" is out of range (larger than ${MAX_IMPORT_MAGNITUDE.toExponential()} in magnitude)` };
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
