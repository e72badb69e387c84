import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { ShareErrorCode, ShareFileInfo, ShareSignature } from '../../../shared/contracts/app-api';
import { err, ok, type Result } from '../../../shared/contracts/result';
import { upgradeScenarioPayload } from '../../../shared/schema/scenario-payload';
import { checkHeader, checkPath, listDamage, openReadOnly, TESSERA_APPLICATION_ID, WorkspaceFileError } from '../../db/connection';
import { checkContent } from '../../db/content-check';
import { digestChecksum, readDigest } from '../../db/content-digest';
import { CURRENT_SCHEMA_VERSION } from '../../db/migrations';
import { fileSchemaProblems } from '../../db/schema-check';
import { datasetFingerprint, DEFAULT_SHARE_LIMITS, SHARE_FORMAT_VERSION, SHARE_META, shareChecksum, type ShareLimits } from './share-format';
import { defaultKeysDir, fingerprintOf, listTrustedKeys, verifyChecksum } from './share-keys';

/** A refusal with the code and a message that says what is wrong with the file. */
class Refusal extends Error {
  constructor(
    readonly code: ShareErrorCode,
    message: string,
  ) {
    super(message);
  }
}

const one = (db: Database.Database, sql: string): number => Number((db.prepare(sql).raw().get() as unknown[])[0] ?? 0);

function checkCounts(db: Database.Database, limits: ShareLimits, file: string): ShareFileInfo['counts'] {
  const counts = { units: one(db, 'SELECT count(*) FROM units'), accounts: one(db, 'SELECT count(*) FROM accounts'), reps: one(db, 'SELECT count(*) FROM reps') };
  const others = { edges: one(db, 'SELECT count(*) FROM unit_edges'), scenarios: one(db, 'SELECT count(*) FROM scenarios'), versions: one(db, 'SELECT count(*) FROM scenario_versions') };
  for (const [key, n] of Object.entries({ ...counts, ...others })) {
    const max = limits[key as keyof ShareLimits];
    if (n > max) throw new Refusal('too-large', `${file} holds ${n} ${key}; Tessera accepts at most ${max} in a shared file.`);
  }
  if (one(db, 'SELECT coalesce(max(octet_length(payload)), 0) FROM scenario_versions') > limits.payloadChars) {
    throw new Refusal('too-large', `${file} holds a scenario version larger than ${limits.payloadChars} bytes.`);
  }
  if (one(db, 'SELECT coalesce(max(octet_length(topology)), 0) FROM geometry') > limits.geometryChars) {
    throw new Refusal('too-large', `${file} holds map geometry larger than ${limits.geometryChars} bytes.`);
  }
  return counts;
}

/** Cross-reference checks a valid SQLite file can still fail: dense indexes, references in range. */
function checkConsistency(db: Database.Database, counts: ShareFileInfo['counts']): void {
  const fail = (what: string): never => {
    throw new Refusal('inconsistent', `The file's data is inconsistent: ${what}.`);
  };
  const dense = (table: string, n: number): void => {
    if (n > 0 && (one(db, `SELECT min(idx) FROM ${table}`) !== 0 || one(db, `SELECT max(idx) FROM ${table}`) !== n - 1)) fail(`${table} are not numbered 0..${n - 1}`);
  };
  dense('units', counts.units);
  dense('accounts', counts.accounts);
  if (one(db, `SELECT count(*) FROM accounts WHERE unit_idx < -1 OR unit_idx >= ${counts.units}`)) fail('an account refers to a unit that does not exist');
  if (one(db, `SELECT count(*) FROM unit_edges WHERE a < 0 OR b < 0 OR a >= ${counts.units} OR b >= ${counts.units}`)) fail('an adjacency refers to a unit that does not exist');
  if (one(db, 'SELECT count(*) FROM scenario_versions WHERE scenario_id NOT IN (SELECT id FROM scenarios)')) fail('a version belongs to no scenario');
  if (one(db, 'SELECT count(*) FROM scenarios WHERE parent_id IS NOT NULL AND parent_id NOT IN (SELECT id FROM scenarios)')) fail('a scenario names a parent that is not in the file');
  const gaps = one(db, 'SELECT count(*) FROM (SELECT scenario_id FROM scenario_versions GROUP BY scenario_id HAVING min(version) <> 1 OR max(version) <> count(*))');
  if (gaps) fail('a scenario has gaps in its version numbers');
  if (one(db, 'SELECT count(*) FROM scenarios WHERE id NOT IN (SELECT scenario_id FROM scenario_versions)')) fail('a scenario has no version');
  const unitIds = new Set((db.prepare('SELECT id FROM units').raw().all() as [string][]).map((r) => r[0]));
  const accountIds = new Set((db.prepare('SELECT id FROM accounts').raw().all() as [string][]).map((r) => r[0]));
  const rows = db.prepare('SELECT s.name, v.version, v.payload FROM scenario_versions v JOIN scenarios s ON s.id = v.scenario_id').raw().iterate() as IterableIterator<[string, number, string]>;
  for (const [name, version, text] of rows) {
    // Payloads were checked against the schema already (checkContent); here only what they refer to.
    const payload = upgradeScenarioPayload(JSON.parse(text));
    const where = `scenario "${name}" v${version}`;
    for (const a of payload.alignments) for (const u of Object.keys(a.assignment)) if (!unitIds.has(u)) fail(`${where} assigns unit ${u}, which is not in the dataset`);
    for (const acc of Object.keys(payload.accountOverrides)) if (!accountIds.has(acc)) fail(`${where} overrides account ${acc}, which is not in the dataset`);
  }
}

