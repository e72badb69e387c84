import { join } from 'node:path';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { listScenarios, readVersion } from '../../electron/db/scenario-repo';
import { Workspace } from '../../electron/services/workspace';
import { approximateNote } from '../../shared/domain/geo/approximate';
import { cli } from '../fixtures/run-cli';
import { useTempDir } from '../fixtures/temp';

const tempDir = useTempDir();
/** Census TIGER/Line 2024 ZCTAs of DC and its neighbours (copied from ../shared/data/zcta; see test/fixtures/geo/SOURCES.md). */
const FIXTURES = join(__dirname, '../fixtures/geo');

describe('tessera import zips (built-in approximate ZIP areas)', () => {
  it('creates a ZIP workspace with ZBP measures, polygons, adjacency and a starting scenario that balance can refine', async () => {
    const path = join(tempDir(), 'zips.tessera');
    const res = await cli('import', 'zips', '-w', path, '--states', 'DC,MD,VA', '--territories', '3', '--json');
    expect(res.err).toBe('');
    expect(res.code).toBe(0);
    const r = JSON.parse(res.out) as { units: number; edges: number; territories: number; scenario: string };
    expect(r.territories).toBe(3);

    const ws = Workspace.open(path);
    try {
      const units = ws.units();
      expect(units.kind).toBe('zip');
      expect(units.ids).toHaveLength(r.units);
      expect(new Set(units.parents)).toEqual(new Set(['11', '24', '51']));
      const dc = units.ids.indexOf('20001' as never);
      expect(units.names[dc]).toMatch(/^ZIP 20001, Washington/);
      expect(units.measureDefs.map((m) => `${m.key} (${m.unit})`)).toEqual(['establishments (establishments)', 'employees (employees)', 'payroll (USD)', 'accounts (accounts)', 'potential (USD)', 'revenue (USD)', 'workload (hours)']);
      expect(units.measures.establishments!.reduce((s, v) => s + v, 0)).toBeGreaterThan(100_000);
      expect(ws.edges().a).toHaveLength(r.edges);
      const topo = ws.geometry()!.topology as Topology;
      const geoms = (topo.objects.zips as GeometryCollection).geometries;
      expect(geoms.map((g) => String(g.id))).toEqual(units.ids);
      expect(approximateNote(topo)).toMatch(/^ZIP areas are approximate/);
      expect((topo.objects.states as GeometryCollection).geometries.map((g) => g.id)).toEqual(['11', '24', '51']);
      const [s] = listScenarios(ws.db);
      const payload = readVersion(ws.db, s!)!.payload;
      expect(payload.territories.map((t) => t.name).sort()).toEqual(['DC', 'MD', 'VA']);
      expect(Object.keys(payload.alignments[0]!.assignment)).toHaveLength(r.units);
    } finally {
      ws.close();
    }

    const bal = await cli('balance', '-w', path, '-s', 'Balanced', '--measures', 'establishments', '--tolerance', '0.1');
    expect(bal.err).toBe('');
    expect(bal.code).toBe(0);
    expect(bal.out).toContain('Saved Balanced v2 (new scenario from States grouped v1)');
  }, 120_000);

  it('names an unknown state code', async () => {
    const res = await cli('import', 'zips', '-w', join(tempDir(), 'x.tessera'), '--states', 'NY,ZZ');
    expect(res.code).not.toBe(0);
    expect(res.err).toContain('Unknown state "ZZ"');
  });

  it('says how to create a scenario when there is none, and scenario starter makes one that balance can use', async () => {
    const path = join(tempDir(), 'dc.tessera');
    expect((await cli('import', 'geojson', join(FIXTURES, 'zcta_2024_DC.geojson'), '-w', path, '--id', 'ZCTA5CE20')).code).toBe(0);
    const none = await cli('balance', '-w', path, '-s', 'B', '-k', '3');
    expect(none.code).not.toBe(0);
    expect(none.err).toContain('tessera scenario starter --workspace FILE --territories K');
    const perRep = await cli('scenario', 'starter', '-w', path, '--per-rep');
    expect(perRep.code).not.toBe(0);
    expect(perRep.err).toContain('The workspace has no reps');
    const made = await cli('scenario', 'starter', '-w', path, '--measure', 'ALAND20');
    expect(made.err).toBe('');
    expect(made.out).toContain('"Starting plan": Starting point: 1 territory of whole parent groups with about equal ALAND20');
    const bal = await cli('balance', '-w', path, '-s', 'B', '-k', '3', '--measures', 'ALAND20', '--tolerance', '0.2');
    expect(bal.err).toBe('');
    expect(bal.out).toContain('Saved B v2 (new scenario from Starting plan v1)');
  }, 120_000);
});
