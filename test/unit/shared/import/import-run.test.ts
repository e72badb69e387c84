import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../../../shared/domain/import/csv-reader';
import { buildGazetteer } from '../../../../shared/domain/import/geocode';
import { ImportRun } from '../../../../shared/domain/import/import-run';
import { emptyRecord, RECORD_KEYS, type ImportRecord } from '../../../../shared/domain/import/records';
import type { ColumnMapping, ImportKind } from '../../../../shared/domain/import/types';
import { createUnitLocator } from '../../../../shared/domain/import/unit-locator';

const gazetteer = buildGazetteer({
  zips: { '02101': { latitude: 42.37, longitude: -71.03 }, '10001': { latitude: 40.75, longitude: -73.99 } },
  cities: [['TX', 'AUSTIN', -97.74, 30.27]],
  counties: [['17031', 'Cook', '17', -87.8, 41.8, 5_000_000], ['48453', 'Travis', '48', -97.7, 30.3, 1_000_000]],
});
// Two square units: West covers x in [-100, -80], East [-80, -60], both y in [25, 50].
const square = (x0: number, x1: number) => [[[[x0, 25], [x1, 25], [x1, 50], [x0, 50], [x0, 25]]]];
const locator = createUnitLocator({ kind: 'custom', ids: ['W', 'E'], x: [-90, -70], y: [37, 37], polygons: [square(-100, -80), square(-80, -60)] });

function run(kind: ImportKind, csv: string, mapping: ColumnMapping, store = new Map<string, ImportRecord>(), reps = ['r1']) {
  const r = new ImportRun({
    kind, headerRow: 0, mapping, store: { get: (id) => store.get(id), put: (rec) => store.set(String(rec.id), rec) },
    deps: { gazetteer, locator, resolveRep: (o) => (reps.includes(o) ? o : null) },
  });
  for (const row of parseCsvText(csv, ',')) r.push(row);
  const res = r.finish();
  if (!res.ok) throw new Error(res.error.message);
  return { summary: res.value, store };
}

const M = { id: 'id', name: 'name', zip: 'zip', city: 'city', state: 'state', county: 'county', lat: 'lat', lon: 'lon', employees: 'employees', owner: 'owner' };
const HEAD = 'id,name,zip,city,state,county,lat,lon,employees,owner\n';

