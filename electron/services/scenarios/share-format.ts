import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import Sqlite from 'better-sqlite3';
import { MIGRATIONS } from '../../db/migrations';

/** Version of the share-file conventions (meta keys, checksum); bump when they change. */
export const SHARE_FORMAT_VERSION = 1;

/** meta keys a share file adds to an ordinary workspace file. */
export const SHARE_META = {
  format: 'share_format',
  createdAt: 'share_created_at',
  createdBy: 'share_created_by',
  appVersion: 'share_app_version',
  fingerprint: 'dataset_fingerprint',
  checksum: 'share_checksum',
} as const;

/** Limits an untrusted file must stay within before anything of it is shown. */
export type ShareLimits = {
  fileBytes: number;
  units: number;
  edges: number;
  accounts: number;
  reps: number;
  scenarios: number;
  versions: number;
  /** Characters of one stored payload (JSON) and of the geometry topology. */
  payloadChars: number;
  geometryChars: number;
};

/** Defaults sized for ZIP-level US data with headroom (33k units, millions of accounts). */
export const DEFAULT_SHARE_LIMITS: ShareLimits = {
  fileBytes: 2 * 1024 ** 3,
  units: 500_000,
  edges: 5_000_000,
  accounts: 10_000_000,
  reps: 100_000,
  scenarios: 1_000,
  versions: 50_000,
  payloadChars: 128 * 1024 ** 2,
  geometryChars: 1024 ** 3,
};

/** Hash over the unit ids and account ids in index order: equal fingerprints mean scenarios fit both datasets. */
export function datasetFingerprint(db: Database.Database): string {
  const h = createHash('sha256');
  h.update('units\n');
  for (const [id] of db.prepare('SELECT id FROM units ORDER BY idx').raw().iterate() as IterableIterator<[string]>) h.update(`${id}\n`);
  h.update('accounts\n');
  for (const [id] of db.prepare('SELECT id FROM accounts ORDER BY idx').raw().iterate() as IterableIterator<[string]>) h.update(`${id}\n`);
  return h.digest('hex');
}

/** Hash over the fingerprint and every scenario and version row: detects a file altered after export. */
export function shareChecksum(db: Database.Database, fingerprint: string): string {
  const h = createHash('sha256');
  h.update(`${fingerprint}\n`);
  const scenarios = db.prepare('SELECT id, name, description, author, created_at FROM scenarios ORDER BY id').raw().all() as unknown[][];
  for (const s of scenarios) h.update(`${JSON.stringify(s)}\n`);
  const versions = db
    .prepare('SELECT scenario_id, version, parent_version, created_at, author, note, payload FROM scenario_versions ORDER BY scenario_id, version')
    .raw()
    .iterate() as IterableIterator<unknown[]>;
  for (const v of versions) h.update(`${JSON.stringify(v)}\n`);
  return h.digest('hex');
}

type MasterRow = { type: string; name: string; tbl_name: string; sql: string | null };

const expectedCache = new Map<number, Map<string, MasterRow>>();

/** sqlite_master of a workspace at schema version v, built by running the migrations in memory. */
export function expectedSchema(v: number): Map<string, MasterRow> {
  let m = expectedCache.get(v);
  if (!m) {
    const db = new Sqlite(':memory:');
    try {
      for (let i = 0; i < v; i++) db.exec(MIGRATIONS[i]!);
      m = new Map((db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_master').all() as MasterRow[]).map((r) => [r.name, r]));
    } finally {
      db.close();
    }
    expectedCache.set(v, m);
  }
  return m;
}

/** Differences between a file's sqlite_master and the expected one (empty when identical). */
export function schemaProblems(actual: readonly MasterRow[], expected: Map<string, MasterRow>): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const r of actual) {
    seen.add(r.name);
    if (r.type === 'trigger' || r.type === 'view') {
      problems.push(`it contains a ${r.type} "${r.name}" (Tessera files never do)`);
      continue;
    }
    const e = expected.get(r.name);
    if (!e) problems.push(`unexpected ${r.type} "${r.name}"`);
    else if (e.type !== r.type || e.tbl_name !== r.tbl_name || (e.sql ?? '') !== (r.sql ?? '')) problems.push(`${r.type} "${r.name}" differs from the Tessera schema`);
  }
  for (const name of expected.keys()) if (!seen.has(name)) problems.push(`missing "${name}"`);
  return problems;
}
