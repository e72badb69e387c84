import type Database from 'better-sqlite3';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import type { ImportRecord, RepResolver } from '../../../shared/domain/import/records';
import { RECORD_KEYS } from '../../../shared/domain/import/records';
import type { ImportKind } from '../../../shared/domain/import/types';
import { createUnitLocator, type Rings, type UnitLocator } from '../../../shared/domain/import/unit-locator';
import type { RecordStore } from '../../../shared/domain/import/import-run';
import type { Workspace } from '../workspace';

type TableSpec = { table: string; order: string; column: (key: string) => string };

const SPECS: Record<ImportKind, TableSpec> = {
  accounts: { table: 'accounts', order: 'idx', column: (k) => (k === 'unit' ? 'unit_idx' : k) },
  leads: { table: 'leads', order: 'idx', column: (k) => (k === 'unit' ? 'unit_idx' : k) },
  reps: { table: 'reps', order: 'position', column: (k) => ({ x: 'home_x', y: 'home_y', unit: 'home_unit_id' })[k] ?? k },
};

/**
 * The workspace's accounts, reps or leads as a RecordStore: lookups by id through the UNIQUE index,
 * inserts appended at the next dense index. Reps keep their home unit as an id (the reps table's
 * format), so the store converts between unit index and id.
 */
export function sqliteRecordStore(db: Database.Database, kind: ImportKind, unitIds: readonly string[], unitIndex: (id: string) => number): RecordStore {
  const spec = SPECS[kind];
  const keys = RECORD_KEYS[kind];
  const cols = keys.map(spec.column);
  const select = db.prepare(`SELECT ${cols.join(', ')} FROM ${spec.table} WHERE id = ?`).raw();
  const insert = db.prepare(`INSERT INTO ${spec.table} (${spec.order}, ${cols.join(', ')}) VALUES (?, ${cols.map(() => '?').join(', ')})`);
  const update = db.prepare(`UPDATE ${spec.table} SET ${cols.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`);
  let next = (db.prepare(`SELECT coalesce(max(${spec.order}), -1) + 1 AS n FROM ${spec.table}`).get() as { n: number }).n;
  // Into an empty table (a first import) nothing can be found: skip a million index probes.
  const wasEmpty = next === 0;
  const toDb = (r: ImportRecord) =>
    keys.map((k) => (kind === 'reps' && k === 'unit' ? (Number(r.unit) >= 0 ? (unitIds[Number(r.unit)] ?? null) : null) : r[k]));
  return {
    get: (id) => {
      if (wasEmpty) return undefined;
      const row = select.get(id) as (string | number | null)[] | undefined;
      if (!row) return undefined;
      const rec: ImportRecord = {};
      keys.forEach((k, i) => {
        const v = row[i];
        rec[k] = kind === 'reps' && k === 'unit' ? (v === null ? -1 : unitIndex(String(v))) : (v ?? '');
      });
      return rec;
    },
    put: (r, isNew) => {
      if (isNew) insert.run(next++, ...toDb(r));
      else update.run(...toDb(r), r.id);
    },
  };
}

/** A locator over the workspace's units, with point-in-polygon when it has geometry; null without units. */
export function workspaceLocator(ws: Workspace): UnitLocator | null {
  const units = ws.units();
  if (units.ids.length === 0) return null;
  const geo = ws.geometry();
  let polygons: (Rings[] | null)[] | undefined;
  if (geo) {
    const topology = geo.topology as Topology;
    const object = topology.objects[geo.unitsObject];
    if (object) {
      const index = new Map<string, number>(units.ids.map((id, i) => [id, i]));
      polygons = units.ids.map(() => null);
      const fc = feature(topology, object) as unknown as GeoJSON.FeatureCollection;
      for (const f of fc.features) {
        const i = index.get(String(f.id));
        if (i === undefined || !f.geometry) continue;
        if (f.geometry.type === 'Polygon') polygons[i] = [f.geometry.coordinates];
        else if (f.geometry.type === 'MultiPolygon') polygons[i] = f.geometry.coordinates;
      }
    }
  }
  return createUnitLocator({ kind: units.kind, ids: units.ids, x: units.x, y: units.y, polygons });
}

/** Resolves an owner cell to a rep id by id, then by name (case-insensitive); null without reps. */
export function workspaceRepResolver(ws: Workspace): RepResolver | null {
  const reps = ws.reps();
  if (reps.length === 0) return null;
  const ids = new Set<string>(reps.map((r) => r.id));
  const names = new Map(reps.map((r) => [r.name.trim().toLowerCase(), r.id as string]));
  return (owner) => (ids.has(owner) ? owner : (names.get(owner.trim().toLowerCase()) ?? null));
}

const SUMMED = ['accounts', 'potential', 'revenue', 'workload'] as const;

/** Recomputes the unit measures that are sums over accounts (accounts, potential, revenue, workload). */
export function refreshAccountMeasures(db: Database.Database): void {
  const defs = db.prepare('SELECT key, position FROM measure_defs').all() as { key: string; position: number }[];
  const wanted = defs.filter((d) => (SUMMED as readonly string[]).includes(d.key));
  if (wanted.length === 0) return;
  const sums = new Map<number, Record<string, number>>();
  const rows = db.prepare('SELECT unit_idx, count(*), sum(potential), sum(revenue), sum(workload) FROM accounts WHERE unit_idx >= 0 GROUP BY unit_idx').raw().all() as number[][];
  for (const [u, n, p, r, w] of rows) sums.set(u!, { accounts: n!, potential: p!, revenue: r!, workload: w! });
  const update = db.prepare('UPDATE units SET measures = ? WHERE idx = ?');
  for (const [idx, measures] of db.prepare('SELECT idx, measures FROM units').raw().all() as [number, string][]) {
    const values = JSON.parse(measures) as number[];
    const s = sums.get(idx);
    for (const d of wanted) values[d.position] = s?.[d.key] ?? 0;
    update.run(JSON.stringify(values), idx);
  }
}
