import { copyFileSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createServices } from '../../electron/services/app-services';
import { DEFAULT_SHARE_LIMITS, sealShareFile } from '../../electron/services/scenarios/share-format';
import { validateTesseraFile } from '../../electron/services/scenarios/share-validate';
import { fillDataset, Workspace } from '../../electron/services/workspace';
import type { AccountId } from '../../shared/domain/ids';
import { useTempDir } from '../fixtures/temp';
import { tinyDataset, tinyPayload } from '../fixtures/tiny-dataset';
import { movedB } from '../unit/shared/scenario/fixtures';

const tempDir = useTempDir();

function workspace(dir: string, name = 'w.tessera', dataset = tinyDataset()): string {
  const path = join(dir, name);
  Workspace.createWith(path, (db) =>
    fillDataset(db, dataset, [{ name: 'Current', description: 'the plan', payload: tinyPayload() }, { name: 'Moved B', description: '', payload: movedB() }], 'alice', 'first'),
  ).close();
  return path;
}

async function exportShare(dir: string): Promise<{ ws: string; share: string }> {
  const ws = workspace(dir);
  const share = join(dir, 'client.tessera');
  const s = createServices({ mode: 'direct', workspace: ws });
  const saved = await s.api['scenario.saveVersion']({ scenarioId: 2, baseVersion: 1, payload: movedB(), note: 'second' });
  expect(saved.ok).toBe(true);
  const r = await s.api['share.export']({ scenarios: [{ scenario: 'Moved B' }], path: share });
  s.close();
  expect(r.ok && r.value).toMatchObject({ scenarios: ['Moved B'], versions: 2 });
  return { ws, share };
}

let tampered = 0;

/** Edits a copy of a file with raw SQL (what an attacker or a broken tool could do). */
function tamper(src: string, dir: string, sql: string, resign = false): string {
  const out = join(dir, `tampered-${++tampered}.tessera`);
  copyFileSync(src, out);
  const db = new Database(out);
  db.exec(sql);
  if (resign) sealShareFile(db, null);
  db.close();
  return out;
}

