import { describe, expect, it } from 'vitest';
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
    const { leads, rejected } = readLeadRows([['a', '2101', 'Texas', '1,200', '$5,000'], ['', '1', '', '', ''], ['a', '', '', '', ''], ['', '', '', '', '']], m.columns);
    expect(leads.map((l) => l.lead)).toEqual([expect.objectContaining({ id: 'a', zip: '02101', state: 'TX', employees: 1200, revenue: 5000 })]);
    expect(rejected).toEqual([{ line: 3, reason: 'no lead id' }, { line: 4, reason: 'duplicate lead id a' }]);
  });

  it('writes routed.csv with the input columns, routing columns, and formula-leading cells neutralised', () => {
    const routed: RoutedLead = { leadId: 'a', ruleId: 'r', ruleName: 'R', assignee: { kind: 'rep', territoryId: null, repId: 'R1', queue: null }, checks: [], skipped: [], reason: 'x, y' };
    const csv = routedCsv(['id', 'company'], [['a', '=cmd()']], new Map([[2, routed]]));
    expect(csv.split('\r\n')[0]).toBe('id,company,routed_rule_id,routed_rule,routed_to,routed_territory,routed_rep,routed_queue,routed_reason');
    expect(csv.split('\r\n')[1]).toBe("a,'=cmd(),r,R,rep,,R1,,\"x, y\"");
  });
});
