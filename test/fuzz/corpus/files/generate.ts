// Seeded generator of damaged workspaces and share files, from a small valid pair. Kept as code rather
// than binary files so the corpus follows schema changes; the same seed always yields the same cases.
import { copyFileSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { sealShareFile } from '../../../../electron/services/scenarios/share-format';
import { createRng } from '../../../../shared/domain/random';

/** One generated file: what was done to it, and which kind of file it started as. */
export type FuzzCase = { name: string; path: string; base: 'workspace' | 'share'; mutation: 'flip' | 'truncate' | 'sql' | 'resealed-sql' };

/** Edits a file with SQL the way a broken tool or a forger could; reseal recomputes the share checksum (unsigned). */
const SQL_EDITS: [string, string, boolean][] = [
  ['payload-not-json', `UPDATE scenario_versions SET payload = '{not json' WHERE rowid = (SELECT max(rowid) FROM scenario_versions)`, false],
  ['payload-wrong-types', `UPDATE scenario_versions SET payload = '{"schemaVersion":1,"territories":7}'`, false],
  ['payload-blob', `UPDATE scenario_versions SET payload = X'00FF'`, false],
  ['payload-huge', `UPDATE scenario_versions SET payload = payload || printf('%.*c', 5000, ' ')`, false],
  ['measures-garbage', `UPDATE units SET measures = '["x"]' WHERE idx = 0`, false],
  ['measures-infinite', `UPDATE units SET measures = '[1e999]' WHERE idx = 0`, false],
  ['potential-text', `UPDATE accounts SET potential = 'lots' WHERE idx = 0`, false],
  ['potential-x10', 'UPDATE accounts SET potential = potential * 10', false],
  ['owner-changed', `UPDATE accounts SET owner = 'Mallory'`, false],
  ['rep-renamed', `UPDATE reps SET name = 'Mallory' WHERE position = 0`, false],
  ['rep-industries-garbage', `UPDATE reps SET industries = '{' WHERE position = 0`, false],
  ['trigger', 'CREATE TRIGGER t AFTER INSERT ON scenarios BEGIN DELETE FROM units; END', false],
  ['view', 'CREATE VIEW v AS SELECT 1', false],
  ['extra-table', 'CREATE TABLE extra (x)', false],
  ['dropped-index-table', 'DROP TABLE import_presets', false],
  ['created-by-spoofed', `UPDATE meta SET value = 'The CEO' WHERE key = 'share_created_by'`, false],
  ['share-keys-stripped', `DELETE FROM meta WHERE key LIKE 'share_%'`, false],
  ['digest-garbage', `UPDATE meta SET value = '{' WHERE key = 'content_digest'`, false],
  ['payload-not-json-resealed', `UPDATE scenario_versions SET payload = '{not json'`, true],
  ['unit-ref-resealed', `UPDATE accounts SET unit_idx = 999 WHERE idx = 0`, true],
  ['potential-x10-resealed', 'UPDATE accounts SET potential = potential * 10', true],
  ['version-gap-resealed', 'UPDATE scenario_versions SET version = version + 5', true],
];

/** Byte offsets worth flipping: used bytes (non-zero: free space in a page is zeros) past the 100-byte header. */
export function flipOffsets(file: Buffer, count: number, rand: () => number): number[] {
  const out: number[] = [];
  while (out.length < count) {
    const at = 100 + Math.floor(rand() * (file.length - 100));
    if (file[at] !== 0) out.push(at);
  }
  return out;
}

/**
 * Writes the corpus into dir from a valid workspace and share file: single-byte flips, truncations and SQL
 * edits (plain, and with the share checksum recomputed, which only a signature can catch).
 */
export function generateCorpus(dir: string, sources: { workspace: string; share: string }, seed = 20261202, flips = 20): FuzzCase[] {
  const rand = createRng(seed);
  const cases: FuzzCase[] = [];
  for (const base of ['workspace', 'share'] as const) {
    const src = sources[base];
    const original = readFileSync(src);
    const pageSize = original.readUInt16BE(16) === 1 ? 65536 : original.readUInt16BE(16);
    flipOffsets(original, flips, rand).forEach((offset, i) => {
      const copy = Buffer.from(original);
      copy[offset] = copy[offset]! ^ (1 << Math.floor(rand() * 8));
      const path = join(dir, `${base}-flip-${i}-at-${offset}.tessera`);
      writeFileSync(path, copy);
      cases.push({ name: `${base}: bit flip at byte ${offset} (page ${Math.floor(offset / pageSize) + 1})`, path, base, mutation: 'flip' });
    });
    for (const keep of [0, 50, 100, 4096, Math.floor(original.length / 2), original.length - 1]) {
      const path = join(dir, `${base}-truncated-${keep}.tessera`);
      copyFileSync(src, path);
      truncateSync(path, keep);
      cases.push({ name: `${base}: truncated to ${keep} bytes`, path, base, mutation: 'truncate' });
    }
    for (const [name, sql, reseal] of SQL_EDITS) {
      if (reseal && base !== 'share') continue;
      const path = join(dir, `${base}-${name}.tessera`);
      copyFileSync(src, path);
      const db = new Database(path);
      db.exec(sql);
      if (reseal) sealShareFile(db, null);
      db.close();
      cases.push({ name: `${base}: ${name}`, path, base, mutation: reseal ? 'resealed-sql' : 'sql' });
    }
  }
  return cases;
}
