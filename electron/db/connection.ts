import { closeSync, existsSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { WorkspaceErrorCode } from '../../shared/contracts/app-api';
import { checkContent, type ContentLimits, type ContentReport, type Damage } from './content-check';
import { clearDigest, writeDigest } from './content-digest';
import { CURRENT_SCHEMA_VERSION, MIGRATIONS } from './migrations';
import { fileSchemaProblems } from './schema-check';

/** PRAGMA application_id of a Tessera workspace ('TESS'), so other SQLite files are told apart. */
export const TESSERA_APPLICATION_ID = 0x54455353;

/** An expected failure opening a workspace; code says which, message says what to do. */
export class WorkspaceFileError extends Error {
  constructor(
    readonly code: WorkspaceErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'WorkspaceFileError';
  }
}

/** Options for opening a workspace database. */
export type OpenOptions = {
  readOnly?: boolean;
  /** Path of a better-sqlite3 .node built for the running ABI (Electron), else the default Node build. */
  nativeBinding?: string;
  /** Size limits of stored payloads and geometry (default DEFAULT_CONTENT_LIMITS). */
  limits?: ContentLimits;
};

const SQLITE_MAGIC = 'SQLite format 3\u0000';

/** Checks the file header without letting SQLite touch the file: magic, page size, truncation. */
export function checkHeader(path: string): void {
  const size = statSync(path).size;
  if (size === 0) throw new WorkspaceFileError('not-tessera', `${path} is empty: it is not a Tessera workspace.`);
  const header = Buffer.alloc(100);
  const fd = openSync(path, 'r');
  let read: number;
  try {
    read = readSync(fd, header, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  if (read < 16 || header.toString('latin1', 0, 16) !== SQLITE_MAGIC) {
    throw new WorkspaceFileError('not-tessera', `${path} is not a Tessera workspace (not an SQLite database).`);
  }
  if (read < 100) throw new WorkspaceFileError('corrupt', `${path} is truncated (${size} bytes): the workspace is damaged.`);
  const rawPageSize = header.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  const pageCount = header.readUInt32BE(28);
  const changeCounter = header.readUInt32BE(24);
  const validFor = header.readUInt32BE(92);
  if (pageSize < 512 || (pageSize & (pageSize - 1)) !== 0) {
    throw new WorkspaceFileError('corrupt', `${path} has a damaged header (page size ${rawPageSize}).`);
  }
  // With a non-empty -wal next to it, a process killed during a checkpoint can leave the main file shorter
  // than its header says (page 1 is copied first); the WAL still holds those pages and SQLite recovers them,
  // so the size checks are left to quick_check (found by test/integration/durability.test.ts).
  const walBytes = existsSync(`${path}-wal`) ? statSync(`${path}-wal`).size : 0;
  if (walBytes === 0 && (size % pageSize !== 0 || (validFor === changeCounter && pageCount > 0 && size < pageCount * pageSize))) {
    throw new WorkspaceFileError(
      'corrupt',
      `${path} is truncated: ${size} bytes where ${pageCount * pageSize} were expected. Restore it from a backup.`,
    );
  }
}

function openRaw(path: string, opts: OpenOptions, readonly: boolean): Database.Database {
  try {
    return new Database(path, { readonly, fileMustExist: true, nativeBinding: opts.nativeBinding });
  } catch (e) {
    throw new WorkspaceFileError('corrupt', `${path} could not be opened: ${(e as Error).message}`);
  }
}

/** Largest file whose open runs PRAGMA integrity_check (larger ones get quick_check). */
const INTEGRITY_CHECK_MAX_BYTES = 64 * 1024 ** 2;

/** Largest WAL-mode file opened read-only as an in-memory snapshot (see openReadOnly). */
const SNAPSHOT_MAX_BYTES = 1024 ** 3;

/**
 * Opens a file read-only without creating anything next to it. A WAL-mode file whose -wal is absent or
 * empty holds all its content in the main file, but SQLite would still create -wal and -shm to read it
 * (and fail in a read-only folder); such a file is read into memory instead, marked as rollback mode.
 */
export function openReadOnly(path: string, opts: OpenOptions = {}): Database.Database {
  const header = Buffer.alloc(20);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, header, 0, 20, 0);
  } finally {
    closeSync(fd);
  }
  const wal = `${path}-wal`;
  const walEmpty = !existsSync(wal) || statSync(wal).size === 0;
  if (header[18] === 2 && walEmpty && statSync(path).size <= SNAPSHOT_MAX_BYTES) {
    const bytes = readFileSync(path);
    bytes[18] = 1;
    bytes[19] = 1;
    try {
      return new Database(bytes, { readonly: true, nativeBinding: opts.nativeBinding });
    } catch (e) {
      throw new WorkspaceFileError('corrupt', `${path} could not be opened: ${(e as Error).message}`);
    }
  }
  return openRaw(path, opts, true);
}

/** Refuses a path that is missing or not a regular file, before anything reads it. */
export function checkPath(path: string): void {
  let st;
  try {
    st = statSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new WorkspaceFileError('not-found', `No workspace at ${path}.`);
    throw new WorkspaceFileError('io', `Cannot read ${path} (${code}).`);
  }
  if (st.isDirectory()) throw new WorkspaceFileError('not-tessera', `${path} is a folder, not a workspace file.`);
  if (!st.isFile()) throw new WorkspaceFileError('not-tessera', `${path} is not a regular file, so not a workspace file.`);
}

/** An open workspace database with what its content check found (damage is empty for a sound file). */
export type OpenedDb = { db: Database.Database; report: ContentReport };

const MAX_LISTED = 5;

/** "a; b; c (and 4 more)" */
export function listDamage(damage: readonly Damage[]): string {
  const more = damage.length > MAX_LISTED ? ` (and ${damage.length - MAX_LISTED} more)` : '';
  return damage.slice(0, MAX_LISTED).map((d) => d.message).join('; ') + more;
}

/** Checks a file read-only: application id, schema version, exact schema, integrity_check (quick_check when large), then its content. */
function probe(path: string, db: Database.Database, limits?: ContentLimits): ContentReport {
  let appId: number;
  let version: number;
  try {
    appId = db.pragma('application_id', { simple: true }) as number;
    version = db.pragma('user_version', { simple: true }) as number;
  } catch (e) {
    throw new WorkspaceFileError('corrupt', `${path} is damaged: ${(e as Error).message}`);
  }
  if (appId !== TESSERA_APPLICATION_ID) {
    throw new WorkspaceFileError('not-tessera', `${path} is an SQLite database but not a Tessera workspace.`);
  }
  if (version > CURRENT_SCHEMA_VERSION) {
    throw new WorkspaceFileError(
      'newer-schema',
      `${path} was written by a newer Tessera (workspace schema ${version}; this version reads up to ${CURRENT_SCHEMA_VERSION}). Update Tessera to open it.`,
    );
  }
  let problems: string[];
  try {
    problems = fileSchemaProblems(db, version);
  } catch (e) {
    throw new WorkspaceFileError('corrupt', `${path} is damaged: ${(e as Error).message}`);
  }
  if (problems.length) throw new WorkspaceFileError('not-tessera', `${path} is not a workspace Tessera wrote and was not opened: ${problems.slice(0, 3).join('; ')}.`);
  let check: string;
  try {
    // integrity_check also compares every index with its table (a flipped index byte would make lookups
    // miss rows); it costs a few times quick_check, so large files get quick_check only.
    const thorough = statSync(path).size <= INTEGRITY_CHECK_MAX_BYTES;
    check = db.pragma(thorough ? 'integrity_check(1)' : 'quick_check(1)', { simple: true }) as string;
  } catch (e) {
    throw new WorkspaceFileError('corrupt', `${path} is damaged: ${(e as Error).message}`);
  }
  if (check !== 'ok') throw new WorkspaceFileError('corrupt', `${path} is damaged (integrity check: ${check}).`);
  if (version < 1) return { damage: [], digest: 'absent' };
  try {
    return checkContent(db, limits);
  } catch (e) {
    if (e instanceof Database.SqliteError) throw new WorkspaceFileError('corrupt', `${path} is damaged: ${e.message}`);
    throw e;
  }
}

/**
 * A read-only, in-memory copy of a damaged file without its damaged parts: damaged scenario versions
 * (and scenarios left with none) and undecodable geometry are left out. What recovery writes out.
 */
export function salvage(db: Database.Database, damage: readonly Damage[], opts: OpenOptions = {}): Database.Database {
  const copy = new Database(db.serialize(), { nativeBinding: opts.nativeBinding });
  try {
    copy.transaction(() => {
      const del = copy.prepare('DELETE FROM scenario_versions WHERE scenario_id = ? AND version = ?');
      for (const d of damage) if (d.kind === 'version' && d.scenarioId !== undefined && d.version !== undefined) del.run(d.scenarioId, d.version);
      copy.exec('DELETE FROM scenarios WHERE id NOT IN (SELECT scenario_id FROM scenario_versions)');
      copy.exec('UPDATE scenarios SET parent_id = NULL, parent_version = NULL WHERE parent_id IS NOT NULL AND parent_id NOT IN (SELECT id FROM scenarios)');
      if (damage.some((d) => d.kind === 'geometry')) copy.exec('DELETE FROM geometry');
    })();
  } catch (e) {
    copy.close();
    throw e;
  }
  return copy;
}

/**
 * Opens and validates a workspace without modifying it; only then upgrades it. Refuses, untouched:
 * missing files, folders, non-SQLite files, other SQLite files (or ones with triggers, views or unknown
 * tables), truncated or corrupt files, files from a newer Tessera, and for a writable open any damaged
 * content. A read-only open of a damaged file shows what is intact (see salvage) with the damage listed.
 */
export function openWorkspace(path: string, opts: OpenOptions = {}): OpenedDb {
  checkPath(path);
  checkHeader(path);
  const first = openReadOnly(path, opts);
  let report: ContentReport;
  try {
    report = probe(path, first, opts.limits);
  } catch (e) {
    first.close();
    throw e;
  }
  const { damage } = report;
  const fatal = damage.filter((d) => d.kind === 'dataset');
  if (fatal.length) {
    first.close();
    throw new WorkspaceFileError('corrupt', `${path} is damaged and was not opened: ${listDamage(fatal)}. Restore it from a backup.`);
  }
  if (opts.readOnly) {
    let db = first;
    if (damage.some((d) => d.kind === 'version' || d.kind === 'geometry')) {
      db = salvage(first, damage, opts);
      first.close();
    }
    db.pragma('query_only = ON');
    return { db, report };
  }
  first.close();
  if (damage.length) {
    throw new WorkspaceFileError(
      'corrupt',
      `${path} is damaged: ${listDamage(damage)}. Open it read-only (File ▸ Open Read-Only…) to see what is intact and save that as a new workspace, or run \`tessera recover ${path} --out NEW.tessera\`.`,
    );
  }
  const db = openRaw(path, opts, false);
  try {
    db.pragma('journal_mode = WAL');
    migrate(db);
    // While open for writing the file no longer matches a stored digest; closing writes a new one.
    clearDigest(db);
    db.pragma('foreign_keys = ON');
  } catch (e) {
    db.close();
    if (e instanceof Database.SqliteError) throw new WorkspaceFileError('io', `${path} cannot be opened for writing (${e.message}); open it read-only instead.`);
    throw e;
  }
  return { db, report };
}

/** Opens a workspace (see openWorkspace) and returns its database only. */
export function openWorkspaceDb(path: string, opts: OpenOptions = {}): Database.Database {
  return openWorkspace(path, opts).db;
}

/**
 * Closes a workspace database. A writable file-backed one first records its content digest (so the
 * next open detects damage) and goes back to rollback mode, so a closed workspace has no -wal/-shm and
 * opens read-only in a read-only folder; if another process still has it open it stays in WAL mode.
 */
export function closeWorkspaceDb(db: Database.Database): void {
  if (!db.open) return;
  if (!db.readonly && !db.memory) {
    try {
      writeDigest(db);
      db.pragma('journal_mode = DELETE');
    } catch {
      // A full disk leaves no digest (the next open says "not verified"); SQLITE_BUSY on the journal
      // switch means a reader in another process, and the file stays in WAL mode: both are fine.
    }
  }
  db.close();
}

/** Creates a new, empty workspace file (or an in-memory one for ':memory:') at the current schema. */
export function createWorkspaceDb(path: string, opts: OpenOptions = {}): Database.Database {
  if (path !== ':memory:' && existsSync(path)) {
    throw new WorkspaceFileError('exists', `${path} already exists; choose another name or open it.`);
  }
  const db = new Database(path, { nativeBinding: opts.nativeBinding });
  if (path !== ':memory:') db.pragma('journal_mode = WAL');
  db.pragma(`application_id = ${TESSERA_APPLICATION_ID}`);
  db.pragma('foreign_keys = ON');
  migrate(db);
  return db;
}

/** Applies the pending numbered migrations in one transaction each, bumping PRAGMA user_version. */
export function migrate(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let v = current; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]!);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}

/** Writes a compacted copy of db to path (VACUUM INTO), also from a read-only (query_only) view. */
export function vacuumInto(db: Database.Database, path: string): void {
  const queryOnly = db.pragma('query_only', { simple: true }) === 1;
  if (queryOnly) db.pragma('query_only = OFF');
  try {
    db.prepare('VACUUM INTO ?').run(path);
  } finally {
    if (queryOnly) db.pragma('query_only = ON');
  }
}

/** Drops the content digest from a freshly written copy: what a user saves as a new file is sound by definition. */
export function forgetDigest(path: string, opts: OpenOptions = {}): void {
  const db = openRaw(path, opts, false);
  try {
    clearDigest(db);
  } finally {
    db.close();
  }
}
