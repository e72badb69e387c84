import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../electron/services/app-services';
import { fillDataset, Workspace } from '../../electron/services/workspace';
import { tinyDataset, tinyPayload } from '../fixtures/tiny-dataset';
import { useTempDir } from '../fixtures/temp';

const tempDir = useTempDir();

function open(): { services: Services; file: string } {
  const file = join(tempDir(), 'w.tessera');
  Workspace.createWith(file, (db) => fillDataset(db, tinyDataset(), [{ name: 'P', description: '', payload: tinyPayload() }], 't', 'n')).close();
  return { services: createServices({ mode: 'direct', workspace: file }), file };
}

function value<T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('KPIs per scenario version are cached', () => {
  it('computes the territory KPIs and the dashboard of a version once, however often they are asked for', async () => {
    const { services } = open();
    try {
      const cache = services.workspace().derived;
      const first = value(await services.api['kpi.territories']({ scenario: 'P', version: 1 }));
      const again = value(await services.api['kpi.territories']({ scenario: 'P', version: 1 }));
      expect(again).toEqual(first);
      expect(cache.computations).toBe(1);
      value(await services.api['dashboard.get']({ scenario: 'P', version: 1 }));
      value(await services.api['dashboard.get']({ scenario: 'P', version: 1 }));
      expect(cache.computations).toBe(2);
    } finally {
      services.close();
    }
  });

  it('computes a new version on its own and keeps the old one', async () => {
    const { services } = open();
    try {
      const cache = services.workspace().derived;
      value(await services.api['kpi.territories']({ scenario: 'P', version: 1 }));
      const v1 = value(await services.api['scenario.get']({ scenario: 'P', version: 1 }));
      const payload = { ...v1.payload, territories: v1.payload.territories.map((t, i) => (i === 0 ? { ...t, name: 'West renamed' } : t)) };
      value(await services.api['scenario.saveVersion']({ scenarioId: v1.scenarioId, baseVersion: 1, payload, note: 'rename' }));
      const v2 = value(await services.api['kpi.territories']({ scenario: 'P', version: 2 }));
      expect(v2.rows[0]!.name).toBe('West renamed');
      value(await services.api['kpi.territories']({ scenario: 'P', version: 1 }));
      expect(cache.computations).toBe(2);
    } finally {
      services.close();
    }
  });

  it('recomputes after the dataset changes, also when another connection wrote it', async () => {
    const { services, file } = open();
    try {
      const cache = services.workspace().derived;
      const before = value(await services.api['kpi.territories']({ scenario: 'P', version: 1 }));
      expect(before.rows[0]!.repName).toBe('Rep One');
      const other = new Database(file);
      other.prepare("UPDATE reps SET name = 'Rep Renamed' WHERE id = 'r1'").run();
      other.close();
      services.workspace().invalidate(); // what an import does after writing the dataset
      const after = value(await services.api['kpi.territories']({ scenario: 'P', version: 1 }));
      expect(after.rows[0]!.repName).toBe('Rep Renamed');
      expect(cache.computations).toBe(2);
      // A commit by another connection alone changes SQLite's data_version, which also drops the cache.
      const third = new Database(file);
      third.prepare("UPDATE reps SET name = 'Rep Three' WHERE id = 'r1'").run();
      third.close();
      value(await services.api['kpi.territories']({ scenario: 'P', version: 1 }));
      expect(cache.computations).toBe(3);
    } finally {
      services.close();
    }
  });

  it('forgets a deleted scenario, so a new one reusing its id is computed afresh', async () => {
    const { services } = open();
    try {
      const cache = services.workspace().derived;
      const created = value(await services.api['scenario.create']({ name: 'B', from: { scenario: 'P', version: 1 } }));
      value(await services.api['kpi.territories']({ scenario: 'B', version: 1 }));
      value(await services.api['scenario.delete']({ scenarioId: created.id, confirmName: 'B' }));
      const again = value(await services.api['scenario.create']({ name: 'C', from: { scenario: 'P', version: 1 } }));
      expect(again.id).toBe(created.id);
      value(await services.api['kpi.territories']({ scenario: 'C', version: 1 }));
      expect(cache.computations).toBe(2);
    } finally {
      services.close();
    }
  });
});
