import { err, ok, type Result } from '../../contracts/result';
import type { Placement } from '../dataset/types';
import { IMPORT_FIELDS } from './fields';
import { GeneratedIds, generatedId } from './generated-ids';
import { readRow, type BoundField } from './map-row';
import { clip, decimalMarkOf, isAmbiguousNumber, type DecimalMark } from './parse-values';
import { processRow, type ImportRecord, type RowDeps } from './records';
import type { ColumnMapping, ImportIssue, ImportKind, ImportSummary } from './types';

/** Where processed records go: the Node side backs it with SQLite, tests with a Map. */
export type RecordStore = {
  get: (id: string) => ImportRecord | undefined;
  put: (record: ImportRecord, isNew: boolean) => void;
};

/** Options of one import run. */
export type ImportRunOptions = {
  kind: ImportKind;
  headerRow: number;
  mapping: ColumnMapping;
  deps: RowDeps;
  store: RecordStore;
  /** Most issues and unplaced records listed; the rest are counted only. */
  listCap?: number;
  /** The file's decimal mark when known (a spreadsheet's locale); else learned from its numbers. */
  decimalMark?: DecimalMark;
  /** No id column: each record's id is derived from its name and address (generated-ids.ts). */
  generateIds?: boolean;
};

/** Failures that stop an import before any row is read. */
export type ImportFailure = 'empty' | 'bad-mapping' | 'too-many-columns';

/** A header wider than this is not a CRM export (and would make every row expensive). */
export const MAX_COLUMNS = 5000;

/**
 * A copy of a short string that does not keep its source alive. Cells are slices of the ~1 MB chunk
 * text they were read from, and V8 keeps the whole chunk alive for as long as a slice of it lives: a
 * set of 1M ids would pin the whole file. Concatenating makes a new flat string the copy slices from.
 */
const detach = (s: string): string => (s + ' ').slice(0, -1);

/** Up to 40 characters around the first U+FFFD of a cell. */
const clipAround = (s: string): string => {
  const i = Math.max(0, s.indexOf('\uFFFD') - 20);
  return `${i > 0 ? '…' : ''}${s.slice(i, i + 40)}${i + 40 < s.length ? '…' : ''}`;
};

const FIELD_OF: Partial<Record<ImportIssue['code'], string>> = { 'unknown-rep': 'owner' };

const NO_FIELDS: readonly BoundField[] = [];

const PLACEMENTS: Placement[] = ['exact', 'zip', 'city', 'county', 'state', 'none'];

/** Rows held back while an ambiguous number ("2.000") waits for the file to show its decimal mark. */
const MAX_PENDING = 20_000;

/**
 * Consumes parsed rows one at a time (so a 1M-row file never sits in memory): skips rows above the
 * header, binds the mapping to the header, tracks physical line numbers (quoted cells may span
 * lines), rejects duplicate ids and over-long rows, and writes every valid record to the store.
 * Every data row ends up imported or rejected with a reason (rows = imported + rejected).
 *
 * Numbers such as "2.000" read as 2 with a decimal point and as 2000 with a decimal comma. The run
 * learns the file's mark from its unambiguous numbers ("1.234,56", "2,5", coordinates); a row with an
 * ambiguous number waits (with the rows after it, keeping their order, at most MAX_PENDING) until the
 * mark is known, and is read the US way and reported when the file never shows it.
 */
export class ImportRun {
  private line = 1;
  private rowIndex = 0;
  private fields: BoundField[] | null = null;
  private width = 0;
  private failure: { code: ImportFailure; message: string } | null = null;
  private seen = new Set<string>();
  private mark: DecimalMark | null;
  private markFields: number[] = [];
  private headerLine = 1;
  private pending: { cells: readonly string[]; line: number }[] = [];
  private readonly generated = new GeneratedIds();
  private readonly cap: number;
  private readonly started = Date.now();
  /** Whether the text read so far held U+FFFD; null when the reader does not show the run its text. */
  private replacementSeen: boolean | null = null;
  readonly summary: ImportSummary;

  constructor(private readonly o: ImportRunOptions) {
    this.cap = o.listCap ?? 1000;
    this.mark = o.decimalMark ?? null;
    this.summary = {
      kind: o.kind, rows: 0, imported: 0, added: 0, updated: 0, unchanged: 0, rejected: 0, repaired: 0,
      fieldChanges: {}, placement: Object.fromEntries(PLACEMENTS.map((p) => [p, 0])) as Record<Placement, number>,
      unplaced: [], issues: [], issuesOmitted: 0, cancelled: false, seconds: 0,
    };
  }

