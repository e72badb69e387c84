import { describe, expect, it } from 'vitest';
import { coverageReport, provenShadows } from '../../../../shared/domain/rules/coverage';
import { routeLeads } from '../../../../shared/domain/rules/evaluate';
import { ctx, lead, rule, ruleSet } from './fixtures';

describe('provenShadows', () => {
  it('proves a rule shadowed when an earlier rule is at most as restrictive on every condition', () => {
    const rs = ruleSet([
      rule('tx', { states: ['TX', 'OK'] }),
      rule('tx-health', { states: ['TX'], industries: ['Health Care'] }),
      rule('big', { employees: { min: 1000 } }),
      rule('huge', { employees: { min: 5000, max: 10000 } }),
      rule('zip3', { zips: ['750*'] }),
      rule('zip5', { zips: ['75001', '7501*'] }),
    ]);
    const found = provenShadows(rs);
    expect(found.map((f) => [f.ruleId, f.by])).toEqual([
      ['tx-health', ['tx']],
      ['huge', ['big']],
      ['zip5', ['zip3']],
    ]);
  });

  it('does not claim a shadow a lead can escape (narrower earlier rule, unconstrained later field, disabled rule)', () => {
    const rs = ruleSet([
      rule('tx-health', { states: ['TX'], industries: ['Health Care'] }),
      rule('tx', { states: ['TX'] }),
      rule('off', {}, undefined, false),
      rule('band', { employees: { min: 10 } }),
      rule('open', { employees: { max: 50 } }),
    ]);
    expect(provenShadows(rs)).toEqual([]);
  });

  it('proves a shadow by the union of earlier rules that differ on one list field only', () => {
    const rs = ruleSet([rule('tx', { states: ['TX'], segments: ['SMB'] }), rule('ok', { states: ['OK'] }), rule('both', { states: ['TX', 'OK'], segments: ['SMB'] })]);
    expect(provenShadows(rs)).toEqual([expect.objectContaining({ ruleId: 'both', by: ['tx', 'ok'] })]);
  });

  it('treats named-account lists by their members', () => {
    const rs = ruleSet([rule('all-key', { accountLists: ['Key', 'Other'] }), rule('key', { accountLists: ['Small'] })], { Key: ['A', 'B'], Other: ['C'], Small: ['b'] });
    expect(provenShadows(rs).map((f) => f.ruleId)).toEqual(['key']);
  });
});

describe('coverageReport', () => {
  it('lists unmatched leads, per-rule counts and rules shadowed on the test leads only', () => {
    const rs = ruleSet([rule('ca', { states: ['CA'] }), rule('health', { industries: ['Health Care'] }), rule('never', { states: ['AK'] })]);
    const leads = [lead({ id: 'a', state: 'CA', industry: 'Health Care' }), lead({ id: 'b', state: 'NV' })];
    const run = routeLeads(rs, leads, ctx);
    const report = coverageReport(rs, run.routed, run.stats);
    expect(report.unmatched).toEqual(['b']);
    expect(report.perRule.map((p) => [p.ruleId, p.matched, p.won])).toEqual([['ca', 1, 1], ['health', 1, 0], ['never', 0, 0]]);
    expect(report.shadowed).toEqual([expect.objectContaining({ ruleId: 'health', kind: 'observed', by: ['ca'] })]);
  });
});
