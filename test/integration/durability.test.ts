import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, linkSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WorkspaceFileError } from '../../electron/db/connection';
import { findScenario, readVersion } from '../../electron/db/scenario-repo';
import { lockPathOf } from '../../electron/services/scenarios/lock';
import { validateTesseraFile } from '../../electron/services/scenarios/share-validate';
import { fillDataset, Workspace } from '../../electron/services/workspace';
import { createRng } from '../../shared/domain/random';
import { useTempDir } from '../fixtures/temp';
import { tinyDataset, tinyPayload } from '../fixtures/tiny-dataset';

const tempDir = useTempDir();
const LOOP = resolve(__dirname, 'helpers/save-loop.ts');
const ITERATIONS = Number(process.env.TESSERA_KILL_ITERATIONS ?? 10);

function tinyWorkspace(dir: string): string {
  const path = join(dir, 'w.tessera');
  Workspace.createWith(path, (db) => fillDataset(db, tinyDataset(), [{ name: 'Plan', description: '', payload: tinyPayload() }], 't', 'n')).close();
  return path;
}

type Child = { child: ChildProcess; ready: Promise<void>; untilLines: (n: number) => Promise<void> };

/** Starts the save loop; ready = its first line ("ready"), untilLines(n) = n lines printed (each line after "ready" is a finished save). */
function start(args: string[]): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', LOOP, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let lines = 0;
  let stderr = '';
  const waiting: { n: number; ok: () => void; fail: (e: Error) => void }[] = [];
  const settle = () => {
    for (const w of waiting.filter((x) => lines >= x.n)) {
      waiting.splice(waiting.indexOf(w), 1);
      w.ok();
    }
  };
  child.stderr!.on('data', (d) => (stderr += String(d)));
  child.stdout!.on('data', (d: Buffer) => {
    lines += String(d).split('\n').length - 1;
    settle();
  });
  child.once('exit', (code) => {
    for (const w of waiting.splice(0)) w.fail(new Error(`child exited early (${code}) after ${lines} lines: ${stderr}`));
  });
  const untilLines = (n: number) => new Promise<void>((ok, fail) => {
    waiting.push({ n, ok, fail });
    settle();
  });
  return { child, ready: untilLines(1), untilLines };
}

// Where the kills land: after a seeded number of finished saves (1-3), i.e. while the loop is in the middle of the next
// one. Waiting for the child's own progress (never for a time) keeps the test meaningful on a loaded machine.
const rng = createRng(11);

async function killDuringSave(args: string[]): Promise<void> {
  const run = start(args);
  await run.untilLines(2 + Math.floor(rng() * 3));
  const exited = new Promise((r) => run.child.once('exit', r));
  run.child.kill('SIGKILL');
  await exited;
}

/** Opens the workspace like the app does and checks every version is complete. */
function verifyWorkspace(path: string): number {
  const ws = Workspace.open(path);
  try {
    const s = findScenario(ws.db, 1)!;
    for (let v = 2; v <= s.headVersion; v++) expect(readVersion(ws.db, s, v)!.payload.settings.seq).toBe(v);
    expect(s.versionCount).toBe(s.headVersion);
    return s.headVersion;
  } finally {
    ws.close();
  }
}

describe('durability', () => {
  it(`never leaves a corrupt workspace when a saving process is SIGKILLed in the middle of saves (${ITERATIONS} kills)`, async () => {
    const path = tinyWorkspace(tempDir());
    let versions = 1;
    for (let i = 0; i < ITERATIONS; i++) {
      await killDuringSave(['save', path]);
      // The killed child's lock is stale (its pid is gone): the next open breaks it.
      const now = verifyWorkspace(path);
      expect(now).toBeGreaterThan(versions); // the saves it reported finished are all there
      versions = now;
    }
    console.log(`kill test: ${ITERATIONS} SIGKILLs during saves, ${versions} complete versions, all verified`);
  }, ITERATIONS * 15_000 + 60_000);

  it(`never leaves a half-written share file when the exporting process is SIGKILLed (${ITERATIONS} kills)`, async () => {
    const dir = tempDir();
    const path = tinyWorkspace(dir);
    const out = join(dir, 'share.tessera');
    for (let i = 0; i < ITERATIONS; i++) {
      await killDuringSave(['share', path, out]);
      // At least one export finished before the kill, so the file is there, and it must be whole.
      const v = validateTesseraFile(out);
      expect(v.ok, v.ok ? '' : v.error.message).toBe(true);
    }
    // Never a damaged file under the final name; at most the last killed export's temp file, which the next export sweeps.
    const files = readdirSync(dir).filter((f) => !/-(wal|shm)$/.test(f));
    expect(files.filter((f) => !/\.partial(-journal)?$/.test(f)).sort()).toEqual(['share.tessera', 'w.tessera']);
    expect(new Set(files.filter((f) => f.includes('.partial')).map((f) => f.split('.')[2])).size).toBeLessThanOrEqual(1);
  }, ITERATIONS * 15_000 + 60_000);
});

describe('workspace lock', () => {
  it('refuses a second instance with a clear "locked" error offering read-only, while read-only opens work', async () => {
    const path = tinyWorkspace(tempDir());
    const run = start(['save', path]);
    await run.ready;
    try {
      let error: unknown;
      try {
        Workspace.open(path).close();
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(WorkspaceFileError);
      expect((error as WorkspaceFileError).code).toBe('locked');
      expect((error as WorkspaceFileError).message).toMatch(new RegExp(`open in another Tessera instance \\(process ${run.child.pid} on ${hostname()}.*Open it read-only`));
      const ro = Workspace.open(path, { readOnly: true });
      expect(ro.info().scenarios[0]!.name).toBe('Plan');
      ro.close();
    } finally {
      run.child.kill('SIGKILL');
      await new Promise((r) => run.child.once('exit', r));
    }
  });

  it('refuses a second writer reaching the open workspace through a symlink or a hard link', async () => {
    const dir = tempDir();
    const path = tinyWorkspace(dir);
    const run = start(['save', path]);
    await run.ready;
    try {
      const link = join(dir, 'link.tessera');
      symlinkSync(path, link);
      expect(() => Workspace.open(link)).toThrow(new RegExp(`open in another Tessera instance \\(process ${run.child.pid} on `));
      const hard = join(dir, 'hard.tessera');
      linkSync(path, hard);
      expect(() => Workspace.open(hard)).toThrow(/has 2 hard links .*Open it read-only/);
      const ro = Workspace.open(hard, { readOnly: true });
      expect(ro.info().scenarios[0]!.name).toBe('Plan');
      ro.close();
    } finally {
      run.child.kill('SIGKILL');
      await new Promise((r) => run.child.once('exit', r));
    }
  });

  it('breaks a stale lock whose process is gone and removes its own lock on close', () => {
    const path = tinyWorkspace(tempDir());
    writeFileSync(lockPathOf(path), JSON.stringify({ app: 'tessera', pid: 2 ** 22 + 17, hostname: hostname(), startedAt: '', lockedAt: '' }));
    const ws = Workspace.open(path);
    expect(existsSync(lockPathOf(path))).toBe(true);
    ws.close();
    expect(existsSync(lockPathOf(path))).toBe(false);
  });

  it('treats a lock from another machine as live', () => {
    const path = tinyWorkspace(tempDir());
    writeFileSync(lockPathOf(path), JSON.stringify({ app: 'tessera', pid: 1, hostname: 'elsewhere.example', startedAt: '', lockedAt: '2026-01-01' }));
    expect(() => Workspace.open(path)).toThrow(/process 1 on elsewhere\.example/);
  });
});
