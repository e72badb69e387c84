import { err, ok, type Result } from '../../../shared/contracts/result';
import { edgeListsToCsr } from '../../../shared/domain/balance';
import type { CsrAdjacency, MeasureColumn } from '../../../shared/domain/balance';
import type { DistanceMetric } from '../../../shared/domain/geo/distance';
import { readCsvTable } from '../../../shared/domain/import/csv-reader';

/** Units read from a units CSV (columns id, x/y or lon/lat, measures, optional center, territory, locked). */
export type UnitsFile = {
  ids: string[];
  x: Float64Array;
  y: Float64Array;
  metric: DistanceMetric;
  measures: MeasureColumn[];
  /** 1 = may be a territory centre; null when the file has no `center` column. */
  candidateCenters: Uint8Array | null;
  /** Existing territory label per unit ('' = unassigned); null when the file has no `territory` column. */
  territory: string[] | null;
  lockedUnits: Uint8Array | null;
};

const RESERVED = new Set(['id', 'x', 'y', 'lon', 'lng', 'longitude', 'lat', 'latitude', 'center', 'territory', 'locked', 'name']);

type Rows = { header: string[]; rows: { line: number; cells: string[] }[] };

/** Reads the CSV with the import reader (a stray quote is refused at its line), keeping each data row's line number. */
function parseRows(text: string, file: string): Result<Rows, 'bad-input'> {
  const table = readCsvTable(text);
  if (!table.ok) return err('bad-input', `${file}: ${table.message}`);
  const header = table.value.headers.map((h) => h.trim().toLowerCase());
  const rows: Rows['rows'] = [];
  for (const { cells, line } of table.value.rows) {
    if (cells.length !== header.length) return err('bad-input', `${file} line ${line}: ${cells.length} columns, the header has ${header.length}`);
    rows.push({ line, cells: cells.map((c) => c.trim()) });
  }
  return ok({ header, rows });
}

function parseNumber(v: string): number {
  return v === '' ? Number.NaN : Number(v);
}

/** Reads a units CSV; every problem names the file, line and column. */
export function readUnitsCsv(text: string, file: string, measureNames?: readonly string[]): Result<UnitsFile, 'bad-input'> {
  const parsed = parseRows(text, file);
  if (!parsed.ok) return parsed;
  const { header, rows } = parsed.value;
  const col = (...names: string[]): number => header.findIndex((h) => names.includes(h));
  const idCol = col('id');
  if (idCol < 0) return err('bad-input', `${file}: no "id" column (header: ${header.join(', ')})`);
  let xCol = col('x'); let yCol = col('y'); let metric: DistanceMetric = 'planar';
  if (xCol < 0 || yCol < 0) { xCol = col('lon', 'lng', 'longitude'); yCol = col('lat', 'latitude'); metric = 'geographic'; }
  if (xCol < 0 || yCol < 0) return err('bad-input', `${file}: needs columns "x,y" or "lon,lat" (header: ${header.join(', ')})`);
  if (rows.length === 0) return err('bad-input', `${file}: no units (only a header)`);
  let mCols: number[];
  if (measureNames && measureNames.length > 0) {
    mCols = [];
    for (const m of measureNames) {
      const c = header.indexOf(m.trim().toLowerCase());
      if (c < 0 || RESERVED.has(header[c]!)) return err('bad-input', `${file}: no measure column "${m}" (measure columns: ${header.filter((h) => !RESERVED.has(h)).join(', ') || 'none'})`);
      mCols.push(c);
    }
  } else {
    mCols = header.flatMap((h, c) => (!RESERVED.has(h) && h !== '' && Number.isFinite(parseNumber(rows[0]!.cells[c]!)) ? [c] : []));
    if (mCols.length === 0) return err('bad-input', `${file}: no numeric measure column (add e.g. a "potential" column)`);
  }
  const n = rows.length;
  const ids: string[] = [];
  const x = new Float64Array(n); const y = new Float64Array(n);
  const values = mCols.map(() => new Float64Array(n));
  const centerCol = col('center'); const terrCol = col('territory'); const lockCol = col('locked');
  const candidate = centerCol >= 0 ? new Uint8Array(n) : null;
  const locked = lockCol >= 0 ? new Uint8Array(n) : null;
  const territory = terrCol >= 0 ? new Array<string>(n) : null;
  const seen = new Map<string, number>();
  const flag = (v: string): number | null => (/^(1|true|yes)$/i.test(v) ? 1 : /^(0|false|no|)$/i.test(v) ? 0 : null);
  for (let u = 0; u < n; u++) {
    const { line, cells } = rows[u]!;
    const at = (c: number): string => `${file} line ${line}, column "${header[c]}"`;
    const id = cells[idCol]!;
    if (id === '') return err('bad-input', `${at(idCol)}: empty id`);
    const prev = seen.get(id);
    if (prev !== undefined) return err('bad-input', `${at(idCol)}: duplicate id "${id}" (first on line ${prev})`);
    seen.set(id, line);
    ids.push(id);
    for (const [c, arr] of [[xCol, x], [yCol, y]] as const) {
      const v = parseNumber(cells[c]!);
      if (!Number.isFinite(v)) return err('bad-input', `${at(c)}: "${cells[c]}" is not a number`);
      arr[u] = v;
    }
    for (let j = 0; j < mCols.length; j++) {
      const c = mCols[j]!;
      const v = parseNumber(cells[c]!);
      if (Number.isNaN(v)) return err('bad-input', `${at(c)}: "${cells[c]}" is not a number`);
      if (v < 0 || !Number.isFinite(v)) return err('bad-input', `${at(c)}: ${cells[c]} is negative or infinite; measures must be finite and >= 0`);
      values[j]![u] = v;
    }
    for (const [c, arr] of [[centerCol, candidate], [lockCol, locked]] as const) {
      if (c < 0 || !arr) continue;
      const f = flag(cells[c]!);
      if (f === null) return err('bad-input', `${at(c)}: "${cells[c]}" is not 0/1`);
      arr[u] = f;
    }
    if (territory) territory[u] = cells[terrCol]!;
  }
  if (metric === 'geographic') {
    for (let u = 0; u < n; u++) {
      if (Math.abs(x[u]!) > 180 || Math.abs(y[u]!) > 90) return err('bad-input', `${file} line ${rows[u]!.line}: lon/lat ${x[u]}, ${y[u]} out of range`);
    }
  }
  if (locked && !territory && locked.some((v) => v)) return err('bad-input', `${file}: a "locked" column needs a "territory" column (what to keep)`);
  const measures = mCols.map((c, j) => ({ name: header[c]!, values: values[j]! }));
  return ok({ ids, x, y, metric, measures, candidateCenters: candidate, territory, lockedUnits: locked });
}

