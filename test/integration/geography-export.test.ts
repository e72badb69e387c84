import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { appendVersion, findScenario, readVersion } from '../../electron/db/scenario-repo';
import { Workspace } from '../../electron/services/workspace';
import type { RepId } from '../../shared/domain/ids';
import { parseCsvText } from '../../shared/domain/import/csv-reader';
import { cli } from '../fixtures/run-cli';
import { useTempDir } from '../fixtures/temp';

const tempDir = useTempDir();


/** A 3 x 2 grid of 1-degree squares in Europe (any country works), West = left column + middle bottom. */
function grid(): string {
  const features = [];
  for (let r = 0; r < 2; r++) {
    for (let c = 0; c < 3; c++) {
      const [x, y] = [10 + c, 50 + r];
      features.push({
        type: 'Feature',
        properties: { code: `U${r}${c}`, name: `Cell ${r}${c}`, pop: 100 * (c + 1), label: 'x', territory: c === 0 || (c === 1 && r === 0) ? 'West' : 'East', locked: c === 2 && r === 1 ? 'yes' : '' },
        geometry: { type: 'Polygon', coordinates: [[[x, y], [x + 1, y], [x + 1, y + 1], [x, y + 1], [x, y]]] },
      });
    }
  }
  return JSON.stringify({ type: 'FeatureCollection', features });
}

