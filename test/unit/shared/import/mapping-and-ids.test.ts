import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../../../shared/domain/import/csv-reader';
import { generatedId, GeneratedIds, normaliseForId } from '../../../../shared/domain/import/generated-ids';
import { buildGazetteer } from '../../../../shared/domain/import/geocode';
import { ImportRun } from '../../../../shared/domain/import/import-run';
import { autoMap } from '../../../../shared/domain/import/presets';
import { unplacedReason } from '../../../../shared/domain/import/unplaced-reason';
import { importProblemsCsv } from '../../../../shared/domain/import/report-csv';
import type { ImportRecord } from '../../../../shared/domain/import/records';
import type { ColumnMapping } from '../../../../shared/domain/import/types';

describe('header mapping a sales-ops person expects', () => {
  it('maps the CMS Hospital General Information headers (old and new names)', () => {
    const old = autoMap('accounts', ['Provider ID', 'Hospital Name', 'Address', 'City', 'State', 'ZIP Code', 'County Name', 'Phone Number', 'Hospital Type', 'Hospital Ownership', 'Emergency Services']);
    expect(old.mapping).toEqual({ id: 'Provider ID', name: 'Hospital Name', street: 'Address', city: 'City', state: 'State', zip: 'ZIP Code', county: 'County Name', segment: 'Hospital Type' });
    const now = autoMap('accounts', ['Facility ID', 'Facility Name', 'Address', 'City/Town', 'State', 'ZIP Code', 'County/Parish', 'Telephone Number', 'Hospital Type']);
    expect(now.mapping).toEqual({ id: 'Facility ID', name: 'Facility Name', street: 'Address', city: 'City/Town', state: 'State', zip: 'ZIP Code', county: 'County/Parish', segment: 'Hospital Type' });
  });

  it.each([
    [['Account Number', 'Company', 'Phone Number'], { id: 'Account Number', name: 'Company' }],
    [['Customer #', 'Account Name', 'Fax #'], { id: 'Customer #', name: 'Account Name' }],
    [['Acct No', 'Facility Name', 'County Code'], { id: 'Acct No', name: 'Facility Name' }],
    [['CCN', 'Hospital Name', 'County Name'], { id: 'CCN', name: 'Hospital Name', county: 'County Name' }],
    [['Customer ID', 'Customer Name', 'Owner Name', 'Zip Code'], { id: 'Customer ID', name: 'Customer Name', zip: 'Zip Code' }],
  ])('maps %j', (headers, expected) => {
    expect(autoMap('accounts', headers).mapping).toMatchObject(expected);
  });

  it('does not take phone numbers, ZIP codes or contact names for the id or the name', () => {
    const { mapping } = autoMap('accounts', ['Phone Number', 'ZIP Code', 'Contact Name', 'County Name', 'Street']);
    expect(mapping.id).toBeUndefined();
    expect(mapping.name).toBeUndefined();
    expect(mapping.county).toBe('County Name');
  });

  it('keeps preset matches first and never maps a header twice', () => {
    expect(autoMap('accounts', ['Id', 'Name', 'BillingCity', 'Account Number', 'OwnerId']).mapping).toMatchObject({ id: 'Id', name: 'Name' });
    const leads = autoMap('leads', ['Lead ID', 'Full Name', 'Company']).mapping;
    expect(leads).toMatchObject({ id: 'Lead ID', name: 'Full Name', company: 'Company' });
  });
});

describe('generated ids', () => {
  it('are the same for the same name and address however it is written', () => {
    expect(normaliseForId("  St. Mary's  Médical Ctr ")).toBe('st marys medical ctr');
    const a = generatedId({ name: "St. Mary's Hospital", street: '1 Main St', city: 'Springfield', state: 'IL', zip: '62701' });
    const b = generatedId({ name: 'ST MARYS HOSPITAL', street: '1 main st.', city: 'springfield', state: 'il', zip: '62701' });
    expect(a).toMatch(/^gen-[0-9a-z]{11}$/);
    expect(b).toBe(a);
  });

  it('differ when the name or the address differs', () => {
    const base = { name: 'Mercy Hospital', street: '1 Main St', city: 'Springfield', state: 'IL', zip: '62701' };
    const ids = new Set([
      generatedId(base),
      generatedId({ ...base, name: 'Mercy Hospital East' }),
      generatedId({ ...base, city: 'Springfield', state: 'MO', zip: '65801' }),
      generatedId({ ...base, street: '2 Main St' }),
      // Fields are separated, so moving text between them changes the id.
      generatedId({ ...base, name: 'Mercy Hospital 1', street: 'Main St' }),
    ]);
    expect(ids.size).toBe(5);
    expect(generatedId({ name: ' ', street: '' })).toBeNull();
  });

  it('make repeats unique in file order', () => {
    const g = new GeneratedIds();
    expect([g.next('gen-a'), g.next('gen-b'), g.next('gen-a'), g.next('gen-a')]).toEqual([
      { id: 'gen-a', earlier: 0 }, { id: 'gen-b', earlier: 0 }, { id: 'gen-a-2', earlier: 1 }, { id: 'gen-a-3', earlier: 2 },
    ]);
  });
});

const gazetteer = buildGazetteer({ zips: { '62701': { latitude: 39.8, longitude: -89.65 } }, cities: [], counties: [] });

