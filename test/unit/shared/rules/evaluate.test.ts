import { describe, expect, it } from 'vitest';
import { routeLeads } from '../../../../shared/domain/rules/evaluate';
import { ruleSetProblems, ruleSetSchema } from '../../../../shared/domain/rules/schema';
import { ctx, lead, rule, ruleSet } from './fixtures';

describe('routeLeads', () => {
  it('routes each lead by the first matching rule and explains every condition', () => {
    const rs = ruleSet([
      rule('tx-health', { states: ['TX'], industries: ['health care'] }, { kind: 'territory', territoryId: 'T1' }),
      rule('tx', { states: ['TX'] }),
    ]);
    const { routed } = routeLeads(rs, [lead({ id: 'a', state: 'TX', industry: 'Health Care' }), lead({ id: 'b', state: 'TX', industry: 'Retail' })], ctx);
    expect(routed[0]!.ruleId).toBe('tx-health');
    expect(routed[0]!.assignee).toEqual({ kind: 'territory', territoryId: 'T1', repId: 'R1', queue: null });
    expect(routed[0]!.checks.map((c) => c.detail)).toEqual(['state TX in [TX]', 'industry Health Care in [health care]']);
    expect(routed[1]!.ruleId).toBe('tx');
    expect(routed[1]!.skipped).toEqual([{ ruleId: 'tx-health', detail: 'industry Retail not in [health care]' }]);
  });

  it('sends leads no rule takes to the fallback queue, skipping disabled rules', () => {
    const rs = ruleSet([rule('off', {}, undefined, false), rule('ca', { states: ['CA'] })]);
    const { routed } = routeLeads(rs, [lead({ state: 'NV' })], ctx);
    expect(routed[0]!.ruleId).toBeNull();
    expect(routed[0]!.assignee.queue).toBe('fallback');
    expect(routed[0]!.reason).toMatch(/No rule matched/);
  });

  it('matches ZIP prefixes, employee bands (max exclusive) and blank values never match a list', () => {
    const rs = ruleSet([rule('zip', { zips: ['752*', '10001'] }), rule('band', { employees: { min: 100, max: 500 } })]);
    const { routed } = routeLeads(rs, [lead({ zip: '75201' }), lead({ zip: '10002', employees: 499 }), lead({ employees: 500 }), lead({ employees: null })], ctx);
    expect(routed.map((r) => r.ruleId)).toEqual(['zip', 'band', null, null]);
    expect(routed[2]!.skipped[1]!.detail).toBe('employees 500 not in [100, 500)');
  });

  it('matches named-account lists by account id or company name, case-insensitively', () => {
    const rs = ruleSet([rule('named', { accountLists: ['Key'] }, { kind: 'rep', repId: 'R9' })], { Key: ['ACME Corp', 'A-7'] });
    const { routed } = routeLeads(rs, [lead({ company: 'acme corp' }), lead({ accountId: 'a-7' }), lead({ company: 'Other' })], ctx);
    expect(routed.map((r) => r.assignee.repId)).toEqual(['R9', 'R9', null]);
    expect(routed[0]!.reason).toContain('on list Key');
  });

  it('uses the territory the lead falls in for geography conditions and geo-territory actions', () => {
    const rs = ruleSet([rule('geo', { territories: ['T1', 'T2'] }, { kind: 'geo-territory' }), rule('rest', {}, { kind: 'geo-territory' })]);
    const { routed } = routeLeads(rs, [lead({ territoryId: 'T2' }), lead({ territoryId: null })], ctx);
    expect(routed[0]!.assignee).toMatchObject({ kind: 'territory', territoryId: 'T2', repId: null });
    expect(routed[1]!.ruleId).toBe('rest');
    expect(routed[1]!.assignee.queue).toBe('fallback');
  });

  it('explains routing with territory and rep names when the context has them', () => {
    const names = { territories: { T1: 'Texas Central', T2: 'Gulf Coast' }, reps: { A: 'Dana Kim', B: 'Lee Park' } };
    const rs = ruleSet([
      rule('geo', { territories: ['T1', 'T2'] }, { kind: 'territory', territoryId: 'T1' }),
      rule('rr', {}, { kind: 'round-robin', team: 'SDR', repIds: ['A', 'B'] }),
    ]);
    const { routed } = routeLeads(rs, [lead({ territoryId: 'T2' }), lead({ territoryId: null })], { ...ctx, names });
    expect(routed[0]!.reason).toContain('territory Gulf Coast in [Texas Central, Gulf Coast]');
    expect(routed[0]!.reason).toContain('→ territory Texas Central');
    expect(routed[1]!.reason).toContain('round-robin turn 1 → Dana Kim');
    expect(routed[1]!.skipped[0]!.detail).toContain('not in [Texas Central, Gulf Coast]');
    for (const r of routed) expect(r.reason).not.toMatch(/\b(T1|T2|A|B)\b/);
  });

  it('round-robins deterministically and continues from the saved cursor without changing the input state', () => {
    const rs = ruleSet([rule('rr', {}, { kind: 'round-robin', team: 'SDR', repIds: ['A', 'B', 'C'] })]);
    const leads = [1, 2, 3, 4].map((i) => lead({ id: `L${i}` }));
    const first = routeLeads(rs, leads, ctx);
    expect(first.routed.map((r) => r.assignee.repId)).toEqual(['A', 'B', 'C', 'A']);
    const before = { ...first.state };
    const second = routeLeads(rs, leads.slice(0, 2), ctx, first.state);
    expect(second.routed.map((r) => r.assignee.repId)).toEqual(['B', 'C']);
    expect(first.state).toEqual(before);
    expect(routeLeads(rs, leads.slice(0, 2), ctx, first.state).routed.map((r) => r.assignee.repId)).toEqual(['B', 'C']);
  });

  it('counts how many leads each rule matched and which earlier rules took them', () => {
    const rs = ruleSet([rule('all', {}), rule('tx', { states: ['TX'] })]);
    const { stats } = routeLeads(rs, [lead({ state: 'TX' }), lead({ state: 'CA' })], ctx);
    expect(Array.from(stats.matched)).toEqual([2, 1]);
    expect([...stats.takenBy.get('tx')!]).toEqual(['all']);
  });
});

describe('rule set validation', () => {
  it('rejects malformed ZIPs and inverted bands, and reports unknown references', () => {
    const bad = ruleSet([rule('x', { zips: ['7520'], employees: { min: 5, max: 1 } })]);
    const parsed = ruleSetSchema.safeParse(bad);
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => i.message).join()).toMatch(/ZIP must be 5 digits/);
    const problems = ruleSetProblems(
      ruleSet([rule('a', { accountLists: ['Nope'], territories: ['T9'] }, { kind: 'rep', repId: 'R0' }), rule('a', {})]),
      { territories: new Set(['T1']), reps: new Set(['R1']) },
    );
    expect(problems).toEqual([
      'Rule 1 (a): unknown account list "Nope"',
      'Rule 1 (a): unknown territory T9',
      'Rule 1 (a): action names unknown rep R0',
      'Rule 2 (a): duplicate rule id a',
    ]);
  });
});
