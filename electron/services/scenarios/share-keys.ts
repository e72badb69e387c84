import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** A signing key pair of this user (the private key never leaves the keys folder). */
export type OwnKey = { name: string; fingerprint: string; publicKey: string; createdAt: string; isDefault: boolean };

/** A public key this user trusts (their own, or one imported with `tessera keys trust`). */
export type TrustedKey = { name: string; fingerprint: string; publicKey: string; own: boolean };

/** A public key as `tessera keys export-public` writes it and `tessera keys trust` reads it. */
export type PublicKeyFile = { tessera: 'public-key'; name: string; publicKey: string };

/** Folder of keys: TESSERA_KEYS_DIR, else $XDG_CONFIG_HOME/tessera/keys, else ~/.config/tessera/keys. */
export function defaultKeysDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.TESSERA_KEYS_DIR) return env.TESSERA_KEYS_DIR;
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'tessera', 'keys');
}

/** A key error with a message that says what to do. */
export class KeyError extends Error {}

/** Fingerprint of a public key (base64 SPKI DER): SHA-256, first 16 bytes as hex groups "ab12 cd34 …". */
export function fingerprintOf(publicKey: string): string {
  const hex = createHash('sha256').update(Buffer.from(publicKey, 'base64')).digest('hex').slice(0, 32);
  return hex.match(/.{4}/g)!.join(' ');
}

const slug = (name: string): string => createHash('sha256').update(name.trim().toLowerCase()).digest('hex').slice(0, 16);
const ownDir = (dir: string): string => join(dir, 'own');
const trustedDir = (dir: string): string => join(dir, 'trusted');
const defaultFile = (dir: string): string => join(dir, 'default');

type StoredOwn = { name: string; publicKey: string; privateKey: string; createdAt: string };

function readJson<T>(path: string): T | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch {
    return null;
  }
}

