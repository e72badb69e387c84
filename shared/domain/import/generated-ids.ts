/**
 * Ids for files without an id column: derived from what identifies a record to a person (its name
 * and address), so importing the same file again yields the same ids and updates instead of adding.
 */

/** Fields a generated id is derived from, in this order. */
export const GENERATED_ID_FIELDS = ['name', 'street', 'city', 'state', 'zip'] as const;

/** Prefix of every generated id (so nobody mistakes one for a CRM id). */
export const GENERATED_ID_PREFIX = 'gen-';

/** Lower case, accents and punctuation dropped, runs of spaces as one: "St. Mary's " and "ST MARYS" agree. */
export function normaliseForId(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * 53-bit cyrb53 hash (public domain, two multiplicative 32-bit lanes) as 11 base-36 digits: plain
 * number arithmetic, so hashing a million rows costs milliseconds. Two of 200,000 records collide
 * with a chance of about 1 in 450,000; a collision is made unique and reported like a repeat.
 */
function cyrb53(s: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36).padStart(11, '0');
}

/**
 * The id of a record with these field values: "gen-" and a hash of its normalised name and address.
 * Null when the record has neither a name nor an address (nothing stable to derive an id from).
 */
export function generatedId(values: Readonly<Record<string, string | number | undefined>>): string | null {
  const parts = GENERATED_ID_FIELDS.map((k) => normaliseForId(String(values[k] ?? '')));
  if (parts.every((p) => p === '')) return null;
  return GENERATED_ID_PREFIX + cyrb53(parts.join('|'));
}

/**
 * Makes generated ids unique within one file, deterministically: the first record with an id keeps
 * it, later ones (same name and address, or a hash collision) get "-2", "-3", … in file order, so the
 * same file gives the same ids on every import.
 */
export class GeneratedIds {
  private readonly counts = new Map<string, number>();

  /** The unique id for a base id, and how many records had that base before this one (0: none). */
  next(base: string): { id: string; earlier: number } {
    const earlier = this.counts.get(base) ?? 0;
    this.counts.set(base, earlier + 1);
    if (earlier === 0) return { id: base, earlier };
    // A base is "gen-" and base-36 digits, so "gen-…-2" can never be another record's base.
    return { id: `${base}-${earlier + 1}`, earlier };
  }
}
