import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../../../shared/domain/import/csv-reader';
import { buildGazetteer } from '../../../../shared/domain/import/geocode';
import { ImportRun } from '../../../../shared/domain/import/import-run';
import { officeText, parseOffice } from '../../../../shared/domain/import/office';
import { autoMap } from '../../../../shared/domain/import/presets';
import type { ImportRecord } from '../../../../shared/domain/import/records';
import type { ColumnMapping } from '../../../../shared/domain/import/types';
import { createUnitLocator } from '../../../../shared/domain/import/unit-locator';
import { matchableReps, surplusReps } from '../../../../shared/domain/balance/rep-profiles';
import type { Rep } from '../../../../shared/domain/dataset/types';
import type { RepId } from '../../../../shared/domain/ids';

const gazetteer = buildGazetteer({
  zips: { '60601': { latitude: 41.88, longitude: -87.62 } },
  cities: [['IL', 'CHICAGO', -87.68, 41.84], ['TX', 'DALLAS', -96.8, 32.78], ['NY', 'BUFFALO', -78.86, 42.89]],
  counties: [['17031', 'Cook', '17', -87.8, 41.8, 5_000_000], ['48113', 'Dallas', '48', -96.8, 32.8, 2_600_000], ['36029', 'Erie', '36', -78.7, 42.8, 950_000]],
});
// One unit covering the lower 48 roughly: every US place above lands in it.
const locator = createUnitLocator({ kind: 'custom', ids: ['US'], x: [-95], y: [38], polygons: [[[[[-125, 24], [-66, 24], [-66, 50], [-125, 50], [-125, 24]]]]] });

function importReps(csv: string, mapping: ColumnMapping) {
  const store = new Map<string, ImportRecord>();
  const r = new ImportRun({ kind: 'reps', headerRow: 0, mapping, store: { get: (id) => store.get(id), put: (rec) => store.set(String(rec.id), rec) }, deps: { gazetteer, locator, resolveRep: null } });
  for (const row of parseCsvText(csv, ',')) r.push(row);
  const res = r.finish();
  if (!res.ok) throw new Error(res.error.message);
  return { summary: res.value, store };
}

describe('rep offices', () => {
  it('reads an office written as "City, ST", "City ST", "City, State name", with an office suffix, or a state alone', () => {
    expect(parseOffice('Chicago, IL')).toEqual({ city: 'Chicago', state: 'IL' });
    expect(parseOffice('Milwaukee WI')).toEqual({ city: 'Milwaukee', state: 'WI' });
    expect(parseOffice('Buffalo New York')).toEqual({ city: 'Buffalo', state: 'NY' });
    expect(parseOffice('Atlanta, Georgia')).toEqual({ city: 'Atlanta', state: 'GA' });
    expect(parseOffice('Dallas Regional Office, TX')).toEqual({ city: 'Dallas', state: 'TX' });
    expect(parseOffice('Illinois')).toEqual({ city: '', state: 'IL' });
    expect(parseOffice('Springfield')).toEqual({ city: 'Springfield', state: '' });
    expect(parseOffice('Springfield', 'MO')).toEqual({ city: 'Springfield', state: 'MO' });
    expect(officeText('Springfield', 'MO')).toBe('Springfield, MO');
    expect(officeText('Chicago, IL', 'WI')).toBe('Chicago, IL');
  });

  it('maps manager, team, region and office headers of a reps file (Region is the sales region, not the state)', () => {
    const headers = ['Rep ID', 'Rep Name', 'Email', 'Manager', 'Team', 'Region', 'Regional Office', 'Office State'];
    expect(autoMap('reps', headers).mapping).toEqual({ id: 'Rep ID', name: 'Rep Name', email: 'Email', manager: 'Manager', team: 'Team', region: 'Region', office: 'Regional Office', office_state: 'Office State' });
    // Accounts have no sales region: there a Region column still reads as the state.
    expect(autoMap('accounts', ['Account Id', 'Region']).mapping.state).toBe('Region');
  });

  it('places a rep without an address at the office city (or state), and names every rep it could not place with the reason', () => {
    const m = { id: 'id', name: 'name', manager: 'manager', team: 'team', region: 'region', office: 'office', office_state: 'office_state', zip: 'zip' };
    const { summary, store } = importReps(
      'id,name,manager,team,region,office,office_state,zip\n' +
        'r1,Dana,Morgan Lee,Great Lakes,Central,"Chicago, IL",,\n' +
        'r2,Sam,Avery Stone,Gulf,South,Dallas Regional Office,TX,\n' +
        'r3,Alex,Jordan Blake,Northeast,Northeast,NY,,\n' +
        'r4,Home,Jordan Blake,Northeast,Northeast,"Dallas, TX",,60601\n' +
        'r5,Robin,Jordan Blake,Northeast,Northeast,,,\n' +
        'r6,Casey,Morgan Lee,Great Lakes,Central,Springfield,,\n' +
        'r7,Marisol,Avery Stone,Caribbean,South,"San Juan, PR",,\n',
      m,
    );
    expect(store.get('r1')).toMatchObject({ manager: 'Morgan Lee', team: 'Great Lakes', region: 'Central', office: 'Chicago, IL', x: -87.68, y: 41.84, placement: 'city', unit: 0 });
    expect(store.get('r2')).toMatchObject({ office: 'Dallas Regional Office, TX', x: -96.8, placement: 'city', unit: 0 });
    expect(store.get('r3')).toMatchObject({ placement: 'state', unit: 0 });
    // A home address wins over the office.
    expect(store.get('r4')).toMatchObject({ x: -87.62, placement: 'zip' });
    expect(summary.issues.filter((i) => i.code === 'office-placement').map((i) => i.line)).toEqual([2, 3, 4]);
    expect(summary.issues[0]!.reason).toBe('no home address: placed at the office, Chicago, IL');
    expect(summary.unplaced).toEqual([
      { line: 6, id: 'r5', name: 'Robin', reason: 'no home address and no office city or state' },
      { line: 7, id: 'r6', name: 'Casey', reason: 'no home address, and the office "Springfield" names no US state' },
      { line: 8, id: 'r7', name: 'Marisol', reason: 'no home address, and the office "San Juan, PR": Puerto Rico is outside the workspace\'s geography' },
    ]);
    expect(store.get('r5')).toMatchObject({ placement: 'none', unit: -1 });
  });
});

describe('match reps: who is left out and why', () => {
  const rep = (id: string, name: string, placement: Rep['placement']): Rep => ({ id: id as RepId, name, homeUnitId: null, homeX: -90, homeY: 40, seniority: 'mid', industries: [], languages: [], placement });

  it('leaves out reps without a home location, naming each with the reason, and keeps the rest', () => {
    const { reps, skipped } = matchableReps([rep('a', 'Ann', 'city'), rep('b', 'Bo', 'none'), rep('c', 'Cy', undefined)]);
    expect(reps.map((r) => r.id)).toEqual(['a', 'c']);
    expect(skipped).toEqual([{ id: 'b', name: 'Bo', reason: expect.stringMatching(/^no home location: the import found no address or office/) }]);
  });

  it('names the reps left over when there are more reps than territories', () => {
    const reps = [rep('a', 'Ann', 'city'), rep('b', 'Bo', 'city'), rep('c', 'Cy', 'city')];
    expect(surplusReps(['c'], reps, 3, 2)).toEqual([{ id: 'c', name: 'Cy', reason: '3 reps for 2 territories with accounts: each territory went to a rep who fits it better' }]);
  });
});
