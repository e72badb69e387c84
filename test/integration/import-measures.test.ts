import { describe, expect, it } from 'vitest';
import { runImport } from '../../electron/services/import/import-service';
import { Workspace } from '../../electron/services/workspace';
import { useTempDir } from '../fixtures/temp';
import { tinyWorkspacePath } from '../fixtures/tiny-workspace';

const tempDir = useTempDir();

const job = { kind: 'accounts' as const, read: { encoding: 'utf-8' as const, delimiter: ',' as const, headerRow: 0 }, mapping: { id: 'id', name: 'name', lat: 'lat', lon: 'lon', potential: 'potential' } };

/** Unit potential as stored, and as the sum over the unit's accounts (what it must equal after an import). */
function potentials(ws: Workspace): { stored: number[]; summed: number[] } {
  const units = ws.units();
  const rows = ws.db.prepare('SELECT unit_idx, sum(potential) FROM accounts WHERE unit_idx >= 0 GROUP BY unit_idx').raw().all() as [number, number][];
  const summed = units.ids.map(() => 0);
  for (const [u, p] of rows) summed[u] = p;
  return { stored: [...units.measures.potential!], summed };
}

async function* bytes(text: string, between?: () => void) {
  const all = Buffer.from(text, 'utf8');
  const half = all.indexOf('\n', all.length >> 1) + 1;
  yield all.subarray(0, half);
  between?.();
  yield all.subarray(half);
}

describe('unit measures after an account import', () => {
  it('equal the sums over accounts after new, changed and moved accounts (kept during the import, not re-read)', async () => {
    const ws = Workspace.open(tinyWorkspacePath(tempDir()));
    // a1 changes potential in unit A; a2 moves from unit B (1,0) to unit D (1,1); n1 and n2 are new.
    const csv = 'id,name,lat,lon,potential\na1,One,0,0,15\na2,Two,1,1,25\nn1,New one,1,1,7\nn2,New two,0,1,9\n';
    const res = await runImport(ws, job, bytes(csv));
    if (!res.ok) throw new Error(res.error.message);
    expect(res.value).toMatchObject({ added: 2, updated: 2 });
    const p = potentials(ws);
    expect(p.summed).toEqual([75, 9, 30, 572]);
    expect(p.stored).toEqual(p.summed);
    ws.close();
  });

  it('are recomputed from the table when accounts were added meanwhile by someone else', async () => {
    const ws = Workspace.open(tinyWorkspacePath(tempDir()));
    const csv = 'id,name,lat,lon,potential\nn1,New one,1,1,7\nn2,New two,0,1,9\n';
    const res = await runImport(ws, job, bytes(csv, () => {
      ws.db.prepare("INSERT INTO accounts (idx, id, name, x, y, unit_idx, industry, segment, employees, revenue, potential, workload, owner, placement) VALUES (100, 'x1', 'Other', 0, 0, 0, '', 'SMB', 1, 1, 1000, 1, '', 'exact')").run();
    }));
    if (!res.ok) throw new Error(res.error.message);
    const p = potentials(ws);
    expect(p.summed[0]).toBe(1070);
    expect(p.stored).toEqual(p.summed);
    ws.close();
  });

  it('stay as they were when every record is unchanged', async () => {
    const ws = Workspace.open(tinyWorkspacePath(tempDir()));
    const before = potentials(ws).stored;
    const res = await runImport(ws, job, bytes('id,name,lat,lon,potential\na1,One,0,0,10\n'));
    if (!res.ok) throw new Error(res.error.message);
    expect(res.value).toMatchObject({ unchanged: 1 });
    expect(potentials(ws).stored).toEqual(before);
    ws.close();
  });
});