describe('share files', () => {
  it('holds the dataset and only the chosen scenarios with their history, and validates', async () => {
    const { share } = await exportShare(tempDir());
    const v = validateTesseraFile(share);
    expect(v.ok && v.value).toMatchObject({ isShareFile: true, createdBy: expect.any(String), counts: { units: 4, accounts: 6, reps: 2 }, scenarios: [{ name: 'Moved B', versions: 2 }] });
  });

  it('opens read-only as a client view, refuses edits, and saves an editable copy', async () => {
    const dir = tempDir();
    const { share } = await exportShare(dir);
    const before = readFileSync(share);
    const s = createServices({ mode: 'direct' });
    const opened = await s.api['share.open']({ path: share });
    expect(opened.ok && opened.value).toMatchObject({ readOnly: true, scenarios: [{ name: 'Moved B', headVersion: 2 }] });
    const id = opened.ok ? opened.value.scenarios[0]!.id : 0;
    const edit = await s.api['scenario.update']({ scenarioId: id, name: 'Mine' });
    expect(!edit.ok && edit.error.code).toBe('read-only');
    const copy = await s.api['share.saveCopy']({ path: join(dir, 'copy.tessera') });
    expect(copy.ok && copy.value).toMatchObject({ readOnly: false });
    expect((await s.api['scenario.update']({ scenarioId: id, name: 'Mine' })).ok).toBe(true);
    s.close();
    expect(readFileSync(share).equals(before)).toBe(true);
    const plain = validateTesseraFile(join(dir, 'copy.tessera'));
    expect(plain.ok && plain.value.isShareFile).toBe(false);
  });

  it('leaves out account names, addresses and exact places when asked, keeping ids, units and figures', async () => {
    const dir = tempDir();
    const ws = workspace(dir);
    const s = createServices({ mode: 'direct', workspace: ws });
    const own = await s.api['dataset.accounts']({});
    const r = await s.api['share.export']({ scenarios: [{ scenario: 'Moved B' }], accountDetails: false });
    expect(r.ok && r.value).toMatchObject({ accountDetails: false, path: null });
    const file = join(dir, 'aggregates.tessera');
    writeFileSync(file, Buffer.from(r.ok ? r.value.content! : '', 'base64'));
    const v = validateTesseraFile(file);
    expect(v.ok && v.value).toMatchObject({ isShareFile: true, integrity: 'verified' });
    expect((await s.api['share.open']({ path: file })).ok).toBe(true);
    const client = await s.api['dataset.accounts']({});
    const units = await s.api['dataset.units']({});
    s.close();
    expect(client.names).toEqual(own.ids.map((_, i) => `Account ${i + 1}`));
    expect(client.names.some((n) => own.names.includes(n))).toBe(false);
    expect(client.ids).toEqual(own.ids);
    expect(client.unitIndex).toEqual(own.unitIndex);
    expect(client.potential).toEqual(own.potential);
    expect(client.revenue).toEqual(own.revenue);
    client.unitIndex.forEach((u, i) => {
      if (u >= 0) expect([client.x[i], client.y[i]]).toEqual([units.x[u], units.y[u]]);
    });
  });

  it('goes back to the workspace it was opened over, with that workspace left as it was', async () => {
    const dir = tempDir();
    const { ws, share } = await exportShare(dir);
    const s = createServices({ mode: 'direct', workspace: ws });
    expect((await s.api['workspace.info']({})).returnTo).toBeUndefined();
    const renamed = await s.api['scenario.update']({ scenarioId: 1, name: 'Current (edited)' });
    expect(renamed.ok).toBe(true);
    const opened = await s.api['share.open']({ path: share });
    expect(opened.ok && opened.value).toMatchObject({ readOnly: true, returnTo: 'w.tessera' });
    expect((await s.api['workspace.info']({})).returnTo).toBe('w.tessera');
    // A second share file opened over the first still returns to the user's own workspace.
    expect((await s.api['share.open']({ path: share })).ok).toBe(true);
    const back = await s.api['workspace.back']({});
    expect(back.ok && back.value).toMatchObject({ name: 'w.tessera', readOnly: false });
    expect(back.ok && back.value.scenarios.map((x) => x.name)).toContain('Current (edited)');
    expect((await s.api['workspace.info']({})).returnTo).toBeUndefined();
    const again = await s.api['workspace.back']({});
    expect(!again.ok && again.error).toMatchObject({ code: 'not-found', message: expect.stringMatching(/no workspace to go back to/) });
    s.close();
  });

  it('imports its scenarios into a workspace with the same dataset, renaming on a clash, history intact', async () => {
    const dir = tempDir();
    const { share } = await exportShare(dir);
    const target = workspace(dir, 'other.tessera');
    const s = createServices({ mode: 'direct', workspace: target });
    const r = await s.api['share.import']({ path: share });
    expect(r.ok && r.value.imported).toEqual([{ from: 'Moved B', as: 'Moved B (imported)', id: 3, versions: 2 }]);
    const h = await s.api['scenario.history']({ scenario: 'Moved B (imported)' });
    expect(h.ok && h.value.map((v) => v.note)).toEqual(['second', 'first']);
    s.close();
  });

  it('refuses to import into a workspace with another dataset, explaining the difference', async () => {
    const dir = tempDir();
    const { share } = await exportShare(dir);
    const other = tinyDataset();
    other.accounts.ids = other.accounts.ids.map((id, i) => (i === 5 ? ('zz9' as AccountId) : id));
    const target = workspace(dir, 'other.tessera', other);
    const s = createServices({ mode: 'direct', workspace: target });
    const r = await s.api['share.import']({ path: share });
    expect(!r.ok && r.error.code).toBe('dataset-mismatch');
    expect(!r.ok && r.error.message).toMatch(/1 accounts only in the file \(e\.g\. a6\); 1 accounts only in this workspace \(e\.g\. zz9\)\. Nothing was imported/);
    expect((await s.api['scenario.list']({})).map((x) => x.name)).toEqual(['Current', 'Moved B']);
    s.close();
  });
});

