import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LongCalls } from '../../electron/services/long-call';
import { importBoundaries } from '../../electron/services/import/boundary-import';
import { importBoundaryFile } from '../../electron/services/import/geography-import';
import { createZipWorkspace } from '../../electron/services/import/zip-geography';
import { importScenarios } from '../../electron/services/scenarios/share-import';
import { writeShareFile } from '../../electron/services/scenarios/share-write';
import { demoFill, fillDataset, Workspace, type WorkspaceFill } from '../../electron/services/workspace';
import { listScenarios } from '../../electron/db/scenario-repo';
import { tinyDataset, tinyPayload } from '../fixtures/tiny-dataset';
import { tinyWorkspacePath } from '../fixtures/tiny-workspace';

// Long calls that write (a share file, scenarios imported from one, a new workspace): cancelled at a chosen step,
// each leaves nothing behind; run to the end, each does its work. The steps are watched, never timed.
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tessera-lcw-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Runs fn as a tracked call and cancels it when it reports `step` (undefined: never); returns its answer and the steps seen. */
async function runUntil<T>(method: string, fn: () => Promise<T>, step?: string): Promise<{ value: unknown; steps: string[] }> {
  const calls = new LongCalls();
  calls.register('key-test-1', method);
  const steps: string[] = [];
  let settled = false;
  const running = calls.run('key-test-1', fn).finally(() => (settled = true));
  while (!settled) {
    const s = calls.status('key-test-1');
    if (s.ok && s.value.state === 'running' && steps.at(-1) !== s.value.step) {
      steps.push(s.value.step);
      if (s.value.step === step) calls.cancel('key-test-1');
    }
    await turn();
  }
  return { value: await running, steps };
}

const opts = { author: 't', appVersion: 'test' };
const GEO = join(__dirname, '../fixtures/geo');

describe('long calls that write: cancelled, nothing is left; uncancelled, the work is done', () => {
  it('a share file cancelled while it is being saved leaves neither the file nor its temp file', async () => {
    const ws = Workspace.open(tinyWorkspacePath(dir));
    const out = join(dir, 'client.tessera');
    const r = await runUntil('share.export', () => writeShareFile(ws, [{ scenario: 1 }], out, opts), 'Saving the file');
    expect(r.steps).toEqual(['Copying the workspace', 'Keeping the chosen scenarios and sealing', 'Compacting', 'Saving the file']);
    expect(r.value).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(readdirSync(dir).filter((f) => f.startsWith('client'))).toEqual([]);

    const done = await runUntil('share.export', () => writeShareFile(ws, [{ scenario: 1 }], out, opts));
    expect(done.value).toMatchObject({ ok: true, value: { scenarios: ['Current plan'] } });
    expect(existsSync(out)).toBe(true);
    ws.close();
  });

  it('scenarios imported from a share file: cancelled before the import, none arrive; uncancelled, they do', async () => {
    const ws = Workspace.open(tinyWorkspacePath(dir));
    const file = join(dir, 'client.tessera');
    expect((await writeShareFile(ws, [{ scenario: 1 }], file, opts)).ok).toBe(true);
    const before = listScenarios(ws.db).length;
    const r = await runUntil('share.import', () => importScenarios(ws, file), 'Importing the scenarios');
    expect(r.value).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(listScenarios(ws.db)).toHaveLength(before);

    const done = await runUntil('share.import', () => importScenarios(ws, file));
    expect(done.steps).toEqual(['Checking the file', 'Matching its dataset with this workspace', 'Importing the scenarios']);
    expect(done.value).toMatchObject({ ok: true, value: { imported: [{ from: 'Current plan', as: 'Current plan (imported)' }] } });
    expect(listScenarios(ws.db)).toHaveLength(before + 1);
    ws.close();
  });

  it('a new workspace cancelled after it is built leaves no file and no temp file; uncancelled it opens', async () => {
    const path = join(dir, 'new.tessera');
    const fill: WorkspaceFill = (db) => fillDataset(db, tinyDataset(), [{ name: 'P', description: '', payload: tinyPayload() }], 't', 'n');
    for (const step of ['Writing the file', 'Opening it']) {
      const r = await runUntil('workspace.create', () => Workspace.createWithProgress(path, fill), step);
      expect(r.value).toMatchObject({ ok: false, error: { code: 'cancelled' } });
      expect(readdirSync(dir)).toEqual([]);
    }
    // A fill in parts (the demo: build the data, then store it) reports each part and can stop between them.
    const demo = await runUntil('workspace.create', () => Workspace.createWithProgress(path, demoFill('counties')), 'Storing the demo data');
    expect(demo.steps).toEqual(['Building the workspace', 'Storing the demo data']);
    expect(demo.value).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(readdirSync(dir)).toEqual([]);

    const done = await runUntil('workspace.create', () => Workspace.createWithProgress(path, fill));
    expect(done.steps).toEqual(['Building the workspace', 'Writing the file', 'Opening it']);
    const ws = done.value as Workspace;
    expect(ws.path).toBe(path);
    ws.close();
    // The same steps run without a tracked call (the CLI and tests), and an existing file is refused before any.
    expect(() => Workspace.createWith(path, fill)).toThrow(/already exists/);
  });

  it('a workspace from a boundary file: cancelled at any step, no file; uncancelled, every area is there', async () => {
    const path = join(dir, 'hi.tessera');
    const bytes = readFileSync(join(GEO, 'zcta_2024_HI.geojson'));
    const steps = ['Reading the GeoJSON file', 'Checking 97 shapes', 'Building the map of 97 areas and their neighbours', 'Writing the workspace'];
    for (const step of steps) {
      const r = await runUntil('workspace.createFromBoundaries', () => importBoundaryFile(path, bytes, 'hi', 'ZCTA5CE20'), step);
      expect(r.value).toMatchObject({ ok: false, error: { code: 'cancelled' } });
      expect(readdirSync(dir)).toEqual([]);
    }
    const done = await runUntil('workspace.createFromBoundaries', () => importBoundaryFile(path, bytes, 'hi', 'ZCTA5CE20'));
    expect(done.steps).toEqual(steps);
    expect(done.value).toMatchObject({ ok: true, value: { units: 97 } });
  });

  it('Census boundaries over approximate ZIP areas: cancelled before the write, the geometry is as it was', async () => {
    const path = join(dir, 'zips.tessera');
    const made = createZipWorkspace(path, ['HI'], 3);
    if (!made.ok) throw new Error(made.error.message);
    const ws = Workspace.open(path);
    const before = JSON.stringify(ws.geometry());
    const fc = JSON.parse(readFileSync(join(GEO, 'zcta_2024_HI.geojson'), 'utf8')) as GeoJSON.FeatureCollection;
    const r = await runUntil('import.boundaries', () => importBoundaries(ws, fc, 'hi.geojson'), 'Writing the new areas');
    expect(r.value).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(JSON.stringify(ws.geometry())).toBe(before);
    const done = await runUntil('import.boundaries', () => importBoundaries(ws, fc, 'hi.geojson'));
    expect(done.steps).toEqual(['Building the map of 97 areas', 'Writing the new areas']);
    expect(done.value).toMatchObject({ ok: true, value: { matched: 97 } });
    expect(JSON.stringify(ws.geometry())).not.toBe(before);
    ws.close();
  });
});
