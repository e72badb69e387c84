import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { DEFAULT_CONTENT_LIMITS } from '../../db/content-check';
import { digestChecksum, writeDigest } from '../../db/content-digest';

/**
 * Version of the share-file conventions (meta keys, checksum); bump when they change.
 * 1: checksum over scenarios only. 2: checksum over every table's content digest, optional Ed25519 signature.
 */
export const SHARE_FORMAT_VERSION = 2;

/** meta keys a share file adds to an ordinary workspace file. */
export const SHARE_META = {
  format: 'share_format',
  createdAt: 'share_created_at',
  createdBy: 'share_created_by',
  appVersion: 'share_app_version',
  fingerprint: 'dataset_fingerprint',
  checksum: 'share_checksum',
  signer: 'share_signer',
  publicKey: 'share_public_key',
  signature: 'share_signature',
} as const;

/** Limits an untrusted file must stay within before anything of it is shown. */
export type ShareLimits = {
  fileBytes: number;
  units: number;
  edges: number;
  accounts: number;
  reps: number;
  scenarios: number;
  versions: number;
  /** Characters of one stored payload (JSON) and of the geometry topology. */
  payloadChars: number;
  geometryChars: number;
};

/** Defaults sized for ZIP-level US data with headroom (33k units, millions of accounts). */
export const DEFAULT_SHARE_LIMITS: ShareLimits = {
  fileBytes: 2 * 1024 ** 3,
  units: 500_000,
  edges: 5_000_000,
  accounts: 10_000_000,
  reps: 100_000,
  scenarios: 1_000,
  versions: 50_000,
  ...DEFAULT_CONTENT_LIMITS,
};

/** Hash over the unit ids and account ids in index order: equal fingerprints mean scenarios fit both datasets. */
export function datasetFingerprint(db: Database.Database): string {
  const h = createHash('sha256');
  h.update('units\n');
  for (const [id] of db.prepare('SELECT id FROM units ORDER BY idx').raw().iterate() as IterableIterator<[string]>) h.update(`${id}\n`);
  h.update('accounts\n');
  for (const [id] of db.prepare('SELECT id FROM accounts ORDER BY idx').raw().iterate() as IterableIterator<[string]>) h.update(`${id}\n`);
  return h.digest('hex');
}

/** Format 1's checksum (kept to verify older files): the fingerprint and every scenario and version row. */
export function shareChecksum(db: Database.Database, fingerprint: string): string {
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

/** Who signs a share file: a name and an Ed25519 key pair (see share-keys.ts). */
export type ShareSigner = { name: string; publicKey: string; sign: (checksum: string) => string };

/**
 * Seals a share file after its meta keys are written: records the content digest of every table, the
 * checksum over it, and (with a signer) the signer's name and public key, then the signature of the checksum.
 */
export function sealShareFile(db: Database.Database, signer: ShareSigner | null): string {
  const put = db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)');
  const drop = db.prepare('DELETE FROM meta WHERE key = ?');
  for (const k of [SHARE_META.signer, SHARE_META.publicKey, SHARE_META.signature]) drop.run(k);
  if (signer) {
    put.run(SHARE_META.signer, signer.name);
    put.run(SHARE_META.publicKey, signer.publicKey);
  }
  const checksum = digestChecksum(writeDigest(db));
  put.run(SHARE_META.checksum, checksum);
  if (signer) put.run(SHARE_META.signature, signer.sign(checksum));
  return checksum;
}
