import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { WorkspaceErrorCode } from '../../shared/contracts/app-api';
import { CURRENT_SCHEMA_VERSION, MIGRATIONS } from './migrations';

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

/**
 * Opens and validates a workspace without modifying it; only then upgrades it.
 * Refuses, untouched: missing files, non-SQLite files, other SQLite files, truncated or corrupt files,
 * and files from a newer Tessera.
 */
export function openWorkspaceDb(path: string, opts: OpenOptions = {}): Database.Database {
  if (!existsSync(path)) throw new WorkspaceFileError('not-found', `No workspace at ${path}.`);
  checkHeader(path);
  const probe = openRaw(path, opts, true);
  try {
    let appId: number;
    let version: number;
    try {
      appId = probe.pragma('application_id', { simple: true }) as number;
      version = probe.pragma('user_version', { simple: true }) as number;
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
    let check: string;
    try {
      check = probe.pragma('quick_check', { simple: true }) as string;
    } catch (e) {
      throw new WorkspaceFileError('corrupt', `${path} is damaged: ${(e as Error).message}`);
    }
    if (check !== 'ok') throw new WorkspaceFileError('corrupt', `${path} is damaged (integrity check: ${check}).`);
  } finally {
    probe.close();
  }
  const db = openRaw(path, opts, opts.readOnly ?? false);
  if (!opts.readOnly) {
    db.pragma('journal_mode = WAL');
    migrate(db);
  }
  db.pragma('foreign_keys = ON');
  return db;
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