  /**
   * Shows the run a piece of the text its rows are read from, before those rows are pushed. Once a
   * reader does, rows are scanned for U+FFFD only from the first piece that holds one (a row never
   * holds text that was not shown); without it every row is scanned.
   */
  watchText(text: string): void {
    if (this.replacementSeen !== true) this.replacementSeen = text.includes('\uFFFD');
  }

  /** The failure that stopped the run, if any (no further rows are read after one). */
  get failed(): { code: ImportFailure; message: string } | null {
    return this.failure;
  }

  /**
   * Feeds one parsed row (its cells as text) and the physical line it starts on; without a line
   * number the run counts lines itself (one per row plus the line breaks inside its cells).
   */
  push(cells: readonly string[], startLine?: number): void {
    const line = startLine ?? this.line;
    if (startLine === undefined) {
      let breaks = 0;
      for (const c of cells) for (let i = c.indexOf('\n'); i >= 0; i = c.indexOf('\n', i + 1)) breaks++;
      this.line += 1 + breaks;
    }
    // Empty lines are skipped before counting rows, as the preview does, so headerRow means the same there.
    if (this.failure || (cells.length === 1 && cells[0]!.trim() === '')) return;
    const index = this.rowIndex++;
    if (index < this.o.headerRow) return;
    if (index === this.o.headerRow) {
      this.headerLine = line;
      return this.bindHeader(cells);
    }
    if (this.mark === null && this.waitForMark(cells)) {
      this.pending.push({ cells, line });
      if (this.pending.length >= MAX_PENDING) this.flush();
      return;
    }
    this.flush();
    this.row(cells, line);
  }

  /** Learns the decimal mark from the row's number cells; true when the row must wait for it. */
  private waitForMark(cells: readonly string[]): boolean {
    let ambiguous = false;
    for (const c of this.markFields) {
      const raw = cells[c];
      if (raw === undefined || raw === '') continue;
      const m = decimalMarkOf(raw);
      if (m) {
        this.mark = m;
        return false;
      }
      if (!ambiguous && isAmbiguousNumber(raw)) ambiguous = true;
    }
    return ambiguous || this.pending.length > 0;
  }

  /** Processes the rows held back for the decimal mark, in order. */
  private flush(): void {
    if (this.pending.length === 0) return;
    const rows = this.pending;
    this.pending = [];
    for (const r of rows) this.row(r.cells, r.line);
  }

  private bindHeader(cells: readonly string[]): void {
    if (cells.length > MAX_COLUMNS) {
      this.failure = { code: 'too-many-columns', message: `The header row has ${cells.length} columns (at most ${MAX_COLUMNS}): this is not a table of records.` };
      return;
    }
    const index = new Map<string, number>();
    cells.forEach((h, i) => {
      if (!index.has(h)) index.set(h, i);
    });
    const fields: BoundField[] = [];
    const missing: string[] = [];
    for (const f of IMPORT_FIELDS[this.o.kind]) {
      const header = this.o.mapping[f.key];
      if (header === undefined || header === '') continue;
      const column = index.get(header);
      if (column === undefined) missing.push(`${f.key} -> "${header}"`);
      else fields.push({ ...f, column, header });
    }
    const unknown = Object.keys(this.o.mapping).filter((k) => !IMPORT_FIELDS[this.o.kind].some((f) => f.key === k));
    if (missing.length || unknown.length) {
      const parts = [missing.length ? `columns not in the file: ${missing.join(', ')}` : '', unknown.length ? `unknown fields: ${unknown.join(', ')}` : ''];
      this.failure = { code: 'bad-mapping', message: `The mapping does not fit this file (${parts.filter(Boolean).join('; ')}).` };
      return;
    }
    if (this.o.generateIds && fields.some((f) => f.key === 'id')) {
      this.failure = { code: 'bad-mapping', message: `The id field is mapped to "${this.o.mapping.id}" and ids were also to be generated; do one or the other.` };
      return;
    }
    if (!this.o.generateIds && !fields.some((f) => f.key === 'id')) {
      const shown = cells.slice(0, 6).map((c) => `"${clip(c, 20)}"`).join(', ') + (cells.length > 6 ? ', …' : '');
      this.failure = {
        code: 'bad-mapping',
        message: `No column is mapped to the id field (the header row read is line ${this.headerLine}: ${shown}); map the column that identifies each record, generate ids from name and address, or pick the right header row and delimiter.`,
      };
      return;
    }
    this.fields = fields;
    this.width = cells.length;
    this.markFields = fields.filter((f) => f.type === 'number' || f.type === 'lat' || f.type === 'lon').map((f) => f.column);
  }