describe('custom geography and exports', () => {
  it('imports polygons with measures, shared-boundary adjacency and a starting scenario, then exports it', async () => {
    const dir = tempDir();
    const ws = join(dir, 'grid.tessera');
    writeFileSync(join(dir, 'grid.geojson'), grid());
    const imp = await cli('import', 'geojson', join(dir, 'grid.geojson'), '-w', ws, '--id', 'code', '--json');
    expect(imp.err).toBe('');
    // Rook adjacency of a 3 x 2 grid: 4 horizontal + 3 vertical; corner contacts share no boundary.
    expect(JSON.parse(imp.out)).toMatchObject({ units: 6, edges: 7, measures: ['pop'], scenario: 'Imported plan', ignoredColumns: ['label'] });

    writeFileSync(join(dir, 'reps.csv'), 'id,name\nr-w,Wendy West\nr-e,Ed East\n');
    expect((await cli('import', 'reps', join(dir, 'reps.csv'), '-w', ws)).code).toBe(0);
    writeFileSync(join(dir, 'acc.csv'), 'id,name,lat,lon,revenue,owner\n1,=HYPERLINK("x"),50.5,10.5,-5,r-e\n2,Plain,51.5,12.5,7,r-e\n3,Outside,0.1,0.2,1,\n');
    const acc = JSON.parse((await cli('import', 'accounts', join(dir, 'acc.csv'), '-w', ws, '--json')).out).summary;
    expect(acc).toMatchObject({ added: 3, placement: { exact: 3 } });
    expect(acc.unplaced).toEqual([expect.objectContaining({ id: '3', reason: expect.stringMatching(/^the coordinates 0.1, 0.2 are outside the workspace's geography$/) })]);

    const w = Workspace.open(ws);
    expect(w.accounts().unitIndex).toEqual([0, 5, -1]);
    const s = findScenario(w.db, 'Imported plan')!;
    const v = readVersion(w.db, s)!;
    expect(v.payload.lockedUnits).toEqual(['U12']);
    // A name pasted with control characters (XML 1.0 cannot carry them) and markup.
    const payload = {
      ...v.payload,
      territories: v.payload.territories.map((t) => ({ ...t, repId: (t.id === 'West' ? 'r-w' : 'r-e') as RepId, ...(t.id === 'West' ? { name: 'West\u0001\u000b <&> "1"' } : {}) })),
    };
    appendVersion(w.db, s.id, s.headVersion, payload, 'test', 'reps');
    w.close();

    const out = (f: string) => join(dir, `out-${f}`);
    for (const f of ['assignments-csv', 'salesforce-csv', 'geojson', 'kml', 'kpis-csv']) {
      const r = await cli('export', '-w', ws, '-s', 'Imported plan', '-f', f, '-o', out(f));
      expect([f, r.code, r.err]).toEqual([f, 0, '']);
    }
    const assignments = parseCsvText(readFileSync(out('assignments-csv'), 'utf8'), ',');
    expect(assignments[1]).toEqual(['1', "'=HYPERLINK(\"x\")", 'West', 'West\u0001\u000b <&> "1"', '', 'r-w', 'Wendy West', 'r-e', 'yes', 'U00', 'exact']);
    expect(readFileSync(out('salesforce-csv'), 'utf8')).toBe('Id,OwnerId\r\n1,r-w\r\n2,r-e\r\n');
    const geo = JSON.parse(readFileSync(out('geojson'), 'utf8'));
    expect(geo.features.map((f: { id: string; properties: { units: number } }) => [f.id, f.properties.units])).toEqual([['East', 3], ['West', 3]]);
    // Dissolved: West is the L-shape of three squares: one polygon, one ring (no inner seams), area 3.
    const west = geo.features[1].geometry.coordinates;
    expect(west).toHaveLength(1);
    expect(west[0]).toHaveLength(1);
    const ring: number[][] = west[0][0];
    const area = Math.abs(ring.slice(1).reduce((s, p, i) => s + ring[i]![0]! * p[1]! - p[0]! * ring[i]![1]!, 0)) / 2;
    expect(area).toBeCloseTo(3, 4);
    const kml = readFileSync(out('kml'), 'utf8');
    expect(kml.match(/<Placemark>/g)).toHaveLength(2);
    const doc = new new JSDOM().window.DOMParser().parseFromString(kml, 'application/xml');
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    expect([...doc.getElementsByTagName('Placemark')].map((p) => p.getElementsByTagName('name')[0]!.textContent)).toEqual(['East', 'West\uFFFD\uFFFD <&> "1"']);
    const kpis = parseCsvText(readFileSync(out('kpis-csv'), 'utf8'), ',');
    expect(kpis.map((r) => [r[0], r[6], r[8]])).toEqual([['territory_id', 'accounts', 'revenue'], ['East', '1', '7'], ['West', '1', '-5']]);
    expect((await cli('export', '-w', ws, '-s', 'Imported plan', '-f', 'kml', '-o', out('kml'))).err).toMatch(/already exists/);
  });

  it('imports the engine units CSV with edges and reports bad rows', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'units.csv'), 'id,x,y,potential,center,territory\na,0,0,10,1,T1\nb,1,0,abc,,T1\nc,2,0,30,1,T2\nb,3,0,1,,\n,4,0,1,,\nd,x,0,1,,\n');
    writeFileSync(join(dir, 'edges.csv'), 'from,to,distance\na,b,1.5\nb,c,\nc,zz,1\na,a,0\n');
    const r = await cli('import', 'units', join(dir, 'units.csv'), '--edges', join(dir, 'edges.csv'), '-w', join(dir, 'u.tessera'), '--json');
    expect(r.err).toBe('');
    const rep = JSON.parse(r.out);
    expect(rep).toMatchObject({ units: 3, edges: 2, measures: ['potential'], scenario: 'Imported plan' });
    expect(rep.issues.map((i: { line: number; column: string; action: string }) => [i.line, i.column, i.action])).toEqual([
      [3, 'potential', 'repaired'], [5, 'id', 'rejected'], [6, 'id', 'rejected'], [7, 'x', 'rejected'], [4, 'to', 'rejected'], [5, 'to', 'rejected'],
    ]);
    const w = Workspace.open(join(dir, 'u.tessera'), { readOnly: true });
    expect(w.db.prepare('SELECT a, b, distance FROM unit_edges ORDER BY a').all()).toEqual([{ a: 0, b: 1, distance: 1.5 }, { a: 1, b: 2, distance: null }]);
    expect(readVersion(w.db, findScenario(w.db, 'Imported plan')!)!.payload.settings).toEqual({ origin: 'import', centers: ['a', 'c'] });
    w.close();
  });

  it('creates a ZIP geography with Delaunay adjacency and places accounts by ZIP code', async () => {
    const dir = tempDir();
    const ws = join(dir, 'ri.tessera');
    const r = JSON.parse((await cli('import', 'zips', '-w', ws, '--states', 'RI', '--json')).out);
    expect(r.units).toBeGreaterThan(60);
    expect(r.edges).toBeGreaterThan(r.units);
    writeFileSync(join(dir, 'a.csv'), 'id,zip\n1,02903\n');
    expect((await cli('import', 'accounts', join(dir, 'a.csv'), '-w', ws)).code).toBe(0);
    const w = Workspace.open(ws, { readOnly: true });
    expect(w.units().ids[w.accounts().unitIndex[0]!]).toBe('02903');
    expect(w.units().measures.accounts!.reduce((s, v) => s + v, 0)).toBe(1);
    w.close();
  }, 30_000);
});
