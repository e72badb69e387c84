import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import type { TextEncoding } from '../../../shared/domain/import/types';

// Windows-1252 bytes 0x80..0x9F (the five it leaves undefined map to the C1 controls, as browsers do).
const CP1252_C1 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';
const cp1252 = (b: number): string => (b >= 0x80 && b < 0xa0 ? CP1252_C1[b - 0x80]! : String.fromCharCode(b));

/** Length of the well-formed UTF-8 sequence starting at i (WHATWG rules: no overlongs, surrogates or > U+10FFFF), or 0. */
function sequenceLength(buf: Uint8Array, i: number, end: number): number {
  const b = buf[i]!;
  if (b < 0x80) return 1;
  const cont = (k: number, lo = 0x80, hi = 0xbf) => i + k < end && buf[i + k]! >= lo && buf[i + k]! <= hi;
  if (b >= 0xc2 && b <= 0xdf) return cont(1) ? 2 : 0;
  if (b >= 0xe0 && b <= 0xef) {
    const ok = b === 0xe0 ? cont(1, 0xa0) : b === 0xed ? cont(1, 0x80, 0x9f) : cont(1);
    return ok && cont(2) ? 3 : 0;
  }
  if (b >= 0xf0 && b <= 0xf4) {
    const ok = b === 0xf0 ? cont(1, 0x90) : b === 0xf4 ? cont(1, 0x80, 0x8f) : cont(1);
    return ok && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

/** Where the complete characters of buf end: a multi-byte sequence cut by the chunk's end is left for the next. */
function completeEnd(buf: Uint8Array): number {
  const n = buf.length;
  for (let i = n - 1; i >= Math.max(0, n - 3); i--) {
    const b = buf[i]!;
    if (b < 0x80) return n;
    if (b >= 0xc0) {
      const len = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      return i + len > n ? i : n;
    }
  }
  return n;
}

type WellFormed = { isWellFormed: () => boolean; toWellFormed: () => string };

/**
 * UTF-16 text may hold lone surrogates, which SQLite would silently store as U+FFFD: they become U+FFFD
 * here, where the import sees and reports them (native checks, no per-character loop).
 */
const wellFormed = (text: string): string => ((text as unknown as WellFormed).isWellFormed() ? text : (text as unknown as WellFormed).toWellFormed());

/** The first bytes that were not UTF-8, read as Windows-1252 instead. */
export type EncodingFallback = { line: number; text: string; mixed: boolean };

/**
 * Streaming decoder of an import. Other encodings go through iconv-lite. UTF-8 (what the preview
 * guessed from the file's first 64 KB) is checked over the whole file: bytes that are not UTF-8 are
 * read as Windows-1252, never turned into U+FFFD, and the first such place is kept in `fallback` so the
 * import reports it ("Société Générale" after 64 KB of ASCII stays "Société Générale").
 */
export class ImportTextDecoder {
  private carry: Buffer = Buffer.alloc(0);
  private lines = 1;
  private multibyte = false;
  private started = false;
  private readonly other: ReturnType<typeof iconv.getDecoder> | null;
  fallback: EncodingFallback | null = null;

  constructor(encoding: TextEncoding) {
    this.other = encoding === 'utf-8' ? null : iconv.getDecoder(encoding, { stripBOM: true });
  }

  write(chunk: Uint8Array): string {
    const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (this.other) return wellFormed(this.other.write(bytes));
    let buf = this.carry.length ? Buffer.concat([this.carry, bytes]) : bytes;
    if (!this.started && buf.length >= 3) {
      this.started = true;
      if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) buf = buf.subarray(3);
    }
    const end = completeEnd(buf);
    this.carry = Buffer.from(buf.subarray(end));
    return this.decode(buf, end);
  }

  end(): string {
    if (this.other) return wellFormed(this.other.end() ?? '');
    const rest = this.carry;
    this.carry = Buffer.alloc(0);
    return rest.length ? this.decode(rest, rest.length) : '';
  }

  private decode(buf: Buffer, end: number): string {
    if (isUtf8(buf.subarray(0, end))) {
      const text = buf.toString('utf8', 0, end);
      if (text.length !== end) this.multibyte = true;
      if (this.fallback === null) this.countLines(buf, 0, end);
      return text;
    }
    let out = '';
    let from = 0;
    let i = 0;
    while (i < end) {
      if (buf[i]! < 0x80) {
        i++;
        continue;
      }
      const len = sequenceLength(buf, i, end);
      if (len > 0) {
        this.multibyte = true;
        i += len;
        continue;
      }
      out += buf.toString('utf8', from, i);
      if (this.fallback === null) {
        this.countLines(buf, 0, i);
        const lineStart = buf.lastIndexOf(10, i) + 1;
        const tail = buf.indexOf(10, i);
        const lineBytes = buf.subarray(lineStart, tail < 0 ? Math.min(end, i + 40) : Math.min(tail, i + 40));
        // The sample line decoded the way the rest of the file will be: ASCII + UTF-8 + Windows-1252 bytes.
        const sample = [...lineBytes].every((b) => b < 0x80) ? lineBytes.toString('latin1') : iconv.decode(lineBytes, isUtf8(lineBytes) ? 'utf-8' : 'windows-1252');
        this.fallback = { line: this.lines, text: sample.trim(), mixed: this.multibyte };
      }
      out += cp1252(buf[i]!);
      i++;
      from = i;
    }
    return out + buf.toString('utf8', from, end);
  }

  private countLines(buf: Buffer, from: number, to: number): void {
    for (let i = buf.indexOf(10, from); i >= 0 && i < to; i = buf.indexOf(10, i + 1)) this.lines++;
  }
}