  private issue(i: ImportIssue, cells: readonly string[]): void {
    if (this.summary.issues.length < this.cap) {
      const record = this.recordOf(cells);
      this.summary.issues.push(record ? { ...i, record } : i);
    } else this.summary.issuesOmitted++;
  }

  /** What a person calls the row's record: the mapped name cell, else the id cell (clipped), or '' when both are empty. */
  private recordOf(cells: readonly string[]): string {
    for (const key of ['name', 'id']) {
      const f = this.fields?.find((x) => x.key === key);
      const v = f ? (cells[f.column] ?? '').trim() : '';
      if (v) return clip(v);
    }
    return '';
  }

  private row(cells: readonly string[], line: number): void {
    const s = this.summary;
    s.rows++;
    if (cells.length > this.width && cells.slice(this.width).some((c) => c.trim() !== '')) {
      s.rejected++;
      this.issue({ line, column: null, code: 'too-many-fields', action: 'rejected', reason: `row has ${cells.length} fields, the header has ${this.width} (a delimiter inside an unquoted cell?)` }, cells);
      return;
    }
    const read = readRow(cells, line, this.fields!, this.mark);
    for (const f of this.replacementSeen === false ? NO_FIELDS : this.fields!) {
      const c = cells[f.column];
      if (c !== undefined && c.indexOf('\uFFFD') >= 0) {
        read.issues.push({ line, column: f.header, code: 'encoding', action: 'kept', reason: `"${clipAround(c)}" holds the replacement character U+FFFD: text damaged before this file was written, or read with the wrong encoding; kept as is` });
      }
    }
    if (cells.length < this.width && !read.rejected) {
      read.issues.push({ line, column: null, code: 'bad-value', action: 'repaired', reason: `row has ${cells.length} of ${this.width} fields (truncated line?); missing cells read as empty` });
    }
    if (this.o.generateIds && !read.rejected) this.generateId(read, line);
    const id = read.rejected ? '' : String(read.values.id);
    if (!read.rejected && this.seen.has(id)) {
      s.rejected++;
      this.issue({ line, column: this.o.mapping.id ?? null, code: 'duplicate-id', action: 'rejected', reason: `id "${id}" appears again in this file; the first row with it was imported` }, cells);
      return;
    }
    const existing = read.rejected ? undefined : this.o.store.get(id);
    const out = processRow(this.o.kind, read, line, existing, this.o.deps);
    // Row-level checks do not know the header of the field they repaired; the mapping does.
    for (const i of out.issues) this.issue(i.column === null && FIELD_OF[i.code] ? { ...i, column: this.o.mapping[FIELD_OF[i.code]!] ?? null } : i, cells);
    if (out.rejected) {
      s.rejected++;
      return;
    }
    this.seen.add(detach(id));
    if (out.issues.some((i) => i.action === 'repaired')) s.repaired++;
    const p = out.record.placement as Placement;
    if (p in s.placement && this.o.kind !== 'reps') s.placement[p]++;
    if (out.unplaced) {
      if (s.unplaced.length < this.cap) s.unplaced.push({ line, id, name: String(out.record.name), reason: out.unplaced });
    }
    s.imported++;
    if (out.isNew) s.added++;
    else if (out.changed.length) s.updated++;
    else s.unchanged++;
    for (const k of out.changed) s.fieldChanges[k] = (s.fieldChanges[k] ?? 0) + 1;
    if (out.isNew || out.changed.length) this.o.store.put(out.record, out.isNew);
  }

  /** Gives the row its generated id, or rejects it when it has neither a name nor an address. */
  private generateId(read: ReturnType<typeof readRow>, line: number): void {
    const base = generatedId(read.values);
    if (base === null) {
      read.rejected = true;
      read.issues.push({ line, column: null, code: 'missing-id', action: 'rejected', reason: 'no name and no address to generate an id from' });
      return;
    }
    const { id, earlier } = this.generated.next(base);
    read.values.id = id;
    if (earlier > 0) {
      const name = String(read.values.name ?? '') || 'a record';
      read.issues.push({ line, column: null, code: 'duplicate-id', action: 'kept', reason: `"${clip(name)}" has the same name and address as ${earlier === 1 ? 'an earlier row' : `${earlier} earlier rows`}; given the id ${id}` });
    }
  }

  /** Ends the run: the summary, or the failure that stopped it (an empty file has no header). */
  finish(cancelled = false): Result<ImportSummary, ImportFailure> {
    if (!cancelled) this.flush();
    this.summary.cancelled = cancelled;
    this.summary.seconds = (Date.now() - this.started) / 1000;
    if (this.failure) return err(this.failure.code, this.failure.message);
    if (!this.fields && !cancelled) return err('empty', 'The file has no header row and no records.');
    return ok(this.summary);
  }
}
