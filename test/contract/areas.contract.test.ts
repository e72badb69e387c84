import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TerritoryId, UnitId } from '../../shared/domain/ids';
import { tinyPayload } from '../fixtures/tiny-dataset';
import { tinyWorkspaceFile, transports, type Call } from './transports';

// The per-area methods added after the foundation (scenario admin, compare, export, import preview, rules,
// dashboard) behave the same called directly and over HTTP.
for (const transport of transports) {
  describe(`AppApi areas over ${transport.name}`, () => {
    let call: Call;
    let raw: (m: string, a: unknown) => Promise<unknown>;
    let close: () => Promise<void>;
    let planId: number;

    beforeAll(async () => {
      ({ call, raw, close } = await transport.setup(tinyWorkspaceFile()));
      const created = await call('scenario.create', { name: 'Moved', from: { scenario: 'Current plan' } });
      if (!created.ok) throw new Error(created.error.message);
      planId = created.value.id;
      // Move unit C (account a3) from West to East.
      const payload = tinyPayload();
      payload.alignments[0]!.assignment['C' as UnitId] = 'E' as TerritoryId;
      const saved = await call('scenario.saveVersion', { scenarioId: planId, baseVersion: 1, payload, note: 'move C' });
      if (!saved.ok) throw new Error(saved.error.message);
    });
    afterAll(async () => close());

    it('renames, lists history, restores a version as a new one, and asks for the name before deleting', async () => {
      const renamed = await call('scenario.update', { scenarioId: planId, name: 'Moved C' });
      expect(renamed.ok && renamed.value.name).toBe('Moved C');
      const history = await call('scenario.history', { scenario: planId });
      expect(history.ok && history.value.map((v) => v.version)).toEqual(expect.arrayContaining([1, 2]));
      const restored = await call('scenario.restore', { scenarioId: planId, version: 1, baseVersion: 2 });
      expect(restored).toEqual({ ok: true, value: { scenarioId: planId, version: 3 } });
      const unconfirmed = await call('scenario.delete', { scenarioId: planId, confirmName: 'wrong' });
      expect(unconfirmed.ok ? null : unconfirmed.error.code).toBe('unconfirmed');
    });

    it('compares scenarios: one unit and one account moved, named in the diff', async () => {
      const res = await call('compare.scenarios', { scenarios: [{ scenario: 'Current plan' }, { scenario: planId, version: 2 }] });
      if (!res.ok) throw new Error(res.error.message);
      const moved = res.value.scenarios[1]!;
      expect(moved.diff.units.map((u) => u.unitId)).toEqual(['C']);
      expect(moved.diff.accounts.map((a) => a.accountId)).toEqual(['a3']);
      expect(moved.metrics.disruption.accounts).toBe(1);
    });

    it('lists export formats and exports assignments as formula-safe CSV text', async () => {
      const formats = (await call('export.formats', {})).map((f) => f.name);
      expect(formats).toEqual(expect.arrayContaining(['assignments-csv', 'salesforce-csv', 'geojson', 'kml', 'kpis-csv']));
      const res = await call('export.run', { scenario: 'Current plan', format: 'assignments-csv' });
      if (!res.ok) throw new Error(String(res.error.message));
      expect(res.value.content?.split(/\r?\n/)[0]).toMatch(/^account_id,/i);
      expect(res.value.content).toContain('a6');
    });

    it('exports a UI table and the KPI format as .xlsx bytes in base64', async () => {
      const t = await call('export.xlsx', { fileName: 'reps', tables: [{ name: 'Reps', columns: [{ header: 'Rep' }, { header: 'Quota', format: 'money' }], rows: [['Ann', 1000]] }] });
      if (!t.ok) throw new Error(t.error.message);
      expect(t.value).toMatchObject({ fileName: 'reps.xlsx', encoding: 'base64' });
      expect(Buffer.from(t.value.content!, 'base64').subarray(0, 2).toString()).toBe('PK');
      const k = await call('export.run', { scenario: 'Current plan', format: 'kpis-xlsx' });
      expect(k.ok && k.value.encoding === 'base64' && Buffer.from(k.value.content!, 'base64').subarray(0, 2).toString()).toBe('PK');
      await expect(raw('export.xlsx', { fileName: 'x', tables: [{ name: 'T', columns: [{ header: 'a', format: 'bogus' }], rows: [] }] })).rejects.toThrow(/Invalid argument for export.xlsx/);
    });

    it('previews a CSV import: detects delimiter and header and maps plain columns', async () => {
      const csv = 'id;name;zip;industry\nx1;Acme;02101;Retail\n';
      const res = await call('import.preview', { kind: 'accounts', fileName: 'a.csv', head: Buffer.from(csv).toString('base64'), truncated: false });
      if (!res.ok) throw new Error(res.error.message);
      expect(res.value.read.delimiter).toBe(';');
      expect(res.value.columns).toEqual(['id', 'name', 'zip', 'industry']);
      expect(res.value.sample[0]).toEqual(['x1', 'Acme', '02101', 'Retail']);
    });

    it('reads the routing rules and the dashboard of a scenario', async () => {
      const rules = await call('rules.get', { scenario: 'Current plan' });
      expect(rules.ok && Array.isArray(rules.value.rules.rules)).toBe(true);
      const dash = await call('dashboard.get', { scenario: 'Current plan' });
      expect(dash.ok).toBe(true);
    });

    it('rejects malformed arguments of the area methods', async () => {
      await expect(raw('compare.scenarios', { scenarios: 'all' })).rejects.toThrow(/Invalid argument for compare.scenarios/);
      await expect(raw('export.run', { scenario: 1, format: '' })).rejects.toThrow(/Invalid argument for export.run/);
    });
  });
}
