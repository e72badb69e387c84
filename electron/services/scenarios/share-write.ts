import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { vacuumInto } from '../../db/connection';
import type { ScenarioSelector, ScenarioVersion, ShareExportReport } from '../../../shared/contracts/app-api';
import { err, ok, type Result } from '../../../shared/contracts/result';
import { resolveVersion } from '../context';
import type { Workspace } from '../workspace';
import { commitFile } from './fs-atomic';
import { checkpoint, isCallCancelled } from '../long-call';
import { pidAlive } from './lock';
import { readMeta } from '../../db/dataset-repo';
import { compact, datasetFingerprint, hideAccountDetails, pruneScenarios, setMeta, useRollbackJournal } from '../../db/share-repo';
import { sealShareFile, SHARE_FORMAT_VERSION, SHARE_META, type ShareSigner } from './share-format';
import { defaultKeysDir, fingerprintOf, KeyError, signChecksum, signingKey } from './share-keys';

/**
 * Options of a share-file export. sign: the name of an own key to sign with, false for none; by default
 * the default key in keysDir signs when there is one.
 */
export type ShareWriteOptions = { headOnly?: boolean; accountDetails?: boolean; overwrite?: boolean; author: string; appVersion: string; sign?: string | false; keysDir?: string };

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
 * In a tracked long call it reports its four steps and stops at the next one when cancelled: the temp file is
 * removed and nothing is left under the final name.
 */
export async function writeShareFile(ws: Workspace, selectors: ScenarioSelector[], out: string, opts: ShareWriteOptions): Promise<Result<ShareExportReport, 'not-found' | 'exists' | 'io'>> {
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
    await checkpoint('Copying the workspace', 0, 4);
    vacuumInto(ws.db, tmp);
    await checkpoint('Keeping the chosen scenarios and sealing', 1, 4);
    const db = new Database(tmp);
    try {
      useRollbackJournal(db);
      db.transaction(() => {
        pruneScenarios(db, chosen.map((c) => c.scenarioId), !!opts.headOnly);
        if (opts.accountDetails === false) hideAccountDetails(db);
        setMeta(db, [
          [SHARE_META.format, String(SHARE_FORMAT_VERSION)],
          [SHARE_META.createdAt, new Date().toISOString()],
          [SHARE_META.createdBy, opts.author],
          [SHARE_META.appVersion, opts.appVersion],
          [SHARE_META.fingerprint, datasetFingerprint(db)],
        ]);
        sealShareFile(db, signer);
      })();
      await checkpoint('Compacting', 2, 4);
      compact(db);
    } finally {
      db.close();
    }
    await checkpoint('Saving the file', 3, 4);
    commitFile(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    if (isCallCancelled(e)) throw e;
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
    return readMeta(db, SHARE_META.fingerprint) ?? '';
  } finally {
    db.close();
  }
}

/** Strips the share markers from a saved copy: once edited it is an ordinary workspace, not a signed export. */
export function unmarkShareFile(db: Database.Database): void {
  setMeta(db, Object.values(SHARE_META).map((k) => [k, null] as const));
}