describe('validation of untrusted files', () => {
  const cases: [string, string, RegExp, boolean?][] = [
    ['a trigger', "CREATE TRIGGER evil AFTER INSERT ON scenarios BEGIN DELETE FROM units; END;", /unsafe.*contains a trigger "evil"/],
    ['a view', 'CREATE VIEW v AS SELECT 1', /unsafe.*contains a view "v"/],
    ['an extra table', 'CREATE TABLE extra (x)', /unsafe.*unexpected table "extra"/],
    ['a changed table definition', 'DROP TABLE reps; CREATE TABLE reps (position INTEGER PRIMARY KEY)', /unsafe.*table "reps" differs/],
    ['a newer workspace schema', 'PRAGMA user_version = 99', /newer-schema.*newer Tessera \(workspace schema 99/],
    ['another application id', 'PRAGMA application_id = 1', /not-tessera/],
    ['a newer share format', `UPDATE meta SET value = '7' WHERE key = 'share_format'`, /newer-schema.*format 7 from a newer Tessera/],
    ['a payload edited after export', `UPDATE scenario_versions SET note = 'x' WHERE version = 2`, /corrupt.*integrity check: scenario 'Moved B' version 2: content changed/],
    ['a dataset edited after export', `UPDATE units SET id = 'Q' WHERE idx = 0`, /corrupt.*integrity check: units: content changed/],
    ['potentials multiplied by 10', 'UPDATE accounts SET potential = potential * 10', /corrupt.*integrity check: accounts: content changed/],
    ['changed owners', `UPDATE accounts SET owner = 'Mallory'`, /corrupt.*integrity check: accounts: content changed/],
    ['renamed reps', `UPDATE reps SET name = 'Mallory'`, /corrupt.*integrity check: reps: content changed/],
    ['changed unit measures', `UPDATE units SET measures = replace(measures, '1', '9')`, /corrupt.*integrity check: units: content changed/],
    ['changed measure definitions', `UPDATE measure_defs SET unit = 'EUR'`, /corrupt.*integrity check: measure definitions: content changed/],
    ['a spoofed share_created_by', `UPDATE meta SET value = 'The CEO' WHERE key = 'share_created_by'`, /corrupt.*integrity check: workspace settings \(meta\): content changed/],
    ['stripped share_* keys', `DELETE FROM meta WHERE key LIKE 'share_%'`, /corrupt.*integrity check: workspace settings \(meta\): content changed/],
    ['a recomputed checksum over a changed digest', `UPDATE meta SET value = replace(value, '"units":"', '"units":"0') WHERE key = 'content_digest'`, /corrupt.*checksum does not match its content digest/],
    ['a payload naming an unknown unit (re-signed)', `UPDATE scenario_versions SET payload = replace(payload, '"A":"W"', '"NOPE":"W"')`, /inconsistent.*assigns unit NOPE/, true],
    ['an account pointing past the units (re-signed)', 'UPDATE accounts SET unit_idx = 40 WHERE idx = 0', /inconsistent.*refers to a unit that does not exist/, true],
    ['a newer payload schema (re-signed)', `UPDATE scenario_versions SET payload = replace(payload, '"schemaVersion":1', '"schemaVersion":3')`, /newer-schema.*schema version 3 is newer/, true],
  ];
  for (const [what, sql, expected, resign] of cases) {
    it(`refuses a file with ${what}, with a clear message`, async () => {
      const dir = tempDir();
      const { share } = await exportShare(dir);
      const r = validateTesseraFile(tamper(share, dir, sql, resign));
      expect(r.ok).toBe(false);
      if (!r.ok) expect(`${r.error.code}: ${r.error.message}`).toMatch(expected);
    });
  }

  it('refuses truncated, non-SQLite, empty and oversized files without opening them as workspaces', async () => {
    const dir = tempDir();
    const { share } = await exportShare(dir);
    const cut = join(dir, 'cut.tessera');
    copyFileSync(share, cut);
    truncateSync(cut, 5000);
    const notDb = join(dir, 'accounts.csv');
    writeFileSync(notDb, 'Id,Name\n1,Acme\n');
    const empty = join(dir, 'empty.tessera');
    writeFileSync(empty, '');
    const code = (p: string, limits = DEFAULT_SHARE_LIMITS): string => {
      const r = validateTesseraFile(p, limits);
      return r.ok ? 'ok' : `${r.error.code}: ${r.error.message}`;
    };
    expect(code(cut)).toMatch(/^corrupt: .*truncated/);
    expect(code(notDb)).toMatch(/^not-tessera: .*not an SQLite database/);
    expect(code(empty)).toMatch(/^not-tessera: .*empty/);
    expect(code(share, { ...DEFAULT_SHARE_LIMITS, fileBytes: 1000 })).toMatch(/^too-large: .*up to 1000 bytes/);
    expect(code(share, { ...DEFAULT_SHARE_LIMITS, accounts: 5 })).toMatch(/^too-large: .*holds 6 accounts/);
    expect(code(join(dir, 'missing.tessera'))).toMatch(/^not-found/);
  });
});