function storedOwn(dir: string): StoredOwn[] {
  if (!existsSync(ownDir(dir))) return [];
  return readdirSync(ownDir(dir))
    .filter((f) => f.endsWith('.json'))
    .map((f) => readJson<StoredOwn>(join(ownDir(dir), f)))
    .filter((k): k is StoredOwn => !!k && typeof k.name === 'string' && typeof k.publicKey === 'string' && typeof k.privateKey === 'string')
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

function defaultName(dir: string): string | null {
  const keys = storedOwn(dir);
  const chosen = existsSync(defaultFile(dir)) ? readFileSync(defaultFile(dir), 'utf8').trim() : null;
  return keys.find((k) => k.name === chosen)?.name ?? keys[0]?.name ?? null;
}

/** This user's key pairs, oldest first; the default one signs exports. */
export function listOwnKeys(dir: string): OwnKey[] {
  const def = defaultName(dir);
  return storedOwn(dir).map((k) => ({ name: k.name, fingerprint: fingerprintOf(k.publicKey), publicKey: k.publicKey, createdAt: k.createdAt, isDefault: k.name === def }));
}

/** Public keys this user trusts: their own and those imported with trustKey. */
export function listTrustedKeys(dir: string): TrustedKey[] {
  const own = listOwnKeys(dir).map((k) => ({ name: k.name, fingerprint: k.fingerprint, publicKey: k.publicKey, own: true }));
  const others = existsSync(trustedDir(dir))
    ? readdirSync(trustedDir(dir))
        .filter((f) => f.endsWith('.json'))
        .map((f) => readJson<PublicKeyFile>(join(trustedDir(dir), f)))
        .filter((k): k is PublicKeyFile => !!k && typeof k.name === 'string' && typeof k.publicKey === 'string')
        .map((k) => ({ name: k.name, fingerprint: fingerprintOf(k.publicKey), publicKey: k.publicKey, own: false }))
    : [];
  return [...own, ...others];
}

/** Creates an Ed25519 key pair named name (the first one becomes the default). */
export function createKey(dir: string, name: string): OwnKey {
  const clean = name.trim();
  if (!clean) throw new KeyError('Give the key a name, e.g. --name "Jane Consultant".');
  if (storedOwn(dir).some((k) => k.name.toLowerCase() === clean.toLowerCase())) throw new KeyError(`A key named "${clean}" exists already; choose another name or remove it first.`);
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const stored: StoredOwn = {
    name: clean,
    publicKey: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
    privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    createdAt: new Date().toISOString(),
  };
  mkdirSync(ownDir(dir), { recursive: true, mode: 0o700 });
  const file = join(ownDir(dir), `${slug(clean)}.json`);
  writeFileSync(file, JSON.stringify(stored, null, 2), { flag: 'wx', mode: 0o600 });
  chmodSync(file, 0o600);
  return listOwnKeys(dir).find((k) => k.name === clean)!;
}

/** Makes name the key exports are signed with. */
export function setDefaultKey(dir: string, name: string): void {
  const k = findOwn(dir, name);
  writeFileSync(defaultFile(dir), k.name);
}

function findOwn(dir: string, name: string): StoredOwn {
  const k = storedOwn(dir).find((x) => x.name.toLowerCase() === name.trim().toLowerCase());
  if (!k) {
    const names = storedOwn(dir).map((x) => `"${x.name}"`);
    throw new KeyError(`No key named "${name}"${names.length ? `; there are ${names.join(', ')}` : '; create one with `tessera keys create --name NAME`'}.`);
  }
  return k;
}

/** Removes an own key pair, or a trusted public key, by name. */
export function removeKey(dir: string, name: string): 'own' | 'trusted' {
  const own = storedOwn(dir).find((x) => x.name.toLowerCase() === name.trim().toLowerCase());
  if (own) {
    rmSync(join(ownDir(dir), `${slug(own.name)}.json`), { force: true });
    return 'own';
  }
  const t = listTrustedKeys(dir).find((x) => !x.own && x.name.toLowerCase() === name.trim().toLowerCase());
  if (!t) throw new KeyError(`No key named "${name}" to remove; \`tessera keys list\` shows the keys.`);
  rmSync(join(trustedDir(dir), `${t.fingerprint.replaceAll(' ', '')}.json`), { force: true });
  return 'trusted';
}

/** The public half of an own key, as a file to send to clients. */
export function exportPublicKey(dir: string, name: string): PublicKeyFile {
  const k = findOwn(dir, name);
  return { tessera: 'public-key', name: k.name, publicKey: k.publicKey };
}

/** Trusts the public key in a file written by exportPublicKey. */
export function trustKey(dir: string, file: string): TrustedKey {
  const k = readJson<PublicKeyFile>(file);
  if (!k || k.tessera !== 'public-key' || typeof k.name !== 'string' || typeof k.publicKey !== 'string') {
    throw new KeyError(`${file} is not a Tessera public key file (write one with \`tessera keys export-public NAME --out FILE\`).`);
  }
  try {
    if (createPublicKey({ key: Buffer.from(k.publicKey, 'base64'), format: 'der', type: 'spki' }).asymmetricKeyType !== 'ed25519') throw new Error('not Ed25519');
  } catch (e) {
    throw new KeyError(`${file} does not hold an Ed25519 public key (${(e as Error).message}).`);
  }
  mkdirSync(trustedDir(dir), { recursive: true, mode: 0o700 });
  const fingerprint = fingerprintOf(k.publicKey);
  writeFileSync(join(trustedDir(dir), `${fingerprint.replaceAll(' ', '')}.json`), JSON.stringify({ tessera: 'public-key', name: k.name, publicKey: k.publicKey }, null, 2));
  return { name: k.name, fingerprint, publicKey: k.publicKey, own: false };
}

/** The message a share-file signature covers: the content checksum and the signer's name. */
export function signedMessage(checksum: string, signer: string): Buffer {
  return Buffer.from(`tessera-share-signature-v1\n${checksum}\n${signer}\n`, 'utf8');
}

/** The key to sign with: the named one, the default one (when sign is undefined), or none (sign false). */
export function signingKey(dir: string, sign: string | false | undefined): { name: string; publicKey: string; privateKey: KeyObject } | null {
  if (sign === false) return null;
  const name = sign ?? defaultName(dir);
  if (!name) return null;
  const k = findOwn(dir, name);
  return { name: k.name, publicKey: k.publicKey, privateKey: createPrivateKey(k.privateKey) };
}

/** Signs a checksum; returns the base64 signature. */
export function signChecksum(checksum: string, signer: string, privateKey: KeyObject): string {
  return sign(null, signedMessage(checksum, signer), privateKey).toString('base64');
}

/** True when signature is a valid signature of (checksum, signer) by publicKey (base64 SPKI DER). */
export function verifyChecksum(checksum: string, signer: string, publicKey: string, signature: string): boolean {
  try {
    const key = createPublicKey({ key: Buffer.from(publicKey, 'base64'), format: 'der', type: 'spki' });
    return key.asymmetricKeyType === 'ed25519' && verify(null, signedMessage(checksum, signer), key, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}
