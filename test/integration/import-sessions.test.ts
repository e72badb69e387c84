import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createServices } from '../../electron/services/app-services';
import { dispatch } from '../../electron/services/dispatch';
import { ImportSessions } from '../../electron/services/import/import-sessions';
import { Workspace } from '../../electron/services/workspace';
import { stageImport } from '../../electron/db/import-repo';
import { useTempDir } from '../fixtures/temp';
import { tinyWorkspacePath } from '../fixtures/tiny-workspace';
import { tinyPayload } from '../fixtures/tiny-dataset';

const tempDir = useTempDir();

const tinyPath = () => tinyWorkspacePath(tempDir());

type Res = { ok: boolean; value?: never; error?: { code: string; message: string } };
const b64 = (s: string) => Buffer.from(s).toString('base64');
const READ = { encoding: 'utf-8', delimiter: ',', headerRow: 0 } as const;

/** What another connection (a later run of the app) sees in the file: scenario names and account count. */
function onDisk(path: string): { scenarios: string[]; accounts: number } {
  const ws = Workspace.open(path, { readOnly: true });
  try {
    const scenarios = (ws.db.prepare('SELECT name FROM scenarios ORDER BY id').all() as { name: string }[]).map((r) => r.name);
    return { scenarios, accounts: ws.accounts().ids.length };
  } finally {
    ws.close();
  }
}

async function saveWhileImporting(path: string) {
  const s = createServices({ mode: 'direct', workspace: path });
  const call = (method: string, arg: unknown) => dispatch(s.api, method, arg) as Promise<Res>;
  const begin = (await call('import.begin', { kind: 'accounts', read: READ, mapping: { id: 'id' } })) as unknown as { value: { sessionId: string } };
  const sessionId = begin.value.sessionId;
  expect(await call('import.chunk', { sessionId, seq: 0, data: b64('id\nnew1\nnew2\n') })).toMatchObject({ ok: true });
  const created = (await call('scenario.create', { name: 'Saved meanwhile', from: { scenario: 'Current plan' } })) as unknown as { ok: true; value: { id: number } };
  expect(created.ok).toBe(true);
  const saved = await call('scenario.saveVersion', { scenarioId: created.value.id, baseVersion: 1, payload: { ...tinyPayload(), settings: { x: 1 } }, note: 'during import' });
  expect(saved.ok).toBe(true);
  return { s, call, sessionId };
}

describe('import sessions and other saves', () => {
  it('commits saves made while an import is open, and cancelling the import keeps them', async () => {
    const path = tinyPath();
    const { s, call, sessionId } = await saveWhileImporting(path);
    // Another connection sees the save before the import ends: it did not wait for the import's transaction.
    expect(onDisk(path)).toEqual({ scenarios: ['Current plan', 'Saved meanwhile'], accounts: 6 });
    expect(await call('import.cancel', { sessionId })).toMatchObject({ ok: true, value: { state: 'cancelled' } });
    s.close();
    expect(onDisk(path)).toEqual({ scenarios: ['Current plan', 'Saved meanwhile'], accounts: 6 });
  });

  it('keeps the saves when the app stops with an import still open, and imports nothing', async () => {
    const path = tinyPath();
    const { s } = await saveWhileImporting(path);
    s.close();
    expect(onDisk(path)).toEqual({ scenarios: ['Current plan', 'Saved meanwhile'], accounts: 6 });
  });

  it('applies the import at finish, after the saves, with every row', async () => {
    const path = tinyPath();
    const { s, call, sessionId } = await saveWhileImporting(path);
    expect(await call('import.chunk', { sessionId, seq: 1, data: b64('new3\n') })).toMatchObject({ ok: true });
    expect(await call('import.finish', { sessionId })).toMatchObject({ ok: true, value: { rows: 3, added: 3 } });
    s.close();
    expect(onDisk(path)).toEqual({ scenarios: ['Current plan', 'Saved meanwhile'], accounts: 9 });
  });

  it('drops a session idle for longer than the timeout without touching the workspace', async () => {
    const path = tinyPath();
    const ws = Workspace.open(path);
    let now = 1_000_000;
    const sessions = new ImportSessions({ idleMs: 60_000, now: () => now, sweepEveryMs: 3_600_000 });
    const begun = sessions.begin(ws, { kind: 'accounts', read: READ, mapping: { id: 'id' } });
    if (!begun.ok) throw new Error(begun.error.message);
    const id = begun.value.sessionId;
    expect(await sessions.chunk(id, 0, Buffer.from('id\nnew1\n'))).toMatchObject({ ok: true });
    now += 59_000;
    expect(sessions.status(id)).toMatchObject({ ok: true, value: { state: 'running' } });
    now += 59_000; // 59 s after the last call: still alive
    await sessions.sweep();
    expect(sessions.status(id)).toMatchObject({ ok: true });
    now += 60_001;
    await sessions.sweep();
    const late = await sessions.chunk(id, 1, Buffer.from('new2\n'));
    expect(late).toMatchObject({ ok: false, error: { code: 'expired', message: expect.stringMatching(/idle for more than 60 s.*nothing was imported/) } });
    // The slot is free again and nothing reached the workspace.
    const again = sessions.begin(ws, { kind: 'accounts', read: READ, mapping: { id: 'id' } });
    expect(again.ok).toBe(true);
    await sessions.close();
    expect(ws.accounts().ids).toHaveLength(6);
    ws.close();
    expect(onDisk(path).accounts).toBe(6);
  });

  it('says a file session that ended before it expired was applied, not lost', async () => {
    const dir = tempDir();
    const path = tinyWorkspacePath(dir);
    const csv = join(dir, 'a.csv');
    writeFileSync(csv, 'id\nf1\nf2\n');
    const ws = Workspace.open(path);
    let now = 0;
    const sessions = new ImportSessions({ idleMs: 1000, now: () => now, sweepEveryMs: 3_600_000 });
    const begun = sessions.begin(ws, { kind: 'accounts', read: READ, mapping: { id: 'id' } }, csv);
    if (!begun.ok) throw new Error(begun.error.message);
    const id = begun.value.sessionId;
    while (sessions.status(id).ok && (sessions.status(id) as { value: { state: string } }).value.state === 'running') await new Promise((r) => setImmediate(r));
    now += 1001;
    await sessions.sweep();
    expect(sessions.status(id)).toMatchObject({ ok: false, error: { code: 'expired', message: expect.stringMatching(/after it ended \(done\)/) } });
    expect(ws.accounts().ids).toHaveLength(8);
    await sessions.close();
    ws.close();
  });

  it('stages records in a private file that a discard deletes', () => {
    const ws = Workspace.open(tinyPath());
    const stage = stageImport(ws.db, 'accounts', [], () => -1);
    expect(existsSync(stage.path)).toBe(true);
    stage.discard();
    expect(existsSync(stage.path)).toBe(false);
    ws.close();
  });
});
