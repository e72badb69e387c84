import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../fixtures/run-cli';
import { createServices } from '../../electron/services/app-services';
import { fillDataset, Workspace } from '../../electron/services/workspace';
import { useTempDir } from '../fixtures/temp';
import { tinyDataset, tinyPayload } from '../fixtures/tiny-dataset';
import { movedB } from '../unit/shared/scenario/fixtures';

const tempDir = useTempDir();


function tinyWorkspace(dir = tempDir()): string {
  const path = join(dir, 'tiny.tessera');
  Workspace.createWith(path, (db) =>
    fillDataset(db, tinyDataset(), [{ name: 'Current plan', description: '', payload: tinyPayload() }, { name: 'Moved B', description: '', payload: movedB() }], 't', 'n'),
  ).close();
  return path;
}

describe('tessera scenario / compare / export / import-scenarios', () => {
  it('copies, renames, lists and deletes (only with --yes) scenarios', async () => {
    const w = tinyWorkspace();
    expect((await cli('scenario', 'copy', 'Current plan', 'Branch', '-w', w)).code).toBe(0);
    expect((await cli('scenario', 'rename', 'Branch', 'Twig', '-w', w)).code).toBe(0);
    const list = JSON.parse((await cli('scenario', 'list', '-w', w, '--json')).out) as { name: string; parentId: number | null }[];
    expect(list.map((s) => [s.name, s.parentId])).toEqual([['Current plan', null], ['Moved B', null], ['Twig', 1]]);
    const refused = await cli('scenario', 'delete', 'Twig', '-w', w);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/run again with --yes/);
    expect((await cli('scenario', 'delete', 'Twig', '-w', w, '--yes')).code).toBe(0);
    expect((await cli('scenario', 'rename', 'Nope', 'X', '-w', w)).err).toMatch(/No scenario named or numbered "Nope"/);
    expect((await cli('scenario', 'rename', 'Moved B', 'Current plan', '-w', w)).err).toMatch(/already exists/);
  });

  it('compares two scenarios with KPI deltas and moved units, as JSON, text and CSV', async () => {
    const dir = tempDir();
    const w = tinyWorkspace(dir);
    const json = await cli('compare', '-w', w, 'Current plan', 'Moved B', '--json', '--moved-csv', join(dir, 'moved.csv'));
    expect(json.code).toBe(0);
    const c = JSON.parse(json.out);
    expect(c.scenarios[1].diff.units).toEqual([{ unitId: 'B', alignment: 'default', from: 'E', to: 'W' }]);
    expect(c.rows.find((r: { key: string }) => r.key === 'disruption.accounts').deltas).toEqual([0, 1]);
    expect(readFileSync(join(dir, 'moved.csv'), 'utf8')).toContain('Moved B,unit,B,Unit B,default,E,East,W,West');
    const text = await cli('compare', '-w', w, 'Current plan', 'Moved B', '--baseline', 'Moved B');
    expect(text.out).toMatch(/Moved B \(baseline\)/);
    expect(text.out).toMatch(/Current plan: 1 units and 1 accounts moved/);
    expect((await cli('compare', '-w', w, 'Current plan')).code).toBe(1);
  });

  it('exports a scenario file and imports it into another workspace; refuses an unknown format', async () => {
    const dir = tempDir();
    const w = tinyWorkspace(dir);
    const out = join(dir, 'share.tessera');
    const exp = await cli('export', '-w', w, '-s', 'Moved B', '-f', 'scenario-file', '-o', out, '--json');
    expect(exp.code).toBe(0);
    expect(JSON.parse(exp.out)).toMatchObject({ path: out, summary: expect.stringMatching(/^1 scenario\(s\), 1 version\(s\)/) });
    expect((await cli('export', '-w', w, '-s', 'Moved B', '-f', 'scenario-file', '-o', out)).err).toMatch(/already exists/);
    expect((await cli('export', '-w', w, '-s', 'Moved B', '-f', 'docx', '-o', out)).err).toMatch(/Unknown export format "docx"/);
    const target = tinyWorkspace(tempDir());
    const imp = await cli('import-scenarios', out, '-w', target, '--json');
    expect(imp.code).toBe(0);
    expect(JSON.parse(imp.out).imported[0]).toMatchObject({ from: 'Moved B', as: 'Moved B (imported)' });
    const bad = join(dir, 'notes.txt');
    writeFileSync(bad, 'hello');
    const refused = await cli('import-scenarios', bad, '-w', target);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/not a Tessera workspace/);
  });
});

describe('scenario history', () => {
  it('restores an old version by appending a new version with the same payload, noting it', async () => {
    const w = tinyWorkspace();
    const s = createServices({ mode: 'direct', workspace: w });
    await s.api['scenario.saveVersion']({ scenarioId: 1, baseVersion: 1, payload: movedB(), note: 'move B' });
    const r = await s.api['scenario.restore']({ scenarioId: 1, version: 1, baseVersion: 2 });
    expect(r.ok && r.value).toEqual({ scenarioId: 1, version: 3 });
    const v3 = await s.api['scenario.get']({ scenario: 1, version: 3 });
    expect(v3.ok && v3.value.payload).toEqual(tinyPayload());
    const h = await s.api['scenario.history']({ scenario: 1 });
    expect(h.ok && h.value.map((v) => v.note)).toEqual(['Restored version 1', 'move B', 'n']);
    const stale = await s.api['scenario.restore']({ scenarioId: 1, version: 1, baseVersion: 2 });
    expect(!stale.ok && stale.error.code).toBe('stale-base');
    const unconfirmed = await s.api['scenario.delete']({ scenarioId: 1, confirmName: 'current plan' });
    expect(!unconfirmed.ok && unconfirmed.error.code).toBe('unconfirmed');
    const archived = await s.api['scenario.archive']({ scenarioId: 2, archived: true });
    expect(archived.ok && archived.value.archived).toBe(true);
    s.close();
  });
});
