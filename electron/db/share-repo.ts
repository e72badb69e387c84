import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { upgradeScenarioPayload } from '../../shared/schema/scenario-payload';

// The SQL of share files (a workspace file sent to someone else): what exporting writes into the copy,
// what validating reads from an untrusted file, and what importing its scenarios copies. The rules
// (limits, refusals, signatures) stay in services/scenarios; this module only reads and writes.

/** Sets meta keys (replacing values); a null value deletes the key. */
export function setMeta(db: Database.Database, entries: readonly (readonly [string, string | null])[]): void {
  const put = db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)');
  const drop = db.prepare('DELETE FROM meta WHERE key = ?');
  for (const [k, v] of entries) {
    if (v === null) drop.run(k);
    else put.run(k, v);
  }
}

/** Hash over the unit ids and account ids in index order: equal fingerprints mean scenarios fit both datasets. */
export function datasetFingerprint(db: Database.Database): string {
  const h = createHash('sha256');
  h.update('units\n');
  for (const [id] of db.prepare('SELECT id FROM units ORDER BY idx').raw().iterate() as IterableIterator<[string]>) h.update(`${id}\n`);
  h.update('accounts\n');
  for (const [id] of db.prepare('SELECT id FROM accounts ORDER BY idx').raw().iterate() as IterableIterator<[string]>) h.update(`${id}\n`);
  return h.digest('hex');
}

