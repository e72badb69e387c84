import type Database from 'better-sqlite3';
import { DEFAULT_CONTENT_LIMITS } from '../../db/content-check';
import { digestChecksum, writeDigest } from '../../db/content-digest';
import { setMeta } from '../../db/share-repo';

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

/** Who signs a share file: a name and an Ed25519 key pair (see share-keys.ts). */
export type ShareSigner = { name: string; publicKey: string; sign: (checksum: string) => string };

/**
 * Seals a share file after its meta keys are written: records the content digest of every table, the
 * checksum over it, and (with a signer) the signer's name and public key, then the signature of the checksum.
 */
export function sealShareFile(db: Database.Database, signer: ShareSigner | null): string {
  setMeta(db, [
    [SHARE_META.signer, signer?.name ?? null],
    [SHARE_META.publicKey, signer?.publicKey ?? null],
    [SHARE_META.signature, null],
  ]);
  const checksum = digestChecksum(writeDigest(db));
  setMeta(db, [[SHARE_META.checksum, checksum]]);
  if (signer) setMeta(db, [[SHARE_META.signature, signer.sign(checksum)]]);
  return checksum;
}