describe('import run', () => {
  it('places by coordinates, ZIP, city, county, state, and keeps the unplaceable', () => {
    const { summary, store } = run('accounts', HEAD +
      'a1,Exact,,,,,40,-75,10,r1\n' +
      'a2,Zip,02101,,,,,,10,\n' +
      'a3,City,99999,Austin,TX,,,,10,\n' +
      'a4,County,,,IL,Cook County,,,10,\n' +
      'a5,State,,Nowhere,Texas,,,,10,\n' +
      'a6,Lost,,,,,,,10,\n', M);
    expect(store.get('a1')).toMatchObject({ x: -75, y: 40, placement: 'exact', unit: 1 });
    expect(store.get('a2')).toMatchObject({ x: -71.03, placement: 'zip', unit: 1 });
    expect(store.get('a3')).toMatchObject({ x: -97.74, placement: 'city', unit: 0 });
    expect(store.get('a4')).toMatchObject({ x: -87.8, placement: 'county', unit: 0 });
    expect(store.get('a5')).toMatchObject({ placement: 'state', unit: 0 });
    expect(store.get('a6')).toMatchObject({ placement: 'none', unit: -1 });
    expect(summary.placement).toEqual({ exact: 1, zip: 1, city: 1, county: 1, state: 1, none: 1 });
    expect(summary.imported).toBe(6);
    expect(summary.unplaced).toEqual([{ line: 7, id: 'a6', name: 'Lost', reason: expect.stringMatching(/no coordinates/) }]);
  });

  it('reports every rejected and repaired row with line, column and reason, keeping the valid ones', () => {
    const { summary, store } = run('accounts', HEAD +
      ',No id,02101,,,,,,1,\n' +
      'b1,Bad number,02101,,,,,,lots,\n' +
      'b2,Bad lat,02101,,,,95,-71,1,\n' +
      'b3,Unknown rep,02101,,,,,,1,nobody\n' +
      'b1,Duplicate,02101,,,,,,1,\n' +
      '"b4","Multi\nline name",02101,,,,,,1,\n' +
      'b5,Extra,02101,,,,,,1,r1,surplus\n', M);
    expect(summary.rejected).toBe(3);
    expect(summary.imported).toBe(4);
    expect(store.get('b2')).toMatchObject({ placement: 'zip' });
    expect(store.get('b3')).toMatchObject({ owner: '' });
    const brief = summary.issues.map((i) => [i.line, i.column, i.code, i.action]);
    expect(brief).toEqual([
      [2, 'id', 'missing-id', 'rejected'],
      [3, 'employees', 'bad-number', 'repaired'],
      [4, 'lat', 'coordinates-out-of-range', 'repaired'],
      [5, 'owner', 'unknown-rep', 'repaired'],
      [6, 'id', 'duplicate-id', 'rejected'],
      // The multi-line row starts on line 7 and takes two lines, so the next row is on line 9.
      [9, null, 'too-many-fields', 'rejected'],
    ]);
    expect(summary.issues[1]!.reason).toMatch(/"lots" is not a number; read as 0/);
    // Each listed row names its record as the file does: its name, so a person can find it.
    expect(summary.issues.map((i) => i.record)).toEqual(['No id', 'Bad number', 'Bad lat', 'Unknown rep', 'Duplicate', 'Extra']);
  });

  it('names a rejected record by its id when it has no name, and leaves the name out when it has neither', () => {
    const { summary } = run('accounts', HEAD + 'd1,,02101,,,,,,1,r1,surplus\n,,02101,,,,,,1,\n', M);
    expect(summary.issues.map((i) => [i.line, i.code, i.record])).toEqual([[2, 'too-many-fields', 'd1'], [3, 'missing-id', undefined]]);
  });

  it('updates records by id on re-import, keeps unmapped fields and counts changes per field', () => {
    const first = run('accounts', HEAD + 'c1,One,02101,,,,,,10,r1\nc2,Two,10001,,,,,,20,r1\n', M);
    const again = run('accounts', 'id,employees,extra\nc1,10,x\nc2,600,y\nc3,5,z\n', { id: 'id', employees: 'employees' }, first.store);
    expect(again.summary).toMatchObject({ added: 1, updated: 1, unchanged: 1 });
    expect(again.summary.fieldChanges).toEqual({ employees: 1, segment: 1, workload: 1 });
    expect(again.store.get('c2')).toMatchObject({ name: 'Two', zip: '10001', employees: 600, segment: 'Enterprise', placement: 'zip' });
  });

  it('fails clearly when the mapping names columns the file lacks, or maps no id', () => {
    const r = new ImportRun({ kind: 'reps', headerRow: 0, mapping: { id: 'RepId' }, store: { get: () => undefined, put: () => {} }, deps: { gazetteer, locator: null, resolveRep: null } });
    r.push(['Id', 'Name']);
    expect(r.finish()).toMatchObject({ ok: false, error: { code: 'bad-mapping', message: expect.stringMatching(/id -> "RepId"/) } });
    const empty = new ImportRun({ kind: 'reps', headerRow: 0, mapping: {}, store: { get: () => undefined, put: () => {} }, deps: { gazetteer, locator: null, resolveRep: null } });
    expect(empty.finish()).toMatchObject({ ok: false, error: { code: 'empty' } });
  });

  it('rejects a 100,000-field data row without slowing the rest', () => {
    const wide = `w1,${Array.from({ length: 100_000 }, (_, i) => i).join(',')}`;
    const { summary, store } = run('accounts', `id,name\n${wide}\nw2,Fine\n`, { id: 'id', name: 'name' });
    expect(summary.issues.filter((i) => i.action === 'rejected')).toEqual([expect.objectContaining({ line: 2, code: 'too-many-fields', action: 'rejected', reason: expect.stringMatching(/100001 fields, the header has 2/) })]);
    expect([...store.keys()]).toEqual(['w2']);
  });

  it('caps the listed issues but counts them all', () => {
    const rows = Array.from({ length: 50 }, (_, i) => `,x${i}`).join('\n');
    const r = new ImportRun({ kind: 'leads', headerRow: 0, mapping: { id: 'id', name: 'name' }, listCap: 10, store: { get: () => undefined, put: () => {} }, deps: { gazetteer, locator: null, resolveRep: null } });
    for (const row of parseCsvText(`id,name\n${rows}\n`, ',')) r.push(row);
    const s = r.finish();
    expect(s.ok && [s.value.rejected, s.value.issues.length, s.value.issuesOmitted]).toEqual([50, 10, 40]);
  });
});