/** Share format 1's checksum (kept to verify older files): the fingerprint and every scenario and version row. */
export function scenariosChecksum(db: Database.Database, fingerprint: string): string {
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

/** Removes everything but the chosen scenarios (and, with headOnly, their older versions) from an export copy. */
export function pruneScenarios(db: Database.Database, keep: readonly number[], headOnly: boolean): void {
  const ids = keep.map((id) => Number(id)).join(',');
  db.exec(`UPDATE scenarios SET parent_id = NULL, parent_version = NULL WHERE parent_id IS NOT NULL AND parent_id NOT IN (${ids})`);
  db.exec(`DELETE FROM scenario_versions WHERE scenario_id NOT IN (${ids})`);
  db.exec(`DELETE FROM scenarios WHERE id NOT IN (${ids})`);
  if (headOnly) {
    // Renumber the head as version 1 so the file's history has no gaps.
    db.exec(`DELETE FROM scenario_versions WHERE version < (SELECT max(version) FROM scenario_versions v WHERE v.scenario_id = scenario_versions.scenario_id)`);
    db.exec('UPDATE scenario_versions SET version = 1, parent_version = NULL');
  }
}

/** Header fields of a file, read from page 1 without parsing its schema. */
export function fileHeader(db: Database.Database): { applicationId: number; userVersion: number } {
  return { applicationId: db.pragma('application_id', { simple: true }) as number, userVersion: db.pragma('user_version', { simple: true }) as number };
}

/** SQLite's integrity check, at most max messages ('ok' alone when sound). */
export function integrityCheck(db: Database.Database, max: number): string[] {
  return (db.pragma(`integrity_check(${Math.floor(max)})`) as { integrity_check: string }[]).map((r) => r.integrity_check);
}

const one = (db: Database.Database, sql: string): number => Number((db.prepare(sql).raw().get() as unknown[])[0] ?? 0);

/** Row counts of a file's tables and the largest stored payload and geometry (bytes). */
export type FileCounts = { units: number; accounts: number; reps: number; edges: number; scenarios: number; versions: number; payloadBytes: number; geometryBytes: number };

/** Counts what a file holds (for limits, before anything of it is read). */
export function fileCounts(db: Database.Database): FileCounts {
  return {
    units: one(db, 'SELECT count(*) FROM units'),
    accounts: one(db, 'SELECT count(*) FROM accounts'),
    reps: one(db, 'SELECT count(*) FROM reps'),
    edges: one(db, 'SELECT count(*) FROM unit_edges'),
    scenarios: one(db, 'SELECT count(*) FROM scenarios'),
    versions: one(db, 'SELECT count(*) FROM scenario_versions'),
    payloadBytes: one(db, 'SELECT coalesce(max(octet_length(payload)), 0) FROM scenario_versions'),
    geometryBytes: one(db, 'SELECT coalesce(max(octet_length(topology)), 0) FROM geometry'),
  };
}

/**
 * The first cross-reference a structurally valid file can still get wrong (indexes not dense, references
 * out of range, versions without scenarios or with gaps, payloads naming units or accounts not in the
 * dataset), in words; null when there is none. Payloads must have passed their schema already.
 */
export function consistencyProblem(db: Database.Database, counts: Pick<FileCounts, 'units' | 'accounts'>): string | null {
  for (const [table, n] of [['units', counts.units], ['accounts', counts.accounts]] as const) {
    if (n > 0 && (one(db, `SELECT min(idx) FROM ${table}`) !== 0 || one(db, `SELECT max(idx) FROM ${table}`) !== n - 1)) return `${table} are not numbered 0..${n - 1}`;
  }
  const units = Math.floor(counts.units);
  if (one(db, `SELECT count(*) FROM accounts WHERE unit_idx < -1 OR unit_idx >= ${units}`)) return 'an account refers to a unit that does not exist';
  if (one(db, `SELECT count(*) FROM unit_edges WHERE a < 0 OR b < 0 OR a >= ${units} OR b >= ${units}`)) return 'an adjacency refers to a unit that does not exist';
  if (one(db, 'SELECT count(*) FROM scenario_versions WHERE scenario_id NOT IN (SELECT id FROM scenarios)')) return 'a version belongs to no scenario';
  if (one(db, 'SELECT count(*) FROM scenarios WHERE parent_id IS NOT NULL AND parent_id NOT IN (SELECT id FROM scenarios)')) return 'a scenario names a parent that is not in the file';
  if (one(db, 'SELECT count(*) FROM (SELECT scenario_id FROM scenario_versions GROUP BY scenario_id HAVING min(version) <> 1 OR max(version) <> count(*))')) return 'a scenario has gaps in its version numbers';
  if (one(db, 'SELECT count(*) FROM scenarios WHERE id NOT IN (SELECT scenario_id FROM scenario_versions)')) return 'a scenario has no version';
  const unitIds = new Set(ids(db, 'units'));
  const accountIds = new Set(ids(db, 'accounts'));
  const rows = db.prepare('SELECT s.name, v.version, v.payload FROM scenario_versions v JOIN scenarios s ON s.id = v.scenario_id').raw().iterate() as IterableIterator<[string, number, string]>;
  for (const [name, version, text] of rows) {
    const payload = upgradeScenarioPayload(JSON.parse(text));
    const where = `scenario "${name}" v${version}`;
    for (const a of payload.alignments) for (const u of Object.keys(a.assignment)) if (!unitIds.has(u)) return `${where} assigns unit ${u}, which is not in the dataset`;
    for (const acc of Object.keys(payload.accountOverrides)) if (!accountIds.has(acc)) return `${where} overrides account ${acc}, which is not in the dataset`;
  }
  return null;
}

/** Unit or account ids in index order. */
export function ids(db: Database.Database, table: 'units' | 'accounts'): string[] {
  return (db.prepare(`SELECT id FROM ${table} ORDER BY idx`).raw().all() as [string][]).map((r) => r[0]);
}

/** A file's scenarios with their number of versions, in id order. */
export function scenarioSummaries(db: Database.Database): { name: string; description: string; versions: number }[] {
  return db
    .prepare('SELECT s.name, s.description, count(v.version) AS versions FROM scenarios s JOIN scenario_versions v ON v.scenario_id = s.id GROUP BY s.id ORDER BY s.id')
    .all() as { name: string; description: string; versions: number }[];
}

/** A scenario row of a file being imported, and one of its versions. */
export type FileScenario = { id: number; name: string; description: string; author: string; created_at: string; updated_at: string };
export type FileVersion = { version: number; parent_version: number | null; created_at: string; author: string; note: string; payload: string };

/** The scenarios of a file, in id order. */
export function fileScenarios(db: Database.Database): FileScenario[] {
  return db.prepare('SELECT id, name, description, author, created_at, updated_at FROM scenarios ORDER BY id').all() as FileScenario[];
}

/** The versions of one scenario of a file, oldest first. */
export function fileVersions(db: Database.Database, scenarioId: number): FileVersion[] {
  return db.prepare('SELECT version, parent_version, created_at, author, note, payload FROM scenario_versions WHERE scenario_id = ? ORDER BY version').all(scenarioId) as FileVersion[];
}

/** Whether a scenario of that name exists. */
export function scenarioNameTaken(db: Database.Database, name: string): boolean {
  return db.prepare('SELECT 1 FROM scenarios WHERE name = ?').get(name) !== undefined;
}

/**
 * Adds an imported scenario with its versions copied byte for byte (versions are immutable), as a new
 * scenario without a parent; returns its id. The caller runs it inside its transaction.
 */
export function insertImportedScenario(db: Database.Database, s: Omit<FileScenario, 'id'>, versions: readonly FileVersion[]): number {
  const info = db
    .prepare('INSERT INTO scenarios (name, description, author, created_at, updated_at, parent_id, parent_version) VALUES (?, ?, ?, ?, ?, NULL, NULL)')
    .run(s.name, s.description, s.author, s.created_at, s.updated_at);
  const id = Number(info.lastInsertRowid);
  const insert = db.prepare('INSERT INTO scenario_versions (scenario_id, version, parent_version, created_at, author, note, payload) VALUES (?, ?, ?, ?, ?, ?, ?)');
  for (const v of versions) insert.run(id, v.version, v.parent_version, v.created_at, v.author, v.note, v.payload);
  return id;
}

/** An export copy is one self-contained file: a rollback journal (no -wal/-shm beside it) while it is written. */
export function useRollbackJournal(db: Database.Database): void {
  db.pragma('journal_mode = DELETE');
}

/** Rewrites the file without free pages (after pruning an export copy). */
export function compact(db: Database.Database): void {
  db.exec('VACUUM');
}

/**
 * Leaves out who and where each account is, for a client who should see territory figures only: names
 * become "Account <n>", street, city, ZIP and owner are emptied, each placed account sits at its unit's
 * point (placement: that unit's level), and leads are dropped. Ids stay (named-account overrides in the
 * scenarios refer to them) and so do the figures, so every territory total is unchanged.
 */
export function hideAccountDetails(db: Database.Database): void {
  db.exec(`UPDATE accounts SET name = 'Account ' || (idx + 1), street = '', city = '', zip = '', owner = ''`);
  db.exec(`UPDATE accounts SET
      x = (SELECT u.x FROM units u WHERE u.idx = accounts.unit_idx),
      y = (SELECT u.y FROM units u WHERE u.idx = accounts.unit_idx),
      placement = (SELECT CASE u.kind WHEN 'zip' THEN 'zip' WHEN 'county' THEN 'county' ELSE accounts.placement END FROM units u WHERE u.idx = accounts.unit_idx)
    WHERE unit_idx >= 0 AND EXISTS (SELECT 1 FROM units u WHERE u.idx = accounts.unit_idx)`);
  db.exec('DELETE FROM leads');
}
