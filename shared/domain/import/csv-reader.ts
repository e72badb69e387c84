/** Limits that keep a broken file from exhausting memory. */
export type CsvLimits = { maxRowChars: number };

const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * Incremental RFC 4180 reader: feed text in any chunks, get complete rows. Our own rather than
 * papaparse because shared/ must not pull in Node typings (@types/papaparse does), and because it
 * bounds memory: a row longer than maxRowChars (an unterminated quote in a 150 MB file) stops the
 * reader with an error instead of buffering the rest of the file.
 */
export class CsvReader {
  private rest = '';
  private stopped: string | null = null;
  private readonly d: number;

  constructor(
    delimiter: string,
    private readonly onRow: (cells: string[]) => void,
    private readonly limits: CsvLimits = { maxRowChars: 16 << 20 },
  ) {
    this.d = delimiter.charCodeAt(0);
  }

  /** Why reading stopped early, or null. */
  get error(): string | null {
    return this.stopped;
  }

  /** Feeds the next piece of text; complete rows are emitted, a partial one is kept. */
  feed(text: string): void {
    if (this.stopped) return;
    const buf = this.rest + text;
    const used = this.parse(buf, false);
    this.rest = buf.slice(used);
    if (this.rest.length > this.limits.maxRowChars) {
      this.stopped = `a row is longer than ${Math.round(this.limits.maxRowChars / 1048576)} MB (an unterminated quote?); reading stopped there`;
      this.rest = '';
    }
  }

  /** Emits the last row (a file need not end with a newline). */
  end(): void {
    if (this.stopped) return;
    if (this.rest !== '') this.parse(this.rest, true);
    this.rest = '';
  }

  /** Parses whole rows from buf; returns how many characters were consumed. */
  private parse(buf: string, final: boolean): number {
    const n = buf.length;
    const d = this.d;
    let p = 0;
    while (p < n) {
      const start = p;
      const cells: string[] = [];
      for (;;) {
        let value: string;
        if (buf.charCodeAt(p) === QUOTE) {
          let j = p + 1;
          let parts = '';
          for (;;) {
            const q = buf.indexOf('"', j);
            if (q < 0) {
              if (!final) return start;
              parts += buf.slice(j);
              j = n;
              break;
            }
            if (buf.charCodeAt(q + 1) === QUOTE) {
              parts += buf.slice(j, q + 1);
              j = q + 2;
              continue;
            }
            if (q + 1 >= n && !final) return start;
            parts += buf.slice(j, q);
            j = q + 1;
            break;
          }
          // Lenient: text after the closing quote (`"a"b`) is kept as part of the cell.
          let k = j;
          while (k < n) {
            const c = buf.charCodeAt(k);
            if (c === d || c === LF || c === CR) break;
            k++;
          }
          value = parts + buf.slice(j, k);
          p = k;
        } else {
          let k = p;
          while (k < n) {
            const c = buf.charCodeAt(k);
            if (c === d || c === LF || c === CR) break;
            k++;
          }
          value = buf.slice(p, k);
          p = k;
        }
        cells.push(value);
        if (p >= n) {
          if (!final) return start;
          break;
        }
        const c = buf.charCodeAt(p);
        if (c === d) {
          p++;
          if (p >= n && final) {
            cells.push('');
              break;
          }
          continue;
        }
        if (c === CR) {
          if (p + 1 >= n && !final) return start;
          p += buf.charCodeAt(p + 1) === LF ? 2 : 1;
        } else p++;
        break;
      }
      this.onRow(cells);
    }
    return p;
  }
}

/** Parses a whole text into rows (for samples and small files such as a units CSV). */
export function parseCsvText(text: string, delimiter: string, maxRows = Infinity): string[][] {
  const rows: string[][] = [];
  const r = new CsvReader(delimiter, (cells) => {
    if (rows.length < maxRows) rows.push(cells);
  });
  r.feed(text);
  r.end();
  return rows;
}
