import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { vacuumInto } from '../../db/connection';
import type { ScenarioSelector, ScenarioVersion, ShareExportReport } from '../../../shared/contracts/app-api';
import { err, ok, type Result } from '../../../shared/contracts/result';
import { resolveVersion } from '../context';
import type { Workspace } from '../workspace';
import { commitFile } from './fs-atomic';
import { pidAlive } from './lock';
import { datasetFingerprint, sealShareFile, SHARE_FORMAT_VERSION, SHARE_META, type ShareSigner } from './share-format';
import { defaultKeysDir, fingerprintOf, KeyError, signChecksum, signingKey } from './share-keys';

/**
 * Options of a share-file export. sign: the name of an own key to sign with, false for none; by default
 * the default key in keysDir signs when there is one.
 */
export type ShareWriteOptions = { headOnly?: boolean; accountDetails?: boolean; overwrite?: boolean; author: string; appVersion: string; sign?: string | false; keysDir?: string };

/** Removes everything but the chosen scenarios (and, with headOnly, their older versions) from a copy. */
function prune(db: Database.Database, keep: number[], headOnly: boolean): void {
  const ids = keep.join(',');
  db.exec(`UPDATE scenarios SET parent_id = NULL, parent_version = NULL WHERE parent_id IS NOT NULL AND parent_id NOT IN (${ids})`);
  db.exec(`DELETE FROM scenario_versions WHERE scenario_id NOT IN (${ids})`);
  db.exec(`DELETE FROM scenarios WHERE id NOT IN (${ids})`);
  if (headOnly) {
    // Renumber the head as version 1 so the file's history has no gaps.
    db.exec(`DELETE FROM scenario_versions WHERE version < (SELECT max(version) FROM scenario_versions v WHERE v.scenario_id = scenario_versions.scenario_id)`);
    db.exec('UPDATE scenario_versions SET version = 1, parent_version = NULL');
  }
}

/**
 * Leaves out who and where each account is, for a client who should see territory figures only: names
 * become "Account <n>", street, city, ZIP and owner are emptied, each placed account sits at its unit's
 * point (placement: that unit's level), and leads are dropped. Ids stay (named-account overrides in the
 * scenarios refer to them) and so do the figures, so every territory total is unchanged.
 */
function hideAccountDetails(db: Database.Database): void {
  db.exec(`UPDATE accounts SET name = 'Account ' || (idx + 1), street = '', city = '', zip = '', owner = ''`);
  db.exec(`UPDATE accounts SET
      x = (SELECT u.x FROM units u WHERE u.idx = accounts.unit_idx),
      y = (SELECT u.y FROM units u WHERE u.idx = accounts.unit_idx),
      placement = (SELECT CASE u.kind WHEN 'zip' THEN 'zip' WHEN 'county' THEN 'county' ELSE accounts.placement END FROM units u WHERE u.idx = accounts.unit_idx)
    WHERE unit_idx >= 0 AND EXISTS (SELECT 1 FROM units u WHERE u.idx = accounts.unit_idx)`);
  db.exec('DELETE FROM leads');
}

/** Removes temp files that exports killed mid-way left next to path (their pid is gone). */
function sweepPartials(path: string): void {
  const prefix = `${basename(path)}.`;
  for (const f of readdirSync(dirname(path))) {
    const m = f.startsWith(prefix) ? /^(\d+)\.partial(-journal)?$/.exec(f.slice(prefix.length)) : null;
    if (m && !pidAlive(Number(m[1]))) rmSync(join(dirname(path), f), { force: true });
  }
}

/**
 * Writes the chosen scenarios with the whole dataset as one self-contained `.tessera` file: a snapshot of
 * the workspace (VACUUM INTO a temp file), pruned, marked as a share file with a dataset fingerprint and
 * a content checksum, compacted, then renamed into place, so a crash never leaves a half-written file.
 */
export function writeShareFile(ws: Workspace, selectors: ScenarioSelector[], out: string, opts: ShareWriteOptions): Result<ShareExportReport, 'not-found' | 'exists' | 'io'> {
  const started = performance.now();
  const path = resolve(out);
  if (existsSync(path) && !opts.overwrite) return err('exists', `${path} already exists; choose another name or overwrite it.`);
  const chosen: ScenarioVersion[] = [];
  for (const sel of selectors) {
    const v = resolveVersion(ws, { scenario: sel.scenario });
    if (!v.ok) return v;
    if (!chosen.some((c) => c.scenarioId === v.value.scenarioId)) chosen.push(v.value);
  }
  let key;
  try {
    key = signingKey(opts.keysDir ?? defaultKeysDir(), opts.sign);
  } catch (e) {
    if (e instanceof KeyError) return err('not-found', e.message);
    throw e;
  }
  const signer: ShareSigner | null = key ? { name: key.name, publicKey: key.publicKey, sign: (c) => signChecksum(c, key.name, key.privateKey) } : null;
  const tmp = `${path}.${process.pid}.partial`;
  sweepPartials(path);
  rmSync(tmp, { force: true });
  try {
    vacuumInto(ws.db, tmp);
    const db = new Database(tmp);
    try {
      db.pragma('journal_mode = DELETE');
      db.transaction(() => {
        prune(db, chosen.map((c) => c.scenarioId), !!opts.headOnly);
        if (opts.accountDetails === false) hideAccountDetails(db);
        const fingerprint = datasetFingerprint(db);
        const put = db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)');
        put.run(SHARE_META.format, String(SHARE_FORMAT_VERSION));
        put.run(SHARE_META.createdAt, new Date().toISOString());
        put.run(SHARE_META.createdBy, opts.author);
        put.run(SHARE_META.appVersion, opts.appVersion);
        put.run(SHARE_META.fingerprint, fingerprint);
        sealShareFile(db, signer);
      })();
      db.exec('VACUUM');
    } finally {
      db.close();
    }
    commitFile(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    return err('io', `Could not write ${path}: ${(e as Error).message}`);
  }
  const versions = opts.headOnly ? chosen.length : chosen.reduce((n, c) => n + c.version, 0);
  const fingerprint = readFingerprint(path);
  const signedBy = key ? { name: key.name, fingerprint: fingerprintOf(key.publicKey) } : null;
  return ok({ path, bytes: statSync(path).size, scenarios: chosen.map((c) => c.scenarioName), versions, accountDetails: opts.accountDetails !== false, fingerprint, signedBy, seconds: (performance.now() - started) / 1000 });
}

function readFingerprint(path: string): string {
  const db = new Database(path, { readonly: true });
  try {
    return (db.prepare('SELECT value FROM meta WHERE key = ?').get(SHARE_META.fingerprint) as { value: string }).value;
  } finally {
    db.close();
  }
}

/** Strips the share markers from a saved copy: once edited it is an ordinary workspace, not a signed export. */
export function unmarkShareFile(db: Database.Database): void {
  const keys: string[] = Object.values(SHARE_META);
  db.prepare(`DELETE FROM meta WHERE key IN (${keys.map(() => '?').join(',')})`).run(...keys);
}
