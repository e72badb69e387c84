import { existsSync, linkSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { connect, createServer, type AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { TESSERA_APPLICATION_ID, WorkspaceFileError } from '../../electron/db/connection';
import { createServices } from '../../electron/services/app-services';
import { writeTextFile } from '../../electron/services/export/file-sink';
import { fillDataset, Workspace } from '../../electron/services/workspace';
import { cli } from '../fixtures/run-cli';
import { useTempDir } from '../fixtures/temp';
import { tinyDataset, tinyPayload } from '../fixtures/tiny-dataset';
import { movedB } from '../unit/shared/scenario/fixtures';

const tempDir = useTempDir();

function makeTiny(dir: string, name = 'w.tessera'): string {
  const path = join(dir, name);
  Workspace.createWith(path, (db) =>
    fillDataset(db, tinyDataset(), [{ name: 'Current plan', description: '', payload: tinyPayload() }, { name: 'Moved B', description: '', payload: movedB() }], 't', 'n'),
  ).close();
  return path;
}

/** Edits a closed workspace with raw SQL, the way a broken tool or a disk error could. */
function damage(path: string, sql: string): void {
  const db = new Database(path);
  db.exec(sql);
  db.close();
}

function refusal(fn: () => unknown): WorkspaceFileError {
  try {
    fn();
  } catch (e) {
    if (e instanceof WorkspaceFileError) return e;
    throw e;
  }
  throw new Error('expected a WorkspaceFileError');
}

const sidecars = (dir: string): string[] => readdirSync(dir).filter((f) => /-(wal|shm|journal)$/.test(f));

describe('workspace lock on the real file', () => {
  it('refuses a second writer through a symlink: the lock is taken on the real file', () => {
    const dir = tempDir();
    const path = makeTiny(dir);
    const link = join(dir, 'link.tessera');
    symlinkSync(path, link);
    // Another instance (on another machine, so its lock is live) has the real file open.
    writeFileSync(`${path}.lock`, JSON.stringify({ app: 'tessera', pid: 1, hostname: 'elsewhere.example', startedAt: '', lockedAt: '2026-01-01' }));
    const e = refusal(() => Workspace.open(link));
    expect(e.code).toBe('locked');
    expect(e.message).toMatch(/process 1 on elsewhere\.example/);
    expect(existsSync(`${link}.lock`)).toBe(false);
  });

  it('refuses a writable open of a file with another hard link, and allows read-only', () => {
    const dir = tempDir();
    const path = makeTiny(dir);
    const hard = join(dir, 'hard.tessera');
    linkSync(path, hard);
    for (const p of [path, hard]) {
      const e = refusal(() => Workspace.open(p));
      expect(e.code).toBe('locked');
      expect(e.message).toMatch(/has 2 hard links .* Open it read-only, or copy it/);
    }
    const ro = Workspace.open(hard, { readOnly: true });
    expect(ro.info().scenarios).toHaveLength(2);
    ro.close();
  });
});

describe('opening files safely', () => {
  it('says a folder is a folder, in the service, the CLI and serve', async () => {
    const dir = tempDir();
    expect(refusal(() => Workspace.open(dir)).message).toBe(`${dir} is a folder, not a workspace file.`);
    const info = await cli('info', dir);
    expect(info.code).toBe(1);
    expect(info.err).toBe(`tessera: ${dir} is a folder, not a workspace file.\n`);
    const serve = await cli('serve', '--port', '0', '--workspace', dir);
    expect(serve.code).toBe(1);
    expect(serve.err).toMatch(/is a folder, not a workspace file/);
    const s = createServices({ mode: 'direct' });
    const r = await s.api['workspace.open']({ path: dir });
    expect(!r.ok && r.error.message).toMatch(/is a folder, not a workspace file/);
    s.close();
  });

  it('serve stops listening and exits 1 when it fails after the server started', async () => {
    const port = await new Promise<number>((done) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const p = (probe.address() as AddressInfo).port;
        probe.close(() => done(p));
      });
    });
    // The services start in a worker first; writing the session file into a missing folder fails after listen.
    const sessionFile = join(tempDir(), 'no-such-folder', 'session.json');
    const r = await cli('serve', '--port', String(port), '--session-file', sessionFile);
    expect(r.code).toBe(1);
    expect(r.err).toContain(sessionFile);
    const refused = await new Promise<boolean>((done) => {
      const c = connect(port, '127.0.0.1');
      c.once('connect', () => (c.destroy(), done(false)));
      c.once('error', () => done(true));
    });
    expect(refused).toBe(true);
  });

  it('refuses a foreign SQLite file claiming the Tessera id without switching it to WAL or migrating it', () => {
    const dir = tempDir();
    const path = join(dir, 'foreign.db');
    const db = new Database(path);
    db.pragma(`application_id = ${TESSERA_APPLICATION_ID}`);
    db.exec('CREATE TABLE notes (x TEXT)');
    db.close();
    const before = readFileSync(path);
    const e = refusal(() => Workspace.open(path));
    expect(e.code).toBe('not-tessera');
    expect(e.message).toMatch(/not a workspace Tessera wrote .*unexpected table "notes"/);
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(sidecars(dir)).toEqual([]);
  });

  it('refuses a workspace with a trigger, as share files are', () => {
    const dir = tempDir();
    const path = makeTiny(dir);
    damage(path, 'CREATE TRIGGER evil AFTER INSERT ON scenarios BEGIN DELETE FROM units; END;');
    expect(refusal(() => Workspace.open(path, { readOnly: true })).message).toMatch(/contains a trigger "evil"/);
  });

  it('leaves a closed workspace in rollback mode with no -wal/-shm, and reads a WAL-mode file without creating any', () => {
    const dir = tempDir();
    const path = makeTiny(dir);
    expect(sidecars(dir)).toEqual([]);
    expect(readFileSync(path)[18]).toBe(1);
    // A WAL-mode file at rest (written by an older Tessera, or still open elsewhere without writes).
    damage(path, 'PRAGMA journal_mode = WAL');
    expect(readFileSync(path)[18]).toBe(2);
    const before = readFileSync(path);
    const ro = Workspace.open(path, { readOnly: true });
    expect(ro.info().scenarios).toHaveLength(2);
    ro.close();
    expect(sidecars(dir)).toEqual([]);
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('creates the .writing temp file exclusively, refusing a planted symlink', () => {
    const dir = tempDir();
    const target = join(dir, 'victim.txt');
    writeFileSync(target, 'precious');
    symlinkSync(target, join(dir, 'out.csv.writing'));
    const r = writeTextFile(join(dir, 'out.csv'), false, (sink) => sink.write('a,b\n'));
    expect(!r.ok && r.error.message).toMatch(/out\.csv\.writing exists and is a symbolic link; remove it and try again/);
    expect(readFileSync(target, 'utf8')).toBe('precious');
    expect(existsSync(join(dir, 'out.csv'))).toBe(false);
  });
});

describe('damaged content in a structurally valid workspace', () => {
  it('names a payload that is not JSON, refuses to open it for writing, and opens the rest read-only', async () => {
    const dir = tempDir();
    const path = makeTiny(dir);
    damage(path, `UPDATE scenario_versions SET payload = '{not json' WHERE scenario_id = 2`);
    const e = refusal(() => Workspace.open(path));
    expect(e.code).toBe('corrupt');
    expect(e.message).toMatch(/scenario 'Moved B' version 1: payload is not valid JSON.*Open it read-only .*tessera recover/);
    const ro = Workspace.open(path, { readOnly: true });
    expect(ro.info().scenarios.map((s) => s.name)).toEqual(['Current plan']);
    expect(ro.info().integrity?.damage.join('\n')).toMatch(/scenario 'Moved B' version 1: payload is not valid JSON/);
    ro.close();
    // The same through the app's API (File ▸ Open Read-Only…), and the intact part saved as a new workspace.
    const s = createServices({ mode: 'direct' });
    expect((await s.api['workspace.open']({ path })).ok).toBe(false);
    const opened = await s.api['workspace.open']({ path, readOnly: true });
    expect(opened.ok && opened.value).toMatchObject({ readOnly: true, scenarios: [{ name: 'Current plan' }], integrity: { digest: 'mismatch' } });
    const saved = await s.api['workspace.saveAs']({ path: join(dir, 'saved.tessera') });
    expect(saved.ok && saved.value).toMatchObject({ readOnly: false, integrity: { damage: [] } });
    s.close();
  });

  it.each([
    ['a payload of the wrong type', `UPDATE scenario_versions SET payload = '{"schemaVersion":1,"territories":"x"}' WHERE scenario_id = 2`, /scenario 'Moved B' version 1: payload does not match the scenario schema \(territories: /],
    ['a payload stored as bytes', `UPDATE scenario_versions SET payload = X'00FF' WHERE scenario_id = 2`, /scenario 'Moved B' version 1: payload is stored as blob/],
    ['a payload over the size limit', `UPDATE scenario_versions SET payload = payload || printf('%.*c', 3000, ' ') WHERE scenario_id = 2`, /scenario 'Moved B' version 1: payload is \d+ bytes, more than the 2048 Tessera reads/],
  ])('names %s', (_what, sql, expected) => {
    const dir = tempDir();
    const path = makeTiny(dir);
    damage(path, sql);
    expect(refusal(() => Workspace.open(path, { limits: { payloadChars: 2048, geometryChars: 1e6 } })).message).toMatch(expected);
  });

  it('refuses a 150 MB payload with a message before reading it', { timeout: 120_000 }, async () => {
    const dir = tempDir();
    const path = makeTiny(dir);
    damage(path, `UPDATE scenario_versions SET payload = payload || printf('%.*c', 150000000, ' ') WHERE scenario_id = 2`);
    const info = await cli('info', path);
    expect(info.code).toBe(1);
    expect(info.out).toMatch(/damaged: scenario 'Moved B' version 1: payload is 150\d{6} bytes, more than the 134217728 Tessera reads/);
  });

  it('refuses garbage unit measures even read-only, naming the unit', () => {
    const dir = tempDir();
    const path = makeTiny(dir);
    damage(path, `UPDATE units SET measures = '[1, "x"]' WHERE idx = 1`);
    const e = refusal(() => Workspace.open(path, { readOnly: true }));
    expect(e.message).toMatch(/damaged and was not opened: unit measures: the measures of unit \S+ are not \d+ finite numbers\. Restore it from a backup/);
  });

  it('refuses a workspace whose index no longer matches its table (a flip quick_check cannot see)', () => {
    const dir = tempDir();
    const path = makeTiny(dir);
    const db = new Database(path, { readonly: true });
    const page = db.prepare("SELECT pageno FROM dbstat WHERE name = 'sqlite_autoindex_units_1'").pluck().get() as number;
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    db.close();
    const bytes = readFileSync(path);
    // The unique index on units.id holds 'A'..'D'; turning its 'D' into 'E' keeps it sorted, so only a
    // comparison of index and table finds it (the table row, and so the content digest, are unchanged).
    const at = bytes.indexOf(Buffer.from([0x0f, 0x01, 0x44]), (page - 1) * pageSize) + 2;
    expect(at).toBeGreaterThan((page - 1) * pageSize + 1);
    expect(at).toBeLessThan(page * pageSize);
    bytes[at] = 0x45;
    writeFileSync(path, bytes);
    const e = refusal(() => Workspace.open(path, { readOnly: true }));
    expect(e.code).toBe('corrupt');
    expect(e.message).toMatch(/is damaged \(integrity check: .*sqlite_autoindex_units_1/);
  });

  it('detects text altered after the last save (a flipped byte the schema cannot see) and names the table', () => {
    const dir = tempDir();
    const path = makeTiny(dir);
    damage(path, `UPDATE reps SET name = name || 'x' WHERE position = 0`);
    expect(refusal(() => Workspace.open(path)).message).toMatch(/is damaged: reps: content changed after it was saved/);
    const ro = Workspace.open(path, { readOnly: true });
    expect(ro.info().integrity).toEqual({ digest: 'mismatch', damage: ['reps: content changed after it was saved'] });
    ro.close();
  });

  it('recovers the intact part into a new workspace that opens for writing', async () => {
    const dir = tempDir();
    const path = makeTiny(dir);
    damage(path, `UPDATE scenario_versions SET payload = '{not json' WHERE scenario_id = 2`);
    const info = await cli('info', path);
    expect(info.code).toBe(1);
    expect(info.out).toMatch(/damaged: scenario 'Moved B' version 1: payload is not valid JSON/);
    expect(info.err).toMatch(/tessera recover/);
    const out = join(dir, 'recovered.tessera');
    const r = await cli('recover', path, '--out', out);
    expect(r.code).toBe(0);
    expect((await cli('recover', path, '--out', out)).err).toMatch(/recovered\.tessera already exists; choose another name/);
    expect(r.out).toMatch(/1 scenario\(s\).*\n.*\n {2}scenario 'Moved B' version 1: payload is not valid JSON/);
    const ws = Workspace.open(out);
    expect(ws.info().scenarios.map((s) => s.name)).toEqual(['Current plan']);
    ws.close();
    const again = Workspace.open(out, { readOnly: true });
    expect(again.info().integrity).toEqual({ digest: 'verified', damage: [] });
    again.close();
  });

  it('records a content digest when closed and verifies it on the next open', () => {
    const dir = tempDir();
    const path = makeTiny(dir);
    const ws = Workspace.open(path, { readOnly: true });
    expect(ws.info().integrity).toEqual({ digest: 'verified', damage: [] });
    ws.close();
  });
});