function meta(db: Database.Database, key: string): string | null {
  return (db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value ?? null;
}

/**
 * Checks a format-2 share file's seal: the content digest is present and its checksum is the recorded
 * one, and a signature (when there is one) is valid for that checksum and the named signer.
 */
function verifyShare(db: Database.Database, path: string, keysDir: string): ShareSignature {
  const stored = readDigest(db);
  if (stored === null || stored === 'invalid') throw new Refusal('corrupt', `${path} failed its integrity check: its content digest is ${stored === null ? 'missing' : 'unreadable'}.`);
  const checksum = meta(db, SHARE_META.checksum);
  if (checksum !== digestChecksum(stored)) throw new Refusal('corrupt', `${path} failed its integrity check: its checksum does not match its content digest.`);
  const signature = meta(db, SHARE_META.signature);
  const signer = meta(db, SHARE_META.signer);
  const publicKey = meta(db, SHARE_META.publicKey);
  if (signature === null && signer === null && publicKey === null) return { status: 'unsigned' };
  if (signature === null || signer === null || publicKey === null || !verifyChecksum(checksum, signer, publicKey, signature)) {
    throw new Refusal('corrupt', `${path}: signature does not match — the file was changed after signing. Ask ${signer ? `"${signer}"` : 'the sender'} for a new copy.`);
  }
  const fingerprint = fingerprintOf(publicKey);
  const known = listTrustedKeys(keysDir).find((k) => k.fingerprint === fingerprint);
  return { status: 'signed', signer, fingerprint, trusted: !!known, trustedName: known?.name ?? null };
}

function inspect(db: Database.Database, path: string, bytes: number, limits: ShareLimits, keysDir: string): ShareFileInfo {
  // Header fields first: they are read from page 1 without parsing the schema.
  const appId = db.pragma('application_id', { simple: true }) as number;
  if (appId !== TESSERA_APPLICATION_ID) throw new Refusal('not-tessera', `${path} is an SQLite database but not a Tessera file.`);
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > CURRENT_SCHEMA_VERSION) {
    throw new Refusal('newer-schema', `${path} was written by a newer Tessera (workspace schema ${version}; this version reads up to ${CURRENT_SCHEMA_VERSION}). Update Tessera to open it.`);
  }
  // No SQL of the file may run: the schema must be exactly ours, with no triggers or views, before any table is read.
  const problems = fileSchemaProblems(db, version);
  if (problems.length) throw new Refusal('unsafe', `${path} is not a file Tessera wrote and was not opened: ${problems.slice(0, 3).join('; ')}.`);
  const check = (db.pragma('integrity_check(20)') as { integrity_check: string }[]).map((r) => r.integrity_check);
  if (check[0] !== 'ok') throw new Refusal('corrupt', `${path} is damaged (integrity check: ${check.slice(0, 3).join('; ')}).`);
  const counts = checkCounts(db, limits, path);
  const format = meta(db, SHARE_META.format);
  if (format !== null && !(Number(format) >= 1)) throw new Refusal('inconsistent', `${path} has an invalid share format "${format}".`);
  if (format !== null && Number(format) > SHARE_FORMAT_VERSION) {
    throw new Refusal('newer-schema', `${path} is a share file of format ${format} from a newer Tessera (${meta(db, SHARE_META.appVersion) ?? 'unknown version'}); this version reads format ${SHARE_FORMAT_VERSION}. Update Tessera to open it.`);
  }
  // Integrity before consistency: a file altered after export is reported as such, not by its symptoms.
  const fingerprint = datasetFingerprint(db);
  const signature = format !== null && Number(format) >= 2 ? verifyShare(db, path, keysDir) : null;
  if (format !== null && Number(format) < 2) {
    if (meta(db, SHARE_META.fingerprint) !== fingerprint) throw new Refusal('corrupt', `${path} failed its integrity check: the dataset does not match its recorded fingerprint.`);
    if (meta(db, SHARE_META.checksum) !== shareChecksum(db, fingerprint)) throw new Refusal('corrupt', `${path} failed its integrity check: its scenarios were changed or damaged after export.`);
  }
  const content = checkContent(db, limits);
  if (content.digest === 'mismatch') {
    const what = listDamage(content.damage.filter((d) => / (changed after it was saved|missing|not in the file when)/.test(d.message)));
    throw new Refusal('corrupt', `${path} failed its integrity check: ${what || listDamage(content.damage)}. It was changed or damaged after it was written; ask the sender for a new copy.`);
  }
  if (content.damage.length) {
    const d = content.damage[0]!;
    throw new Refusal(/newer than this Tessera/.test(d.message) ? 'newer-schema' : 'inconsistent', `${path}: ${listDamage(content.damage)}.`);
  }
  checkConsistency(db, counts);
  const scenarios = db
    .prepare('SELECT s.name, s.description, count(v.version) AS versions FROM scenarios s JOIN scenario_versions v ON v.scenario_id = s.id GROUP BY s.id ORDER BY s.id')
    .all() as ShareFileInfo['scenarios'];
  return {
    path, bytes, isShareFile: format !== null, schemaVersion: version,
    createdAt: meta(db, SHARE_META.createdAt), createdBy: meta(db, SHARE_META.createdBy), appVersion: meta(db, SHARE_META.appVersion),
    datasetName: meta(db, 'dataset_name') ?? '', fingerprint, counts, scenarios,
    signature: signature ?? { status: 'unsigned' },
    integrity: format !== null && Number(format) < 2 ? 'scenarios-only' : content.digest === 'verified' ? 'verified' : 'unverified',
  };
}

