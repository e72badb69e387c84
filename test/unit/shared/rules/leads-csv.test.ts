import { describe, expect, it } from 'vitest';
import { readCsvTable } from '../../../../shared/domain/import/csv-reader';
import { mapLeadHeaders, readLeadRows, routedCsv, zip5 } from '../../../../shared/domain/rules/leads-csv';
import type { RoutedLead } from '../../../../shared/domain/rules/types';

describe('leads CSV', () => {
  it('maps common header spellings and requires an id column', () => {
    const m = mapLeadHeaders(['Lead ID', 'Company Name', 'Postal Code', 'State', 'Number of Employees']);
    expect(m).toEqual({ ok: true, columns: { id: 0, company: 1, zip: 2, state: 3, employees: 4 } });
    expect(mapLeadHeaders(['name', 'zip'])).toMatchObject({ ok: false, message: expect.stringContaining('no id column') });
  });

  it('normalises ZIPs and states and reports rows without ids or with duplicate ids', () => {
    expect([zip5('75201-1234'), zip5('2101'), zip5('abc'), zip5('')]).toEqual(['75201', '02101', '', '']);
    const m = mapLeadHeaders(['id', 'zip', 'state', 'employees', 'revenue']);
    if (!m.ok) throw new Error(m.message);
    const rows = [['a', '2101', 'Texas', '1,200', '$5,000'], ['', '1', '', '', ''], ['a', '', '', '', ''], ['', '', '', '', '']].map((cells, i) => ({ cells, line: i + 2 }));
    const { leads, rejected } = readLeadRows(rows, m.columns);
    expect(leads.map((l) => l.lead)).toEqual([expect.objectContaining({ id: 'a', zip: '02101', state: 'TX', employees: 1200, revenue: 5000 })]);
    expect(rejected).toEqual([{ line: 3, reason: 'no lead id' }, { line: 4, reason: 'duplicate lead id a' }]);
  });

  it('writes routed.csv with the input columns, routing columns, and formula-leading cells neutralised', () => {
    const routed: RoutedLead = { leadId: 'a', ruleId: 'r', ruleName: 'R', assignee: { kind: 'rep', territoryId: null, repId: 'R1', queue: null }, checks: [], skipped: [], reason: 'x, y' };
    const csv = routedCsv(['id', 'company'], [{ cells: ['a', '=cmd()'], line: 2 }], new Map([[2, routed]]));
    expect(csv.split('\r\n')[0]).toBe('id,company,routed_rule_id,routed_rule,routed_to,routed_territory,routed_rep,routed_queue,routed_reason');
    expect(csv.split('\r\n')[1]).toBe("a,'=cmd(),r,R,rep,,R1,,\"x, y\"");
  });

  it('reads a leads file with the import reader: real line numbers across multi-line cells, and a stray quote refused', () => {
    const ok = readCsvTable('\uFEFFid;company;zip\na1;"Acme\nEast";2101\na2;Beta;75201\n');
    if (!ok.ok) throw new Error(ok.message);
    expect(ok.value.delimiter).toBe(';');
    const m = mapLeadHeaders(ok.value.headers);
    if (!m.ok) throw new Error(m.message);
    const { leads } = readLeadRows(ok.value.rows, m.columns);
    expect(leads.map((l) => [l.lead.id, l.lead.company, l.lead.zip, l.line])).toEqual([['a1', 'Acme\nEast', '02101', 2], ['a2', 'Beta', '75201', 4]]);
    const rows = Array.from({ length: 200 }, (_, i) => `b${i},Company ${i},75201`).join('\n');
    const bad = readCsvTable(`id,company,zip\na1,"Acme Big 5,75201\n${rows}\n`);
    expect(bad).toEqual({ ok: false, message: expect.stringMatching(/line 2/) });
  });
});
