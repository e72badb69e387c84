import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { ImportRecord } from '../../shared/domain/import/records';
import { emptyRecord, RECORD_KEYS } from '../../shared/domain/import/records';
import type { ImportKind } from '../../shared/domain/import/types';
import type { RecordStore } from '../../shared/domain/import/import-run';

type TableSpec = { table: string; order: string; column: (key: string) => string };

const SPECS: Record<ImportKind, TableSpec> = {
  accounts: { table: 'accounts', order: 'idx', column: (k) => (k === 'unit' ? 'unit_idx' : k) },
  leads: { table: 'leads', order: 'idx', column: (k) => (k === 'unit' ? 'unit_idx' : k) },
  reps: { table: 'reps', order: 'position', column: (k) => ({ x: 'home_x', y: 'home_y', unit: 'home_unit_id' })[k] ?? k },
};

/** The workspace changed under a staged import so that it cannot be applied (an id it adds exists now). */
export class StaleImportError extends Error {}

/**
 * An import's records staged outside the workspace: lookups read the workspace (short autocommit
 * reads), writes go to a private temporary SQLite file. The workspace's write lock is taken only
 * by apply(), for one short transaction, so saves made while an import is open commit on their own
 * and a cancelled or abandoned import never touches the workspace.
 */
export type StagedImport = RecordStore & {
  /** The private file records are staged in (deleted by apply and discard). */
  readonly path: string;
  /** Writes every staged record into the workspace in one transaction (then discards the stage). */
  apply: () => void;
  /** Deletes the stage without touching the workspace; safe to call more than once. */
  discard: () => void;
  /**
   * Runs fn (synchronous: one chunk's rows) inside a read transaction of the workspace, so its lookups
   * share one snapshot instead of locking per statement. Nothing can interleave with a synchronous fn,
   * and the transaction ends with it: no lock is held between chunks.
   */
  batch: <T>(fn: () => T) => T;
};

/** Opens a stage for records of one kind; unit index <-> id conversion is for reps (home unit by id). */
export function stageImport(db: Database.Database, kind: ImportKind, unitIds: readonly string[], unitIndex: (id: string) => number): StagedImport {
  const spec = SPECS[kind];
  const keys = RECORD_KEYS[kind];
  const cols = keys.map(spec.column);
  const select = db.prepare(`SELECT ${cols.join(', ')} FROM ${spec.table} WHERE id = ?`).raw();
  // Into an empty table (a first import) nothing can be found: skip a million index probes.
  const wasEmpty = db.prepare(`SELECT 1 FROM ${spec.table} LIMIT 1`).get() === undefined;
  const dir = mkdtempSync(join(tmpdir(), 'tessera-import-'));
  const file = join(dir, 'stage.sqlite');
  const stage = new Database(file);
  stage.pragma('journal_mode = OFF');
  stage.pragma('synchronous = OFF');
  stage.pragma('locking_mode = EXCLUSIVE');
  stage.pragma('cache_size = -16384');
  // new_ord: dense order of added records (NULL for updates), so apply() appends them after the table's end.
  stage.exec(`CREATE TABLE staged (new_ord INTEGER, ${cols.map((c) => `"${c}"`).join(', ')})`);
  const tuple = `(?, ${cols.map(() => '?').join(', ')})`;
  const insert = stage.prepare(`INSERT INTO staged VALUES ${tuple}`);
  // Rows go in BATCH at a time: one statement step per 64 rows instead of per row.
  const BATCH = 64;
  const insertBatch = stage.prepare(`INSERT INTO staged VALUES ${Array.from({ length: BATCH }, () => tuple).join(', ')}`);
  let buffered: unknown[] = [];
  let bufferedRows = 0;
  const flush = () => {
    if (bufferedRows === BATCH) insertBatch.run(buffered);
    else for (let i = 0; i < bufferedRows; i++) insert.run(buffered.slice(i * (cols.length + 1), (i + 1) * (cols.length + 1)));
    buffered = [];
    bufferedRows = 0;
  };
  stage.exec('BEGIN');
  let added = 0;
  let done = false;
  const toDb = (r: ImportRecord, out: unknown[]) => {
    for (const k of keys) out.push(kind === 'reps' && k === 'unit' ? (Number(r.unit) >= 0 ? (unitIds[Number(r.unit)] ?? null) : null) : r[k]);
  };

  const discard = () => {
    if (stage.open) stage.close();
    rmSync(dir, { recursive: true, force: true });
  };

  return {
    path: file,
    get: (id) => {
      if (wasEmpty) return undefined;
      const row = select.get(id) as (string | number | null)[] | undefined;
      if (!row) return undefined;
      const rec = emptyRecord(kind);
      for (let i = 0; i < keys.length; i++) {
        const k = keys[i]!;
        const v = row[i];
        rec[k] = kind === 'reps' && k === 'unit' ? (v === null ? -1 : unitIndex(String(v))) : (v ?? '');
      }
      return rec;
    },
    put: (r, isNew) => {
      buffered.push(isNew ? added++ : null);
      toDb(r, buffered);
      if (++bufferedRows === BATCH) flush();
    },
    apply: () => {
      if (done) throw new Error('This import was already applied or discarded.');
      done = true;
      flush();
      stage.exec('COMMIT');
      stage.close();
      db.prepare('ATTACH DATABASE ? AS import_stage').run(file);
      // A bulk apply touches the whole id index: a 64 MB page cache for its transaction keeps it from
      // spilling and re-reading pages (the default is 2 MB).
      const cache = db.pragma('cache_size', { simple: true }) as number;
      db.pragma('cache_size = -65536');
      try {
        const list = cols.join(', ');
        db.transaction(() => {
          const next = (db.prepare(`SELECT coalesce(max(${spec.order}), -1) + 1 AS n FROM main.${spec.table}`).get() as { n: number }).n;
          // The stage's rowid order is the order rows were added (no ORDER BY: it would sort the whole stage).
          try {
            db.prepare(`INSERT INTO main.${spec.table} (${spec.order}, ${list}) SELECT new_ord + ?, ${list} FROM import_stage.staged WHERE new_ord IS NOT NULL`).run(next);
          } catch (e) {
            if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
              throw new StaleImportError('The workspace changed during the import (records with the same ids were added meanwhile); nothing was imported. Run the import again.');
            }
            throw e;
          }
          const set = cols.filter((c) => c !== 'id').map((c) => `${c} = s.${c}`).join(', ');
          db.prepare(`UPDATE main.${spec.table} SET ${set} FROM import_stage.staged AS s WHERE s.new_ord IS NULL AND main.${spec.table}.id = s.id`).run();
          if (kind === 'accounts') refreshAccountMeasures(db);
        })();
      } finally {
        db.pragma(`cache_size = ${cache}`);
        db.exec('DETACH DATABASE import_stage');
        discard();
      }
    },
    discard: () => {
      done = true;
      discard();
    },
    batch: (fn) => (wasEmpty || db.inTransaction ? fn() : db.transaction(fn).deferred()),
  };
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
