import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { digestChecksum, writeDigest } from '../../electron/db/content-digest';
import { createServices } from '../../electron/services/app-services';
import { sealShareFile } from '../../electron/services/scenarios/share-format';
import { createKey, exportPublicKey, trustKey } from '../../electron/services/scenarios/share-keys';
import { validateTesseraFile } from '../../electron/services/scenarios/share-validate';
import { fillDataset, Workspace } from '../../electron/services/workspace';
import { signatureText } from '../../shared/domain/scenario/share-signature';
import { cli } from '../fixtures/run-cli';
import { useTempDir } from '../fixtures/temp';
import { tinyDataset, tinyPayload } from '../fixtures/tiny-dataset';
import { movedB } from '../unit/shared/scenario/fixtures';

const tempDir = useTempDir();

/** A consultant's workspace and keys folder, and a signed share file of it. */
async function signedShare(dir: string): Promise<{ ws: string; share: string; keys: string }> {
  const ws = join(dir, 'w.tessera');
  Workspace.createWith(ws, (db) =>
    fillDataset(db, tinyDataset(), [{ name: 'Current', description: '', payload: tinyPayload() }, { name: 'Moved B', description: '', payload: movedB() }], 'jane', 'n'),
  ).close();
  const keys = join(dir, 'consultant-keys');
  createKey(keys, 'Jane Consultant');
  const share = join(dir, 'client.tessera');
  const s = createServices({ mode: 'direct', workspace: ws, keysDir: keys });
  const r = await s.api['share.export']({ scenarios: [{ scenario: 'Moved B' }], path: share });
  s.close();
  expect(r.ok && r.value.signedBy?.name).toBe('Jane Consultant');
  return { ws, share, keys };
}

/** Edits a copy with raw SQL and recomputes digest and checksum (what a careful forger does), keeping the signature. */
function forge(src: string, dir: string, sql: string): string {
  const out = join(dir, `forged-${Math.random().toString(36).slice(2)}.tessera`);
  copyFileSync(src, out);
  const db = new Database(out);
  db.exec(sql);
  const checksum = digestChecksum(writeDigest(db));
  db.prepare("UPDATE meta SET value = ? WHERE key = 'share_checksum'").run(checksum);
  db.close();
  return out;
}