describe('unit locator', () => {
  it('finds units by polygon, by code, and snaps points just outside to the nearest unit', () => {
    expect(locator.locate(-85, 30)).toBe(0);
    expect(locator.locate(-65, 49)).toBe(1);
    expect(locator.locate(-59.9, 37)).toBe(1);
    expect(locator.locate(0, 0)).toBe(-1);
    const zips = createUnitLocator({ kind: 'zip', ids: ['02101', '10001'], x: [-71, -74], y: [42, 40.7] });
    expect(zips.locate(NaN, NaN, { zip: '10001' })).toBe(1);
    expect(zips.locate(-71.1, 42.1)).toBe(0);
  });

  it('handles polygon holes (even-odd)', () => {
    const donut = [[[[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]], [[4, 4], [6, 4], [6, 6], [4, 6], [4, 4]]]];
    const hole = [[[[4, 4], [6, 4], [6, 6], [4, 6], [4, 4]]]];
    const l = createUnitLocator({ kind: 'custom', ids: ['ring', 'hole'], x: [1, 5], y: [1, 5], polygons: [donut, hole] });
    expect(l.locate(5, 5)).toBe(1);
    expect(l.locate(2, 2)).toBe(0);
  });
});

describe('decimal marks', () => {
  const NUM = { id: 'id', employees: 'employees', potential: 'potential' };
  const num = (csv: string) => {
    const r = new ImportRun({
      kind: 'accounts', headerRow: 0, mapping: NUM, store: { get: () => undefined, put: (rec) => out.set(String(rec.id), rec) },
      deps: { gazetteer, locator: null, resolveRep: null },
    });
    const out = new Map<string, ImportRecord>();
    for (const row of parseCsvText(csv, ';')) r.push(row);
    const res = r.finish();
    if (!res.ok) throw new Error(res.error.message);
    const s = { ...res.value, issues: res.value.issues.filter((i) => i.code !== 'unplaced') };
    return { s, v: (id: string, k: string) => out.get(id)?.[k] };
  };

  it('holds a row with "2.000" back until a later number shows the decimal comma, keeping the order of rows', () => {
    const { s, v } = num('id;employees;potential\na;2.000;1\nb;3.500;2\nc;4;1.234,56\n');
    expect([v('a', 'employees'), v('b', 'employees'), v('c', 'potential')]).toEqual([2000, 3500, 1234.56]);
    expect(s).toMatchObject({ rows: 3, imported: 3, repaired: 0 });
  });

  it('reads "2,000" as 2000 once a number shows the decimal point', () => {
    const { s, v } = num('id;employees;potential\na;2,000;1.5\n');
    expect(v('a', 'employees')).toBe(2000);
    expect(s.issues).toEqual([]);
  });

  it('reports every ambiguous number when the file never shows its decimal mark', () => {
    const { s, v } = num('id;employees;potential\na;2.000;\nb;12;3\nc;1,500;\n');
    expect([v('a', 'employees'), v('c', 'employees')]).toEqual([2, 1500]);
    expect(s.issues.map((i) => [i.line, i.code, i.reason])).toEqual([
      [2, 'ambiguous-number', expect.stringMatching(/^"2.000" could be 2 or 2000/)],
      [4, 'ambiguous-number', expect.stringMatching(/^"1,500" could be 1500 or 1.5/)],
    ]);
    expect(s.rows).toBe(s.imported + s.rejected);
  });
});

describe('records', () => {
  it('starts a new record of each kind with exactly its stored fields', () => {
    for (const kind of ['accounts', 'reps', 'leads'] as const) expect(Object.keys(emptyRecord(kind))).toEqual([...RECORD_KEYS[kind]]);
    expect(emptyRecord('reps')).toMatchObject({ seniority: 'mid', industries: '[]', unit: -1, placement: 'none', x: 0 });
  });
});
