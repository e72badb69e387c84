import { detectDelimiter } from './detect';
/** Limits that keep a broken file from exhausting memory or swallowing rows. */
export type CsvLimits = {
  /** A row (all its cells) longer than this stops the reader. */
  maxRowChars: number;
  /** A quoted cell longer than this, or running over more lines, is taken for an unclosed quote. */
  maxFieldChars: number;
  maxFieldLines: number;
};

/** Default limits: a Salesforce long text area holds 131,072 characters; 1 MB and 5,000 lines leave room. */
export const CSV_LIMITS: CsvLimits = { maxRowChars: 16 << 20, maxFieldChars: 1 << 20, maxFieldLines: 5000 };

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** Line breaks (LF, CRLF or a lone CR) in buf[from, to). */
function countBreaks(buf: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = buf.charCodeAt(i);
    if (c === LF) n++;
    else if (c === CR && buf.charCodeAt(i + 1) !== LF) n++;
  }
  return n;
}

const mb = (chars: number) => `${Math.round(chars / 1048576)} MB`;
const clipCell = (s: string) => {
  const line = s.split(/\r\n|\r|\n/, 1)[0]!;
  return line.length > 30 || line.length < s.length ? `${line.slice(0, 30)}…` : line;
};

/**
 * Incremental RFC 4180 reader: feed text in any chunks, get complete rows with the physical line each
 * starts on. Our own rather than papaparse because shared/ must not pull in Node typings
 * (@types/papaparse does), and because it refuses what would otherwise swallow rows silently: a quote
 * that is never closed, or a quoted cell that runs over thousands of lines or past CsvLimits (a stray
 * `"` opening a cell in a 50,000-row file), stops the reader with an error naming the line the quote
 * opened on. After an error no more rows are emitted.
 */
export class CsvReader {
  private rest = '';
  private line = 1;
  private stopped: string | null = null;
  private readonly d: number;

  constructor(
    delimiter: string,
    private readonly onRow: (cells: string[], line: number) => void,
    private readonly limits: CsvLimits = CSV_LIMITS,
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
    const buf = this.rest === '' ? text : this.rest + text;
    const used = this.parse(buf, false);
    this.rest = used === 0 ? buf : buf.slice(used);
    if (!this.stopped && this.rest.length > this.limits.maxRowChars) {
      this.stop(`line ${this.line} is longer than ${mb(this.limits.maxRowChars)} (a binary file, or a file without line breaks?); reading stopped there`);
    }
  }

  /** Emits the last row (a file need not end with a newline). */
  end(): void {
    if (this.stopped) return;
    if (this.rest !== '') this.parse(this.rest, true);
    this.rest = '';
  }

  private stop(reason: string): void {
    this.stopped = reason;
    this.rest = '';
  }

  private unclosed(buf: string, at: number, line: number, how: string): void {
    this.stop(
      `unclosed quote opened at line ${line}: \`${clipCell(buf.slice(at, at + 200))}\` — ${how}. ` +
        'A quote inside a cell must be doubled ("") or the whole cell put in quotes; fix the file and import it again',
    );
  }

  /** Parses whole rows from buf; returns how many characters were consumed. */
  private parse(buf: string, final: boolean): number {
    const n = buf.length;
    const d = this.d;
    const lim = this.limits;
    let p = 0;
    let line = this.line;
    while (p < n) {
      const start = p;
      const rowLine = line;
      const cells: string[] = [];
      for (;;) {
        let value: string;
        if (buf.charCodeAt(p) === QUOTE) {
          const open = p;
          let j = p + 1;
          let parts = '';
          let closed = false;
          for (;;) {
            const q = buf.indexOf('"', j);
            if (q < 0 || q - open > lim.maxFieldChars) break;
            if (buf.charCodeAt(q + 1) === QUOTE) {
              parts += buf.slice(j, q + 1);
              j = q + 2;
              continue;
            }
            if (q + 1 >= n && !final) break;
            parts += buf.slice(j, q);
            j = q + 1;
            closed = true;
            break;
          }
          const end = closed ? j : n;
          const breaks = countBreaks(buf, open, end);
          if (end - open > lim.maxFieldChars || breaks > lim.maxFieldLines) {
            const size = end - open > lim.maxFieldChars ? `longer than ${mb(lim.maxFieldChars)}` : `runs over more than ${lim.maxFieldLines.toLocaleString('en-US')} lines`;
            this.unclosed(buf, open, line, `the quoted cell ${size}`);
            return p;
          }
          if (!closed) {
            if (!final) {
              this.line = rowLine;
              return start;
            }
            // A quote left open on the last line is a cut-off file: that row is read (and its missing
            // cells reported); one that swallowed line breaks hid rows, and refuses the file.
            if (breaks > 0) {
              this.unclosed(buf, open, line, `the quoted cell runs over ${breaks.toLocaleString('en-US')} line${breaks > 1 ? 's' : ''} to the end of the file`);
              return p;
            }
            parts += buf.slice(j);
            j = n;
          }
          // Text after the closing quote (`"a"b`) is kept as part of the cell, unless the quoted part
          // spanned lines: then the quote was almost surely a stray one that swallowed line breaks.
          let k = j;
          while (k < n) {
            const c = buf.charCodeAt(k);
            if (c === d || c === LF || c === CR) break;
            k++;
          }
          if (k > j && breaks > 0) {
            this.unclosed(buf, open, line, `the quote closes ${breaks} line${breaks > 1 ? 's' : ''} later, in the middle of a cell`);
            return p;
          }
          value = k > j ? parts + buf.slice(j, k) : parts;
          line += breaks;
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
          if (!final) {
            this.line = rowLine;
            return start;
          }
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
          if (p + 1 >= n && !final) {
            this.line = rowLine;
            return start;
          }
          p += buf.charCodeAt(p + 1) === LF ? 2 : 1;
        } else p++;
        line++;
        break;
      }
      this.onRow(cells, rowLine);
      this.line = line;
    }
    this.line = line;
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

/** A small CSV file read whole: its header and its data rows, each with the physical line it starts on. */
export type CsvTable = { headers: string[]; rows: { cells: string[]; line: number }[]; delimiter: string };

/**
 * Reads a small CSV/TSV text (a leads or quota file) with the same reader and protections as imports:
 * a leading BOM is dropped, the delimiter detected, blank lines skipped, and a file the reader cannot
 * read whole (an unclosed quote, a cell past the limits) is refused with the line it starts on, never
 * read with rows merged or missing.
 */
export function readCsvTable(text: string, limits: CsvLimits = CSV_LIMITS): { ok: true; value: CsvTable } | { ok: false; message: string } {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const delimiter = detectDelimiter(body.slice(0, 64 * 1024));
  const rows: { cells: string[]; line: number }[] = [];
  const reader = new CsvReader(delimiter, (cells, line) => {
    if (!cells.every((c) => c.trim() === '')) rows.push({ cells, line });
  }, limits);
  reader.feed(body);
  reader.end();
  if (reader.error) return { ok: false, message: `The file cannot be read: ${reader.error}. Nothing was read from it; fix that line and try again.` };
  const [head, ...data] = rows;
  return { ok: true, value: { headers: head?.cells ?? [], rows: data, delimiter } };
}