describe('signed share files', () => {
  it('comes back as bytes for a download when no path is given, signed by the key share.signer names', async () => {
    const dir = tempDir();
    const { ws, keys } = await signedShare(dir);
    const s = createServices({ mode: 'direct', workspace: ws, keysDir: keys });
    const signer = await s.api['share.signer']({});
    expect(signer).toMatchObject({ name: 'Jane Consultant', fingerprint: expect.stringMatching(/^[0-9a-f ]{39}$/) });
    const r = await s.api['share.export']({ scenarios: [{ scenario: 'Current' }, { scenario: 'Moved B' }], headOnly: true });
    s.close();
    expect(r.ok && r.value).toMatchObject({ path: null, fileName: 'scenarios.tessera', scenarios: ['Current', 'Moved B'], versions: 2, signedBy: signer });
    const file = join(dir, 'downloaded.tessera');
    writeFileSync(file, Buffer.from(r.ok ? r.value.content! : '', 'base64'));
    const v = validateTesseraFile(file, undefined, keys);
    expect(v.ok && v.value).toMatchObject({ isShareFile: true, integrity: 'verified', signature: { status: 'signed', signer: 'Jane Consultant' }, scenarios: [{ name: 'Current', versions: 1 }, { name: 'Moved B', versions: 1 }] });
    const unsigned = createServices({ mode: 'direct', workspace: ws, keysDir: join(dir, 'no-keys') });
    expect(await unsigned.api['share.signer']({})).toBeNull();
    unsigned.close();
  });

  it('shows "signed by" with the fingerprint: trusted for the signer, untrusted for a client until trusted', async () => {
    const dir = tempDir();
    const { share, keys } = await signedShare(dir);
    const own = validateTesseraFile(share, undefined, keys);
    expect(own.ok && own.value.signature).toMatchObject({ status: 'signed', signer: 'Jane Consultant', trusted: true });
    expect(own.ok && own.value.integrity).toBe('verified');
    const client = join(dir, 'client-keys');
    const before = validateTesseraFile(share, undefined, client);
    expect(before.ok && signatureText(before.value.signature)).toMatch(/^Signed by "Jane Consultant" \(as the file says\), key fingerprint [0-9a-f ]{39}, a key you have not trusted/);
    const pub = join(dir, 'jane.pub.json');
    writeFileSync(pub, JSON.stringify(exportPublicKey(keys, 'Jane Consultant')));
    trustKey(client, pub);
    const after = validateTesseraFile(share, undefined, client);
    expect(after.ok && signatureText(after.value.signature)).toMatch(/^Signed by Jane Consultant, key fingerprint [0-9a-f ]{39} \(a trusted key\)\.$/);
  });

  it.each([
    ['potentials ×10', 'UPDATE accounts SET potential = potential * 10'],
    ['a spoofed share_created_by', "UPDATE meta SET value = 'The CEO' WHERE key = 'share_created_by'"],
    ['a renamed signer', "UPDATE meta SET value = 'Someone Else' WHERE key = 'share_signer'"],
    ['changed owners', "UPDATE accounts SET owner = 'Mallory'"],
  ])('refuses a file with %s even when its digest and checksum were recomputed: the signature does not match', async (_what, sql) => {
    const dir = tempDir();
    const { ws, share, keys } = await signedShare(dir);
    const forged = forge(share, dir, sql);
    const r = validateTesseraFile(forged, undefined, keys);
    expect(!r.ok && `${r.error.code}: ${r.error.message}`).toMatch(/^corrupt: .*signature does not match — the file was changed after signing/);
    const s = createServices({ mode: 'direct', workspace: ws, keysDir: keys });
    const imp = await s.api['share.import']({ path: forged });
    expect(!imp.ok && imp.error.message).toMatch(/signature does not match/);
    const open = await s.api['share.open']({ path: forged });
    expect(!open.ok && open.error.message).toMatch(/signature does not match/);
    s.close();
  });

  it('reports a file whose signature was stripped and resealed as unsigned, never as signed', async () => {
    const dir = tempDir();
    const { share, keys } = await signedShare(dir);
    const out = join(dir, 'stripped.tessera');
    copyFileSync(share, out);
    const db = new Database(out);
    db.exec('UPDATE accounts SET potential = potential * 10');
    sealShareFile(db, null);
    db.close();
    const r = validateTesseraFile(out, undefined, keys);
    expect(r.ok && r.value.signature).toEqual({ status: 'unsigned' });
  });

  it('shows the signature in the client view opened with share.open', async () => {
    const dir = tempDir();
    const { share, keys } = await signedShare(dir);
    const s = createServices({ mode: 'direct', keysDir: keys });
    const r = await s.api['share.open']({ path: share });
    expect(r.ok && r.value.share?.signature).toMatchObject({ status: 'signed', signer: 'Jane Consultant', trusted: true });
    s.close();
  });

  it('manages keys and signs from the command line; info exits 1 when the content no longer matches', async () => {
    const dir = tempDir();
    const { ws } = await signedShare(dir);
    const keys = join(dir, 'cli-keys');
    expect((await cli('keys', 'create', '--name', 'Jane Consultant', '--keys-dir', keys)).out).toMatch(/Created key "Jane Consultant", fingerprint [0-9a-f ]{39} \(default: signs exports\)/);
    expect((await cli('keys', 'create', '--name', 'jane consultant', '--keys-dir', keys)).err).toMatch(/exists already/);
    const pub = join(dir, 'pub.json');
    expect((await cli('keys', 'export-public', 'Jane Consultant', '--out', pub, '--keys-dir', keys)).code).toBe(0);
    const client = join(dir, 'client-keys');
    expect((await cli('keys', 'trust', pub, '--keys-dir', client)).out).toMatch(/Trusted "Jane Consultant"/);
    expect((await cli('keys', 'list', '--keys-dir', client)).out).toMatch(/Jane Consultant\s+trusted/);
    const signed = join(dir, 'signed.tessera');
    expect((await cli('export', '-w', ws, '-s', 'Current', '-f', 'scenario-file', '-o', signed, '--keys-dir', keys)).out).toMatch(/signed by Jane Consultant/);
    const unsigned = join(dir, 'unsigned.tessera');
    expect((await cli('export', '-w', ws, '-s', 'Current', '-f', 'scenario-file', '-o', unsigned, '--keys-dir', keys, '--no-sign')).out).toMatch(/, unsigned/);
    expect((await cli('export', '-w', ws, '-s', 'Current', '-f', 'scenario-file', '-o', join(dir, 'x.tessera'), '--keys-dir', keys, '--sign', 'Nobody')).err).toMatch(/No key named "Nobody"/);
    const info = await cli('info', signed);
    expect(info.code).toBe(0);
    expect(info.out).toMatch(/Share file Signed by/);
    const tampered = join(dir, 'tampered.tessera');
    copyFileSync(signed, tampered);
    const db = new Database(tampered);
    db.exec("UPDATE reps SET name = 'Mallory'");
    db.close();
    const bad = await cli('info', tampered);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/failed its integrity check: reps: content changed/);
    expect((await cli('keys', 'remove', 'Jane Consultant', '--keys-dir', client)).out).toMatch(/No longer trusting/);
  });
});
