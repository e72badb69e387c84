import type Database from 'better-sqlite3';
import type {
  AccountsTable,
  Dataset,
  DatasetCounts,
  DatasetGeometry,
  GeoKind,
  MeasureDef,
  Placement,
  Rep,
  UnitEdges,
  UnitsTable,
} from '../../shared/domain/dataset/types';
import type { AccountId, RepId, UnitId } from '../../shared/domain/ids';

/** Writes a whole dataset into an empty workspace, in one transaction. */
export function writeDataset(db: Database.Database, d: Dataset): void {
  db.transaction(() => {
    const meta = db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)');
    meta.run('dataset_name', d.name);
    meta.run('dataset_sources', JSON.stringify(d.sources));
    const defs = d.units.measureDefs;
    const insDef = db.prepare('INSERT INTO measure_defs (key, label, unit, source, position) VALUES (?, ?, ?, ?, ?)');
    defs.forEach((m, i) => insDef.run(m.key, m.label, m.unit, m.source, i));
    const insUnit = db.prepare('INSERT INTO units (idx, id, name, kind, parent, x, y, measures) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    const u = d.units;
    for (let i = 0; i < u.ids.length; i++) {
      const values = defs.map((m) => u.measures[m.key]![i]!);
      insUnit.run(i, u.ids[i], u.names[i], u.kind, u.parents[i], u.x[i], u.y[i], JSON.stringify(values));
    }
    const insEdge = db.prepare('INSERT OR IGNORE INTO unit_edges (a, b, distance) VALUES (?, ?, NULL)');
    for (let i = 0; i < d.edges.a.length; i++) {
      const a = d.edges.a[i]!;
      const b = d.edges.b[i]!;
      insEdge.run(Math.min(a, b), Math.max(a, b));
    }
    if (d.geometry) {
      db.prepare('INSERT INTO geometry (id, format, units_object, parents_object, topology) VALUES (1, ?, ?, ?, ?)').run(
        d.geometry.format,
        d.geometry.unitsObject,
        d.geometry.parentsObject,
        JSON.stringify(d.geometry.topology),
      );
    }
    const insAcc = db.prepare(
      `INSERT INTO accounts (idx, id, name, x, y, unit_idx, industry, segment, employees, revenue, potential, workload, owner, placement)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const a = d.accounts;
    for (let i = 0; i < a.ids.length; i++) {
      insAcc.run(i, a.ids[i], a.names[i], a.x[i], a.y[i], a.unitIndex[i], a.industry[i], a.segment[i], a.employees[i], a.revenue[i], a.potential[i], a.workload[i], a.owner[i], a.placement[i]);
    }
    const insRep = db.prepare(
      'INSERT INTO reps (position, id, name, home_unit_id, home_x, home_y, seniority, industries, languages, placement, manager, team, region, office) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    d.reps.forEach((r, i) =>
      insRep.run(i, r.id, r.name, r.homeUnitId, r.homeX, r.homeY, r.seniority, JSON.stringify(r.industries), JSON.stringify(r.languages), r.placement ?? 'exact', r.org?.manager ?? '', r.org?.team ?? '', r.org?.region ?? '', r.org?.office ?? ''),
    );
  })();
}

/** Reads a meta value, or null. */
export function readMeta(db: Database.Database, key: string): string | null {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value ?? null;
}

/** Sets the engine's distance of each edge (null: none), edges in the order of `edges`. */
export function writeEdgeDistances(db: Database.Database, edges: { a: ArrayLike<number>; b: ArrayLike<number> }, distance: readonly (number | null)[]): void {
  const upd = db.prepare('UPDATE unit_edges SET distance = ? WHERE a = ? AND b = ?');
  distance.forEach((d, i) => d !== null && upd.run(d, edges.a[i], edges.b[i]));
}

/** SQLite's data_version: changes when another connection commits to the file (cache keys use it). */
export function dataVersion(db: Database.Database): number {
  return db.pragma('data_version', { simple: true }) as number;
}

/** Sets a meta value (replacing what was there). */
export function writeMeta(db: Database.Database, key: string, value: string): void {
  db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run(key, value);
}

/** Leads' unit index and status, in lead order; null when the workspace has no leads (or no leads table). */
export function readLeadUnits(db: Database.Database): { unit: Int32Array; status: string[] } | null {
  const table = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'leads'").get();
  if (!table) return null;
  const rows = db.prepare('SELECT unit_idx AS u, status AS s FROM leads ORDER BY idx').raw().all() as [number, string][];
  return rows.length ? { unit: Int32Array.from(rows, (r) => r[0]), status: rows.map((r) => r[1]) } : null;
}

/** Reads the units in columnar form, in index order. */
export function readUnits(db: Database.Database): UnitsTable {
  const measureDefs = db.prepare('SELECT key, label, unit, source FROM measure_defs ORDER BY position').all() as MeasureDef[];
  const table: UnitsTable = { kind: 'custom', ids: [], names: [], parents: [], x: [], y: [], measures: {}, measureDefs };
  for (const m of measureDefs) table.measures[m.key] = [];
  const cols = measureDefs.map((m) => table.measures[m.key]!);
  const rows = db.prepare('SELECT id, name, kind, parent, x, y, measures FROM units ORDER BY idx').raw().iterate() as IterableIterator<
    [string, string, string, string, number, number, string]
  >;
  for (const [id, name, kind, parent, x, y, measures] of rows) {
    table.kind = kind as GeoKind;
    table.ids.push(id as UnitId);
    table.names.push(name);
    table.parents.push(parent);
    table.x.push(x);
    table.y.push(y);
    const values = JSON.parse(measures) as number[];
    for (let k = 0; k < cols.length; k++) cols[k]!.push(values[k] ?? 0);
  }
  return table;
}

/** Reads the unit adjacency as index pairs. */
export function readEdges(db: Database.Database): UnitEdges {
  const edges: UnitEdges = { a: [], b: [] };
  for (const [a, b] of db.prepare('SELECT a, b FROM unit_edges').raw().iterate() as IterableIterator<[number, number]>) {
    edges.a.push(a);
    edges.b.push(b);
  }
  return edges;
}

/** Reads the stored unit geometry, or null when the dataset has none. */
export function readGeometry(db: Database.Database): DatasetGeometry | null {
  const row = db.prepare('SELECT format, units_object, parents_object, topology FROM geometry WHERE id = 1').get() as
    | { format: 'topojson'; units_object: string; parents_object: string | null; topology: string }
    | undefined;
  if (!row) return null;
  return { format: row.format, unitsObject: row.units_object, parentsObject: row.parents_object, topology: JSON.parse(row.topology) };
}

/** Reads the accounts in columnar form, in index order. */
export function readAccounts(db: Database.Database): AccountsTable {
  const t: AccountsTable = {
    ids: [], names: [], x: [], y: [], unitIndex: [], industry: [], segment: [], employees: [],
    revenue: [], potential: [], workload: [], owner: [], placement: [],
  };
  const rows = db
    .prepare('SELECT id, name, x, y, unit_idx, industry, segment, employees, revenue, potential, workload, owner, placement FROM accounts ORDER BY idx')
    .raw()
    .iterate() as IterableIterator<[string, string, number, number, number, string, string, number, number, number, number, string, string]>;
  for (const r of rows) {
    t.ids.push(r[0] as AccountId);
    t.names.push(r[1]);
    t.x.push(r[2]);
    t.y.push(r[3]);
    t.unitIndex.push(r[4]);
    t.industry.push(r[5]);
    t.segment.push(r[6]);
    t.employees.push(r[7]);
    t.revenue.push(r[8]);
    t.potential.push(r[9]);
    t.workload.push(r[10]);
    t.owner.push(r[11]);
    t.placement.push(r[12] as Placement);
  }
  return t;
}

/** Reads the reps in their stored order (files older than schema 3, opened read-only, have no organisation columns). */
export function readReps(db: Database.Database): Rep[] {
  const columns = new Set((db.prepare("SELECT name FROM pragma_table_info('reps')").all() as { name: string }[]).map((c) => c.name));
  const org = columns.has('office') ? ', manager, team, region, office' : '';
  const placement = columns.has('placement') ? ', placement' : '';
  const rows = db
    .prepare(`SELECT id, name, home_unit_id, home_x, home_y, seniority, industries, languages${placement}${org} FROM reps ORDER BY position`)
    .all() as {
    id: string; name: string; home_unit_id: string | null; home_x: number; home_y: number; seniority: Rep['seniority']; industries: string; languages: string;
    placement?: Placement; manager?: string; team?: string; region?: string; office?: string;
  }[];
  return rows.map((r) => ({
    id: r.id as RepId,
    name: r.name,
    homeUnitId: r.home_unit_id as UnitId | null,
    homeX: r.home_x,
    homeY: r.home_y,
    seniority: r.seniority,
    industries: JSON.parse(r.industries) as string[],
    languages: JSON.parse(r.languages) as string[],
    // Only what differs from a plain rep (placed exactly, no organisation) is set, so datasets round-trip unchanged.
    ...(r.placement && r.placement !== 'exact' ? { placement: r.placement } : {}),
    ...(r.manager || r.team || r.region || r.office ? { org: { manager: r.manager!, team: r.team!, region: r.region!, office: r.office! } } : {}),
  }));
}

/** Counts of the dataset's records. */
export function readCounts(db: Database.Database): DatasetCounts {
  const count = (table: string): number => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return { units: count('units'), edges: count('unit_edges'), accounts: count('accounts'), reps: count('reps') };
}

/**
 * Replaces the stored geometry and changes adjacency, in one transaction: removes the edges in `drop` and
 * adds those in `add` (no engine distance). Units, accounts and scenarios are not touched.
 */
export function replaceGeometryAndEdges(db: Database.Database, geometry: DatasetGeometry, drop: UnitEdges, add: UnitEdges): void {
  db.transaction(() => {
    db.prepare('UPDATE geometry SET format = ?, units_object = ?, parents_object = ?, topology = ? WHERE id = 1').run(
      geometry.format,
      geometry.unitsObject,
      geometry.parentsObject,
      JSON.stringify(geometry.topology),
    );
    const del = db.prepare('DELETE FROM unit_edges WHERE a = ? AND b = ?');
    for (let i = 0; i < drop.a.length; i++) del.run(Math.min(drop.a[i]!, drop.b[i]!), Math.max(drop.a[i]!, drop.b[i]!));
    const ins = db.prepare('INSERT OR IGNORE INTO unit_edges (a, b, distance) VALUES (?, ?, NULL)');
    for (let i = 0; i < add.a.length; i++) ins.run(Math.min(add.a[i]!, add.b[i]!), Math.max(add.a[i]!, add.b[i]!));
  })();
}