function run(csv: string, mapping: ColumnMapping, store: Map<string, ImportRecord>, generateIds = true) {
  const r = new ImportRun({
    kind: 'accounts', headerRow: 0, mapping, generateIds,
    store: { get: (id) => store.get(id), put: (rec) => store.set(String(rec.id), rec) },
    deps: { gazetteer, locator: null, resolveRep: () => null },
  });
  for (const row of parseCsvText(csv, ',')) r.push(row);
  return r.finish();
}

describe('import run with generated ids', () => {
  const csv = 'Hospital Name,Address,City,State,ZIP Code\n' +
    'Mercy Hospital,1 Main St,Springfield,IL,62701\n' +
    'Memorial Clinic,9 Oak Ave,Springfield,IL,62701\n' +
    'Mercy Hospital,1 Main St,Springfield,IL,62701\n' +
    ',,,,\n';
  const mapping = autoMap('accounts', parseCsvText(csv, ',')[0]!).mapping;

  it('imports a file without an id column, reports repeats and rows it cannot name', () => {
    expect(mapping.id).toBeUndefined();
    const store = new Map<string, ImportRecord>();
    const res = run(csv, mapping, store);
    if (!res.ok) throw new Error(res.error.message);
    expect(res.value).toMatchObject({ rows: 4, imported: 3, added: 3, rejected: 1 });
    const ids = [...store.keys()];
    expect(ids[2]).toBe(`${ids[0]}-2`);
    expect(res.value.issues.map((i) => [i.line, i.action, i.reason])).toEqual([
      [4, 'kept', `"Mercy Hospital" has the same name and address as an earlier row; given the id ${ids[0]}-2`],
      [5, 'rejected', 'no name and no address to generate an id from'],
    ]);
  });

  it('gives the same ids on a re-import, which then changes nothing', () => {
    const store = new Map<string, ImportRecord>();
    run(csv, mapping, store);
    const first = [...store.keys()];
    const again = run(csv, mapping, store);
    if (!again.ok) throw new Error(again.error.message);
    expect([...store.keys()]).toEqual(first);
    expect(again.value).toMatchObject({ added: 0, unchanged: 3 });
  });

  it('says what to do when there is no id column and ids are not generated, and refuses both at once', () => {
    const none = run(csv, mapping, new Map(), false);
    expect(!none.ok && none.error.message).toMatch(/generate ids from name and address/);
    const both = run(csv, { ...mapping, id: 'Hospital Name' }, new Map(), true);
    expect(!both.ok && both.error.message).toMatch(/mapped to "Hospital Name" and ids were also to be generated/);
  });
});

describe('why a record is not placed, in plain words', () => {
  it('names US territories by the state cell or the ZIP prefix', () => {
    expect(unplacedReason({ zip: '00733', city: 'Ponce', state: 'PR' }, 'zip')).toBe("ZIP 00733 (Puerto Rico) is outside the workspace's geography");
    expect(unplacedReason({ zip: '00733' }, 'none')).toBe("ZIP 00733 (Puerto Rico) is outside the workspace's geography");
    expect(unplacedReason({ zip: '00802' }, 'none')).toBe("ZIP 00802 (US Virgin Islands) is outside the workspace's geography");
    expect(unplacedReason({ state: 'Guam' }, 'none')).toBe("Guam is outside the workspace's geography");
  });

  it('names the place it was put at, or the address parts nobody knows', () => {
    expect(unplacedReason({ country: 'Canada', city: 'Toronto' }, 'none')).toBe('country "Canada" is outside the workspace\'s geography (only US addresses are placed)');
    expect(unplacedReason({ zip: '02114' }, 'zip')).toBe("ZIP 02114 is outside the workspace's geography");
    expect(unplacedReason({ city: 'Austin', state: 'Texas' }, 'city')).toBe("Austin, TX is outside the workspace's geography");
    expect(unplacedReason({ zip: '99999', city: 'Nowhere', state: 'Atlantis' }, 'none')).toBe('ZIP 99999 is not a known US ZIP; Nowhere, Atlantis is not a known city; "Atlantis" is not a US state; no coordinates');
    expect(unplacedReason({}, 'none')).toBe('no address and no coordinates');
  });
});

describe('import problems as CSV', () => {
  it('lists every issue and unplaced record in line order with its name, through the one CSV writer', () => {
    const csv = importProblemsCsv({
      issues: [
        { line: 12, column: null, code: 'outside-geography', action: 'kept', reason: "ZIP 00733 (Puerto Rico) is outside the workspace's geography" },
        { line: 3, column: 'Employees', code: 'bad-number', action: 'repaired', reason: '"lots" is not a number; read as 0' },
        { line: 13, column: null, code: 'missing-id', action: 'rejected', reason: 'no name and no address to generate an id from' },
      ],
      unplaced: [
        { line: 12, id: '400013', name: 'HOSPITAL DE DAMAS', reason: "ZIP 00733 (Puerto Rico) is outside the workspace's geography" },
        { line: 20, id: 'x', name: '=cmd', reason: 'no address and no coordinates' },
      ],
    });
    expect(csv.split('\r\n')).toEqual([
      'line,id,name,action,column,reason',
      '3,,,repaired,Employees,"""lots"" is not a number; read as 0"',
      "12,400013,HOSPITAL DE DAMAS,kept,,ZIP 00733 (Puerto Rico) is outside the workspace's geography",
      '13,,,rejected,,no name and no address to generate an id from',
      "20,x,'=cmd,kept,,no address and no coordinates",
      '',
    ]);
  });
});
