import type { Delimiter, TextEncoding } from './types';

/** Encoding of a byte sample: BOM first, then UTF-16 by its zero bytes, then UTF-8 validity, else Windows-1252. */
export function detectEncoding(bytes: Uint8Array): { encoding: TextEncoding; bomLength: number } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  // ASCII text in UTF-16 has a zero in every other byte; which half tells the byte order.
  const n = Math.min(bytes.length, 4096) & ~1;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  if (n >= 4 && oddZeros > n * 0.3 && evenZeros < n * 0.05) return { encoding: 'utf-16le', bomLength: 0 };
  if (n >= 4 && evenZeros > n * 0.3 && oddZeros < n * 0.05) return { encoding: 'utf-16be', bomLength: 0 };
  return { encoding: isValidUtf8(bytes) ? 'utf-8' : 'windows-1252', bomLength: 0 };
}

/** True when the bytes are well-formed UTF-8 (a sequence cut at the end of the sample is allowed). */
export function isValidUtf8(bytes: Uint8Array): boolean {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const len = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (len === 0) return false;
    for (let k = 1; k < len; k++) {
      if (i + k >= bytes.length) return true;
      if ((bytes[i + k]! & 0xc0) !== 0x80) return false;
    }
    i += len;
  }
  return true;
}

/**
 * True when decoded text looks like a binary file rather than a table: NUL bytes or many other
 * control characters. Checked before parsing so the user hears "not a text file", not 10,000 row errors.
 */
export function looksBinary(text: string): boolean {
  const n = Math.min(text.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return true;
    if (c < 32 && c !== 9 && c !== 10 && c !== 13) control++;
    else if (c === 0xfffd) control++;
  }
  return n > 0 && control / n > 0.05;
}

const CANDIDATES: Delimiter[] = [',', ';', '\t', '|'];

/** Counts a delimiter per line outside quotes, for the first lines of a sample. */
function countsPerLine(text: string, d: string, maxLines: number): number[] {
  const counts: number[] = [];
  let inQuotes = false;
  let count = 0;
  for (let i = 0; i < text.length && counts.length < maxLines; i++) {
    const c = text[i];
    if (c === '"') inQuotes = !inQuotes;
    else if (!inQuotes && c === d) count++;
    else if (!inQuotes && c === '\n') {
      counts.push(count);
      count = 0;
    }
  }
  return counts;
}

/**
 * The delimiter that splits the sample's lines most consistently: the candidate whose most common
 * per-line count is highest among those appearing on most lines. Tab wins ties (a .tsv rarely has tabs in text).
 */
export function detectDelimiter(text: string): Delimiter {
  let best: Delimiter = ',';
  let bestScore = 0;
  for (const d of CANDIDATES) {
    const counts = countsPerLine(text.endsWith('\n') ? text : `${text}\n`, d, 50);
    if (counts.length === 0) continue;
    const freq = new Map<number, number>();
    for (const c of counts) if (c > 0) freq.set(c, (freq.get(c) ?? 0) + 1);
    let mode = 0;
    let modeCount = 0;
    for (const [c, f] of freq) if (f > modeCount || (f === modeCount && c > mode)) [mode, modeCount] = [c, f];
    // Consistency first (share of lines with the modal count), then number of columns.
    const score = (modeCount / counts.length) * 1000 + Math.min(mode, 999) + (d === '\t' ? 0.5 : 0);
    if (mode > 0 && score > bestScore) [best, bestScore] = [d, score];
  }
  return best;
}

const looksLikeNumber = (s: string) => /^[-+]?[$€£]?\s*[\d.,]+%?$/.test(s.trim());

/**
 * Index of the header row among the first parsed rows: the first row whose width matches the
 * table's usual width and whose cells are non-empty, mostly non-numeric and distinct. Rows above it
 * (report titles, export dates) are skipped. 0 when nothing better is found.
 */
export function detectHeaderRow(rows: readonly (readonly string[])[]): number {
  const widths = new Map<number, number>();
  for (const r of rows) if (r.length > 1) widths.set(r.length, (widths.get(r.length) ?? 0) + 1);
  let usual = 0;
  let usualCount = 0;
  for (const [w, c] of widths) if (c > usualCount || (c === usualCount && w > usual)) [usual, usualCount] = [w, c];
  for (let i = 0; i < Math.min(rows.length, 20); i++) {
    const r = rows[i]!;
    if (r.length !== usual) continue;
    const filled = r.filter((c) => c.trim() !== '');
    if (filled.length < Math.ceil(r.length / 2)) continue;
    const numeric = filled.filter(looksLikeNumber).length;
    if (numeric > filled.length / 4) continue;
    if (new Set(filled.map((c) => c.trim().toLowerCase())).size !== filled.length) continue;
    return i;
  }
  return 0;
}
