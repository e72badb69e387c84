import Sqlite from 'better-sqlite3';
import type Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations';

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

/**
 * Problems of a file's schema against the Tessera schema of its user_version: no triggers, views or
 * unknown tables, nothing missing. Runs no SQL of the file (trusted_schema off, reads sqlite_master only).
 */
export function fileSchemaProblems(db: Database.Database, version: number): string[] {
  db.pragma('trusted_schema = OFF');
  const master = db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_master').all() as MasterRow[];
  return schemaProblems(master, expectedSchema(version));
}