/** Reads an edges CSV (from,to[,distance]) over the given unit ids into CSR adjacency. */
export function readEdgesCsv(text: string, file: string, ids: readonly string[]): Result<CsrAdjacency, 'bad-input'> {
  const parsed = parseRows(text, file);
  if (!parsed.ok) return parsed;
  const { header, rows } = parsed.value;
  const fromCol = header.indexOf('from'); const toCol = header.indexOf('to'); const dCol = header.indexOf('distance');
  if (fromCol < 0 || toCol < 0) return err('bad-input', `${file}: needs columns "from,to[,distance]" (header: ${header.join(', ')})`);
  const index = new Map(ids.map((id, i) => [id, i]));
  const lists: number[][] = ids.map(() => []);
  const dist = new Map<string, number>();
  for (const { line, cells } of rows) {
    const ends: number[] = [];
    for (const c of [fromCol, toCol]) {
      const u = index.get(cells[c]!);
      if (u === undefined) return err('bad-input', `${file} line ${line}, column "${header[c]}": unknown unit id "${cells[c]}"`);
      ends.push(u);
    }
    const [a, b] = ends as [number, number];
    lists[a]!.push(b); lists[b]!.push(a);
    if (dCol >= 0) {
      const d = parseNumber(cells[dCol]!);
      if (!(d >= 0) || !Number.isFinite(d)) return err('bad-input', `${file} line ${line}, column "distance": "${cells[dCol]}" must be a number >= 0`);
      dist.set(`${Math.min(a, b)}:${Math.max(a, b)}`, d);
    }
  }
  const csr = edgeListsToCsr(lists);
  if (dCol < 0) return ok(csr);
  const distances = new Float64Array(csr.neighbors.length);
  for (let u = 0; u < ids.length; u++) {
    for (let e = csr.offsets[u]!; e < csr.offsets[u + 1]!; e++) {
      const v = csr.neighbors[e]!;
      distances[e] = dist.get(`${Math.min(u, v)}:${Math.max(u, v)}`)!;
    }
  }
  return ok({ ...csr, distances });
}
