import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { StageWriter } from './stage-writer';
import type { ImportRecord } from '../../shared/domain/import/records';
import { emptyRecord, RECORD_KEYS } from '../../shared/domain/import/records';
import type { ImportKind } from '../../shared/domain/import/types';
import type { RecordStore } from '../../shared/domain/import/import-run';

/** Up to this many stored records, their ids are held in memory during an import. */
const KNOWN_IDS_MAX = 250_000;

/**
 * Rows per message to the stage writer. The message is one flat array: at 2048 rows (43,000 values)
 * it outgrows the young generation and filling it cost 1.8 µs a row; at 512 rows, 0.3 µs.
 */
const POST_ROWS = 512;

/**
 * A function that appends a record's values, in the order of keys, to a flat array: one push of
 * named properties, which V8 runs 2-3x faster than a loop of keyed reads (keys are our own constants).
 */
function valuePusher(keys: readonly string[]): (r: ImportRecord, out: unknown[]) => void {
  return new Function('r', 'out', `out.push(${keys.map((k) => `r[${JSON.stringify(k)}]`).join(', ')});`) as (r: ImportRecord, out: unknown[]) => void;
}

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
  /** Sends the last records to the stage and waits until all of them are stored there. */
  written: () => Promise<void>;
  /** Writes every staged record into the workspace in one transaction (then discards the stage); after written(). */
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
  // Into an empty table (a first import) nothing can be found: skip a million index probes. With few
  // stored records, their ids in memory tell a new record from a known one without a probe per row.
  const stored = db.prepare(`SELECT count(*) FROM ${spec.table}`).pluck().get() as number;
  const wasEmpty = stored === 0;
  const known = stored <= KNOWN_IDS_MAX ? new Set(db.prepare(`SELECT id FROM ${spec.table}`).pluck().all() as string[]) : null;
  // Unit measures that sum accounts: with few stored accounts, their sums now plus what this import
  // adds and changes give the sums after it, without re-reading every account at the end.
  const base = kind === 'accounts' && known ? accountSums(db) : null;
  let delta: UnitSums | null = base ? new Map() : null;
  let lastGot: ImportRecord | undefined;
  let staged = 0;
  const dir = mkdtempSync(join(tmpdir(), 'tessera-import-'));
  const file = join(dir, 'stage.sqlite');
  // new_ord: dense order of added records (NULL for updates), so apply() appends them after the table's end.
  const stage = new Database(file);
  stage.exec(`CREATE TABLE staged (new_ord INTEGER, ${cols.map((c) => `"${c}"`).join(', ')})`);
  stage.close();
  // The stage is written by a worker thread (the other core) while this thread reads and checks rows:
  // inserting a million rows costs about as much as a fifth of the import's own work.
  const writer = new StageWriter(file, cols.length + 1);
  let buffered: unknown[] = [];
  let bufferedRows = 0;
  const flush = () => {
    if (bufferedRows > 0) writer.write(buffered);
    buffered = [];
    bufferedRows = 0;
  };
  let added = 0;
  let done = false;
  let written = false;
  const pushValues = valuePusher(keys);
  const unitAt = keys.indexOf('unit') - keys.length;
  const toDb = (r: ImportRecord, out: unknown[]) => {
    pushValues(r, out);
    if (kind === 'reps') out[out.length + unitAt] = Number(r.unit) >= 0 ? (unitIds[Number(r.unit)] ?? null) : null;
  };

  const discard = () => {
    writer.abort(() => rmSync(dir, { recursive: true, force: true }));
  };

  return {
    path: file,
    get: (id) => {
      if (known && !known.has(id)) return undefined;
      lastGot = undefined;
      const row = select.get(id) as (string | number | null)[] | undefined;
      if (!row) return undefined;
      const rec = emptyRecord(kind);
      for (let i = 0; i < keys.length; i++) {
        const k = keys[i]!;
        const v = row[i];
        rec[k] = kind === 'reps' && k === 'unit' ? (v === null ? -1 : unitIndex(String(v))) : (v ?? '');
      }
      lastGot = rec;
      return rec;
    },
    put: (r, isNew) => {
      staged++;
      if (delta) {
        // An update replaces the record get() just read (the run reads, then writes, one id at a time).
        if (!isNew && lastGot?.id !== r.id) delta = null;
        else {
          if (!isNew) addSums(delta, lastGot!, -1);
          addSums(delta, r, 1);
        }
      }
      buffered.push(isNew ? added++ : null);
      toDb(r, buffered);
      if (++bufferedRows === POST_ROWS) flush();
    },
    written: async () => {
      if (done || written) throw new Error('This import was already applied or discarded.');
      flush();
      try {
        await writer.end();
      } catch (e) {
        done = true;
        discard();
        throw e;
      }
      written = true;
    },
    apply: () => {
      if (done || !written) throw new Error(done ? 'This import was already applied or discarded.' : 'The stage is not written yet (await written() first).');
      done = true;
      if (staged === 0) {
        // Every record was unchanged: nothing to write, and the unit measures stay as they are.
        discard();
        return;
      }
      db.prepare('ATTACH DATABASE ? AS import_stage').run(file);
      // A bulk apply touches the whole id index: a 64 MB page cache for its transaction keeps it from
      // spilling and re-reading pages (the default is 2 MB).
      const cache = db.pragma('cache_size', { simple: true }) as number;
      db.pragma('cache_size = -65536');
      try {
        const list = cols.join(', ');
        db.transaction(() => {
          // The sums kept during the import hold only if no account was added or removed meanwhile.
          const sums = base && delta && (db.prepare(`SELECT count(*) FROM main.${spec.table}`).pluck().get() as number) === stored ? mergeSums(base, delta) : null;
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
          if (kind === 'accounts') writeAccountMeasures(db, sums ?? accountSums(db));
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

/** Per unit index: the number of accounts and the sums of their potential, revenue and workload. */
type UnitSums = Map<number, [number, number, number, number]>;

/** The account sums per unit, read from the accounts table. */
function accountSums(db: Database.Database): UnitSums {
  const sums: UnitSums = new Map();
  const rows = db.prepare('SELECT unit_idx, count(*), sum(potential), sum(revenue), sum(workload) FROM accounts WHERE unit_idx >= 0 GROUP BY unit_idx').raw().all() as number[][];
  for (const [u, n, p, r, w] of rows) sums.set(u!, [n!, p!, r!, w!]);
  return sums;
}

/** Adds (sign 1) or removes (sign -1) one account record's share of its unit's sums. */
function addSums(sums: UnitSums, r: ImportRecord, sign: 1 | -1): void {
  const u = Number(r.unit);
  if (!(u >= 0)) return;
  let s = sums.get(u);
  if (!s) sums.set(u, (s = [0, 0, 0, 0]));
  s[0] += sign;
  s[1] += sign * Number(r.potential);
  s[2] += sign * Number(r.revenue);
  s[3] += sign * Number(r.workload);
}

function mergeSums(base: UnitSums, delta: UnitSums): UnitSums {
  const out: UnitSums = new Map([...base].map(([u, s]) => [u, [...s] as [number, number, number, number]]));
  for (const [u, d] of delta) {
    const s = out.get(u) ?? [0, 0, 0, 0];
    out.set(u, [s[0] + d[0], s[1] + d[1], s[2] + d[2], s[3] + d[3]]);
  }
  return out;
}

/** Sets the unit measures that are sums over accounts (accounts, potential, revenue, workload); units without accounts get 0. */
function writeAccountMeasures(db: Database.Database, sums: UnitSums): void {
  const defs = db.prepare('SELECT key, position FROM measure_defs').all() as { key: string; position: number }[];
  const wanted = defs.filter((d) => (SUMMED as readonly string[]).includes(d.key)).map((d) => ({ position: d.position, at: (SUMMED as readonly string[]).indexOf(d.key) }));
  if (wanted.length === 0) return;
  const update = db.prepare('UPDATE units SET measures = ? WHERE idx = ?');
  for (const [idx, measures] of db.prepare('SELECT idx, measures FROM units').raw().all() as [number, string][]) {
    const values = JSON.parse(measures) as number[];
    const s = sums.get(idx);
    for (const d of wanted) values[d.position] = s?.[d.at] ?? 0;
    update.run(JSON.stringify(values), idx);
  }
}