/**
 * Validates a file from outside before anything of it is shown: size, SQLite header, application id,
 * schema version, exact schema (no triggers or views), integrity check, row limits, for share files the
 * checksum over the content digest and the signature, then every table's content against the digest,
 * payloads, consistent ids. Trust of a signing key is looked up in keysDir. Never writes to the file.
 */
export function validateTesseraFile(file: string, limits: ShareLimits = DEFAULT_SHARE_LIMITS, keysDir = defaultKeysDir()): Result<ShareFileInfo, ShareErrorCode> {
  const path = resolve(file);
  if (!existsSync(path)) return err('not-found', `No file at ${path}.`);
  let db: Database.Database;
  try {
    checkPath(path);
    const bytes = statSync(path).size;
    if (bytes > limits.fileBytes) return err('too-large', `${path} is ${bytes} bytes; Tessera opens shared files up to ${limits.fileBytes} bytes.`);
    checkHeader(path);
    db = openReadOnly(path);
  } catch (e) {
    if (e instanceof WorkspaceFileError) return err(e.code === 'not-tessera' ? 'not-tessera' : e.code === 'not-found' ? 'not-found' : 'corrupt', e.message);
    throw e;
  }
  try {
    return ok(inspect(db, path, statSync(path).size, limits, keysDir));
  } catch (e) {
    if (e instanceof Refusal) return err(e.code, e.message);
    if (e instanceof Database.SqliteError) return err('corrupt', `${path} is damaged: ${e.message}`);
    throw e;
  } finally {
    db.close();
  }
}
