import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';

/** meta key holding the content digest written when a workspace is closed cleanly (or a share file is written). */
export const DIGEST_META_KEY = 'content_digest';

/** meta keys left out of the meta table's digest: the digest itself and what is derived from it (checksum, signature). */
export const UNDIGESTED_META_KEYS: readonly string[] = [DIGEST_META_KEY, 'share_checksum', 'share_signature'];

/**
 * SHA-256 of every table's rows in primary-key order (so it does not depend on SQLite's page layout),
 * with scenario versions also hashed one by one so a mismatch can be named.
 */
export type ContentDigest = { v: 1; tables: Record<string, string>; versions: Record<string, string> };

const quote = (name: string): string => `"${name.replaceAll('"', '""')}"`;

function tableNames(db: Database.Database): string[] {
  return (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").raw().all() as [string][]).map((r) => r[0]);
}

/** SQL selecting each row of a table as one JSON array text (SQLite formats it: fast and canonical), in primary-key order. */
function rowsSql(db: Database.Database, table: string): string {
  const cols = db.prepare('SELECT name, pk FROM pragma_table_info(?) ORDER BY cid').all(table) as { name: string; pk: number }[];
  const pk = cols.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
  // A BLOB cannot be a JSON value; a Tessera file never holds one, but a damaged file must still hash.
  const values = cols.map((c) => `CASE WHEN typeof(${quote(c.name)}) = 'blob' THEN 'x''' || hex(${quote(c.name)}) || '''' ELSE ${quote(c.name)} END`);
  const lead = [0, 1].map((i) => (cols[i] ? quote(cols[i].name) : 'NULL')).join(', ');
  return `SELECT ${lead}, json_array(${values.join(', ')}) FROM ${quote(table)} ORDER BY ${pk.length ? pk.map((c) => quote(c.name)).join(', ') : 'rowid'}`;
}

/** Computes the content digest of a workspace or share file. */
export function computeDigest(db: Database.Database): ContentDigest {
  const tables: Record<string, string> = {};
  const versions: Record<string, string> = {};
  for (const t of tableNames(db)) {
    const h = createHash('sha256');
    const skipMeta = t === 'meta';
    const isVersions = t === 'scenario_versions';
    const rows = db.prepare(rowsSql(db, t)).raw().iterate() as IterableIterator<unknown[]>;
    for (const row of rows) {
      if (skipMeta && UNDIGESTED_META_KEYS.includes(row[0] as string)) continue;
      const text = `${row[2] as string}\n`;
      if (isVersions) versions[`${row[0] as number}:${row[1] as number}`] = createHash('sha256').update(text).digest('hex');
      h.update(text);
    }
    tables[t] = h.digest('hex');
  }
  return { v: 1, tables, versions };
}

/** One hash over a whole digest (what a share file's checksum and signature cover). */
export function digestChecksum(d: ContentDigest): string {
  const h = createHash('sha256');
  for (const t of Object.keys(d.tables).sort()) h.update(`${t} ${d.tables[t]}\n`);
  return h.digest('hex');
}

/** Stores the digest in meta (replacing an older one). */
export function writeDigest(db: Database.Database, d: ContentDigest = computeDigest(db)): ContentDigest {
  db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run(DIGEST_META_KEY, JSON.stringify(d));
  return d;
}

/** Forgets the stored digest: a workspace open for writing no longer matches it until it is closed. */
export function clearDigest(db: Database.Database): void {
  db.prepare('DELETE FROM meta WHERE key = ?').run(DIGEST_META_KEY);
}

/** The stored digest; null when there is none (never closed cleanly, or an older Tessera); 'invalid' when unreadable. */
export function readDigest(db: Database.Database): ContentDigest | null | 'invalid' {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(DIGEST_META_KEY) as { value: string } | undefined;
  if (!row) return null;
  try {
    const d = JSON.parse(row.value) as ContentDigest;
    if (d?.v !== 1 || typeof d.tables !== 'object' || typeof d.versions !== 'object' || !d.tables || !d.versions) return 'invalid';
    return d;
  } catch {
    return 'invalid';
  }
}

/** A part of a file whose content does not match its stored digest; version parts name the scenario version. */
export type DigestMismatch = { table: string; scenarioId?: number; version?: number; what: 'changed' | 'missing' | 'added' };

/** Where actual content differs from the stored digest: changed tables, and changed, missing or added versions. */
export function compareDigests(stored: ContentDigest, actual: ContentDigest): DigestMismatch[] {
  const out: DigestMismatch[] = [];
  for (const t of new Set([...Object.keys(stored.tables), ...Object.keys(actual.tables)])) {
    if (t === 'scenario_versions') continue;
    if (stored.tables[t] !== actual.tables[t]) out.push({ table: t, what: !(t in actual.tables) ? 'missing' : !(t in stored.tables) ? 'added' : 'changed' });
  }
  for (const k of new Set([...Object.keys(stored.versions), ...Object.keys(actual.versions)])) {
    if (stored.versions[k] === actual.versions[k]) continue;
    const [scenarioId, version] = k.split(':').map(Number);
    out.push({ table: 'scenario_versions', scenarioId, version, what: !(k in actual.versions) ? 'missing' : !(k in stored.versions) ? 'added' : 'changed' });
  }
  return out;
}
