import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppApi } from '../../shared/contracts/app-api';
import { useTempDir } from '../fixtures/temp';
import { tinyDataset, tinyPayload } from '../fixtures/tiny-dataset';
import { tinyWorkspaceFile, transports, type Call } from './transports';

for (const transport of transports) {
  describe(`AppApi contract over ${transport.name}`, () => {
    const tempDir = useTempDir();
    let call: Call;
    let raw: (m: string, a: unknown) => Promise<unknown>;
    let close: () => Promise<void>;

    beforeAll(async () => {
      ({ call, raw, close } = await transport.setup(tinyWorkspaceFile()));
    });
    afterAll(async () => close());

    it('reports the app version and the open workspace', async () => {
      expect((await call('app.info', {})).version).toMatch(/^\d+\.\d+\.\d+$/);
      const info = await call('workspace.info', {});
      expect(info.name).toBe('tiny.tessera');
      expect(info.counts).toEqual({ units: 4, edges: 4, accounts: 6, reps: 2 });
    });

    it('returns the dataset in columnar form', async () => {
      expect(await call('dataset.units', {})).toEqual(tinyDataset().units);
      expect(await call('dataset.accounts', {})).toEqual(tinyDataset().accounts);
      expect((await call('dataset.reps', {})).map((r) => r.name)).toEqual(['Rep One', 'Rep Two']);
      expect((await call('dataset.edges', {})).a).toHaveLength(4);
      expect(await call('dataset.geometry', {})).toBeNull();
    });

    it('finds where a US ZIP code lies for the map search, and says null for one that is not a ZIP area', async () => {
      const boston = await call('dataset.findZip', { zip: '02108' });
      expect(boston?.lon).toBeCloseTo(-71.07, 1);
      expect(boston?.lat).toBeCloseTo(42.36, 1);
      expect(await call('dataset.findZip', { zip: '00000' })).toBeNull();
      await expect(raw('dataset.findZip', { zip: '2108' })).rejects.toThrow(/A ZIP code is five digits/);
    });

    it('computes territory KPIs honouring segment alignments and account overrides', async () => {
      const res = await call('kpi.territories', { scenario: 'Current plan' });
      if (!res.ok) throw new Error(res.error.message);
      const [west, east] = res.value.rows;
      // West: a1 (10) + a3 (30) + Enterprise a5 (500, follows the Enterprise alignment); East: a2, a4, named a6.
      expect(west).toMatchObject({ name: 'West', accounts: 3, potential: 540, units: 2, repName: 'Rep One' });
      expect(east).toMatchObject({ name: 'East', accounts: 3, potential: 120, units: 2, repName: 'Rep Two' });
      expect(west!.potentialDeviation).toBeCloseTo(210 / 330, 6);
      expect(res.value.potentialBalance.maxMinRatio).toBeCloseTo(4.5, 6);
    });

    it('creates a scenario from another and appends immutable versions', async () => {
      const created = await call('scenario.create', { name: 'Plan B', from: { scenario: 'Current plan' } });
      if (!created.ok) throw new Error(created.error.message);
      expect(created.value).toMatchObject({ name: 'Plan B', headVersion: 1, parentVersion: 1 });
      const payload = { ...tinyPayload(), settings: { tweak: true } };
      const saved = await call('scenario.saveVersion', { scenarioId: created.value.id, baseVersion: 1, payload, note: 'tweak' });
      expect(saved).toEqual({ ok: true, value: { scenarioId: created.value.id, version: 2 } });
      const stale = await call('scenario.saveVersion', { scenarioId: created.value.id, baseVersion: 1, payload, note: 'again' });
      expect(stale.ok ? null : stale.error.code).toBe('stale-base');
      const v1 = await call('scenario.get', { scenario: 'Plan B', version: 1 });
      expect(v1.ok && v1.value.payload.settings).toEqual({});
      const dup = await call('scenario.create', { name: 'Plan B' });
      expect(dup.ok ? null : dup.error.code).toBe('exists');
    });

    it('refuses a payload that names unknown territories', async () => {
      const list = await call('scenario.list', {});
      const bad = tinyPayload();
      bad.alignments[0]!.assignment = { A: 'Nowhere' } as never;
      const res = await call('scenario.saveVersion', { scenarioId: list[0]!.id, baseVersion: list[0]!.headVersion, payload: bad, note: '' });
      expect(res.ok).toBe(false);
      expect(res.ok ? '' : res.error.message).toMatch(/unknown territory Nowhere/);
    });

    it('answers a missing scenario with not-found', async () => {
      const res = await call('scenario.get', { scenario: 'Nope' });
      expect(res.ok ? null : res.error.code).toBe('not-found');
    });

    it('rejects invalid arguments and unknown methods before they reach a service', async () => {
      await expect(raw('scenario.get', { scenario: '' })).rejects.toThrow(/Invalid argument for scenario.get/);
      await expect(raw('workspace.open', { name: 42 })).rejects.toThrow(/Invalid argument for workspace.open at name/);
      await expect(raw('workspace.open', { name: '../../etc/passwd' })).rejects.toThrow(/a workspace name is a plain file name/);
      await expect(raw('scenario.get', { scenario: 1, extra: 'x' })).rejects.toThrow(/Invalid argument/);
      await expect(raw('fs.readFile', {})).rejects.toThrow(/Unknown API method/);
    });

    it('reports a missing workspace as an expected error, keeping the open workspace', async () => {
      const res = await call('workspace.open', { name: 'missing' });
      expect(res.ok ? null : res.error.code).toBe('not-found');
      if (transport.serverPaths) {
        const byPath = await call('workspace.open', { path: join(tempDir(), 'missing.tessera') });
        expect(byPath.ok ? null : byPath.error.code).toBe('not-found');
      } else {
        await expect(call('workspace.open', { path: join(tempDir(), 'missing.tessera') })).rejects.toThrow(/works only in the desktop app and the CLI/);
      }
      expect((await call('workspace.info', {})).name).toBe('tiny.tessera');
    });

    it('saves the workspace by name into the data folder, lists it and opens it again', async () => {
      const saved = await call('workspace.saveAs', { name: 'Copy one' });
      if (!saved.ok) throw new Error(saved.error.message);
      expect(saved.value.name).toBe('Copy one.tessera');
      expect((await call('workspace.list', {})).map((w) => w.name)).toEqual(['Copy one.tessera']);
      const created = await call('workspace.create', { name: 'Blank', demo: false });
      if (!created.ok) throw new Error(created.error.message);
      const back = await call('workspace.open', { name: 'Copy one' });
      expect(back.ok && back.value.counts.accounts).toBe(6);
      const again = await call('workspace.create', { name: 'Blank', demo: false });
      expect(again.ok ? null : again.error.code).toBe('exists');
    });

    it('creates an empty workspace of a built-in geography by name, and refuses a geography it does not come in', async () => {
      const made = await call('workspace.create', { name: 'Counties', demo: false, geography: 'counties' });
      if (!made.ok) throw new Error(made.error.message);
      expect(made.value).toMatchObject({ name: 'Counties.tessera', datasetName: 'US counties', counts: { units: 3144, accounts: 0, reps: 0 }, scenarios: [] });
      const mixed = await call('workspace.create', { name: 'Mixed', demo: false, geography: 'mixed' });
      expect(mixed.ok ? null : mixed.error.code).toBe('invalid');
      await expect(raw('workspace.create', { name: 'States', demo: false, geography: 'states' })).rejects.toThrow(/Invalid argument for workspace.create at geography/);
    });
  });
}

// Keep the AppApi type referenced so a contract change shows up here at compile time.
export type _Contract = AppApi;
