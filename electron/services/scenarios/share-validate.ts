import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { ShareErrorCode, ShareFileInfo, ShareSignature } from '../../../shared/contracts/app-api';
import { err, ok, type Result } from '../../../shared/contracts/result';
import { checkHeader, checkPath, listDamage, openReadOnly, TESSERA_APPLICATION_ID, WorkspaceFileError } from '../../db/connection';
import { checkContent } from '../../db/content-check';
import { digestChecksum, readDigest } from '../../db/content-digest';
import { CURRENT_SCHEMA_VERSION } from '../../db/migrations';
import { fileSchemaProblems } from '../../db/schema-check';
import { readMeta } from '../../db/dataset-repo';
import { consistencyProblem, datasetFingerprint, fileCounts, fileHeader, integrityCheck, scenariosChecksum as shareChecksum, scenarioSummaries } from '../../db/share-repo';
import { DEFAULT_SHARE_LIMITS, SHARE_FORMAT_VERSION, SHARE_META, type ShareLimits } from './share-format';
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

function checkCounts(db: Database.Database, limits: ShareLimits, file: string): ShareFileInfo['counts'] {
  const c = fileCounts(db);
  const counts = { units: c.units, accounts: c.accounts, reps: c.reps };
  for (const [key, n] of Object.entries({ ...counts, edges: c.edges, scenarios: c.scenarios, versions: c.versions })) {
    const max = limits[key as keyof ShareLimits];
    if (n > max) throw new Refusal('too-large', `${file} holds ${n} ${key}; Tessera accepts at most ${max} in a shared file.`);
  }
  if (c.payloadBytes > limits.payloadChars) throw new Refusal('too-large', `${file} holds a scenario version larger than ${limits.payloadChars} bytes.`);
  if (c.geometryBytes > limits.geometryChars) throw new Refusal('too-large', `${file} holds map geometry larger than ${limits.geometryChars} bytes.`);
  return counts;
}

/** Cross-reference checks a valid SQLite file can still fail: dense indexes, references in range. */
function checkConsistency(db: Database.Database, counts: ShareFileInfo['counts']): void {
  const problem = consistencyProblem(db, counts);
  if (problem) throw new Refusal('inconsistent', `The file's data is inconsistent: ${problem}.`);
}

const meta = readMeta;

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
  const { applicationId: appId, userVersion: version } = fileHeader(db);
  if (appId !== TESSERA_APPLICATION_ID) throw new Refusal('not-tessera', `${path} is an SQLite database but not a Tessera file.`);
  if (version > CURRENT_SCHEMA_VERSION) {
    throw new Refusal('newer-schema', `${path} was written by a newer Tessera (workspace schema ${version}; this version reads up to ${CURRENT_SCHEMA_VERSION}). Update Tessera to open it.`);
  }
  // No SQL of the file may run: the schema must be exactly ours, with no triggers or views, before any table is read.
  const problems = fileSchemaProblems(db, version);
  if (problems.length) throw new Refusal('unsafe', `${path} is not a file Tessera wrote and was not opened: ${problems.slice(0, 3).join('; ')}.`);
  const check = integrityCheck(db, 20);
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
  const scenarios: ShareFileInfo['scenarios'] = scenarioSummaries(db);
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
