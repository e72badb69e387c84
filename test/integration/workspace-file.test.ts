import { readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { TESSERA_APPLICATION_ID, WorkspaceFileError } from '../../electron/db/connection';
import { CURRENT_SCHEMA_VERSION } from '../../electron/db/migrations';
import { appendVersion, findScenario, readVersion } from '../../electron/db/scenario-repo';
import { fillDataset, Workspace } from '../../electron/services/workspace';
import { useTempDir } from '../fixtures/temp';
import { tinyDataset, tinyPayload } from '../fixtures/tiny-dataset';

const tempDir = useTempDir();

function makeTiny(path: string): Workspace {
  return Workspace.createWith(path, (db) =>
    fillDataset(db, tinyDataset(), [{ name: 'Current plan', description: 'baseline', payload: tinyPayload() }], 'test', 'fixture'),
  );
}

function openError(path: string): WorkspaceFileError {
  try {
    Workspace.open(path).close();
  } catch (e) {
    if (e instanceof WorkspaceFileError) return e;
    throw e;
  }
  throw new Error(`expected ${path} to be refused`);
}

describe('workspace file', () => {
  it('round-trips a dataset and a scenario through a real SQLite file', () => {
    const path = join(tempDir(), 'tiny.tessera');
    makeTiny(path).close();
    const ws = Workspace.open(path);
    expect(ws.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(ws.db.pragma('application_id', { simple: true })).toBe(TESSERA_APPLICATION_ID);
    expect(ws.db.pragma('user_version', { simple: true })).toBe(CURRENT_SCHEMA_VERSION);
    const info = ws.info();
    expect(info.counts).toEqual({ units: 4, edges: 4, accounts: 6, reps: 2 });
    expect(info.scenarios.map((s) => [s.name, s.headVersion])).toEqual([['Current plan', 1]]);
    expect(ws.units()).toEqual(tinyDataset().units);
    expect(ws.accounts()).toEqual(tinyDataset().accounts);
    expect(ws.reps()).toEqual(tinyDataset().reps);
    const s = findScenario(ws.db, 'Current plan')!;
    expect(readVersion(ws.db, s)!.payload).toEqual(tinyPayload());
    ws.close();
  });

  it('appends versions and refuses a save based on a stale version', () => {
    const ws = makeTiny(join(tempDir(), 'v.tessera'));
    const s = findScenario(ws.db, 'Current plan')!;
    const p2 = { ...tinyPayload(), settings: { note: 'second' } };
    expect(appendVersion(ws.db, s.id, 1, p2, 'me', 'second')).toEqual({ scenarioId: s.id, version: 2 });
    expect(appendVersion(ws.db, s.id, 1, tinyPayload(), 'you', 'stale')).toBeNull();
    const again = findScenario(ws.db, s.id)!;
    expect(again.headVersion).toBe(2);
    expect(readVersion(ws.db, again, 1)!.payload.settings).toEqual({});
    expect(readVersion(ws.db, again, 2)!.payload.settings).toEqual({ note: 'second' });
    ws.close();
  });

  it('refuses a file that is not SQLite and leaves it untouched', () => {
    const path = join(tempDir(), 'notes.tessera');
    writeFileSync(path, 'id,name\n1,hello\n');
    const e = openError(path);
    expect(e.code).toBe('not-tessera');
    expect(e.message).toMatch(/not a Tessera workspace/);
    expect(readFileSync(path, 'utf8')).toBe('id,name\n1,hello\n');
  });

  it('refuses an empty file', () => {
    const path = join(tempDir(), 'empty.tessera');
    writeFileSync(path, '');
    expect(openError(path).code).toBe('not-tessera');
  });

  it('refuses another application\'s SQLite database without modifying it', () => {
    const path = join(tempDir(), 'other.db');
    const db = new Database(path);
    db.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1);');
    db.close();
    const before = readFileSync(path);
    const e = openError(path);
    expect(e.code).toBe('not-tessera');
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('refuses a truncated workspace and leaves it untouched', () => {
    const path = join(tempDir(), 'cut.tessera');
    makeTiny(path).close();
    const size = statSync(path).size;
    truncateSync(path, Math.floor(size / 2) + 100);
    const before = readFileSync(path);
    const e = openError(path);
    expect(e.code).toBe('corrupt');
    expect(e.message).toMatch(/truncated/);
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('refuses a workspace from a newer schema, naming both versions', () => {
    const path = join(tempDir(), 'future.tessera');
    makeTiny(path).close();
    const db = new Database(path);
    db.pragma(`user_version = ${CURRENT_SCHEMA_VERSION + 5}`);
    db.close();
    const e = openError(path);
    expect(e.code).toBe('newer-schema');
    expect(e.message).toContain(`schema ${CURRENT_SCHEMA_VERSION + 5}`);
    expect(e.message).toContain(`up to ${CURRENT_SCHEMA_VERSION}`);
  });

  it('reports a missing file as not found', () => {
    expect(openError(join(tempDir(), 'nope.tessera')).code).toBe('not-found');
  });

  it('will not create over an existing file', () => {
    const path = join(tempDir(), 'x.tessera');
    writeFileSync(path, 'keep me');
    expect(() => makeTiny(path)).toThrow(/already exists/);
    expect(readFileSync(path, 'utf8')).toBe('keep me');
  });

  it('saves an in-memory workspace as a file that opens with the same content', () => {
    const dir = tempDir();
    const first = makeTiny(join(dir, 'a.tessera'));
    const copy = first.saveAs(join(dir, 'b.tessera'));
    expect(copy.info().counts).toEqual(first.info().counts);
    expect(copy.path).toBe(join(dir, 'b.tessera'));
    first.close();
    copy.close();
  });
});
