import { describe, expect, it } from 'vitest';
import { accountFrom, accountLabel, assigneeLabel, repFrom, repLabel, territoryFrom, territoryLabel, unitFrom, unitLabel, type Labels } from '../../../shared/domain/labels';

describe('labels: names, not ids', () => {
  it('names counties by their name and ZIPs as "ZIP <code>, <place>"', () => {
    expect(unitLabel('county', '06037', 'Los Angeles County, CA')).toBe('Los Angeles County, CA');
    expect(unitLabel('zip', '90012', 'Los Angeles')).toBe('ZIP 90012, Los Angeles');
    expect(unitLabel('zip', '90012', '')).toBe('ZIP 90012');
    expect(unitLabel('county', '06037', '  ')).toBe('Unit 06037');
  });

  it('names territories and reps, and says "No territory" / "Vacant" instead of a dash or an id', () => {
    const t = new Map([['T-01', 'Pacific Northwest']]);
    expect(territoryLabel('T-01', t)).toBe('Pacific Northwest');
    expect(territoryLabel(null, t)).toBe('No territory');
    expect(territoryLabel('T-99', t)).toBe('Unnamed territory (T-99)');
    const r = new Map([['R-001', 'Ana Ruiz']]);
    expect(repLabel('R-001', r)).toBe('Ana Ruiz');
    expect(repLabel(null, r)).toBe('Vacant (no rep)');
    expect(repLabel('R-404', r)).toBe('Unknown rep (R-404)');
    expect(accountLabel('ACC-1', 'Mercy Hospital')).toBe('Mercy Hospital');
    expect(accountLabel('ACC-1', undefined)).toBe('Account ACC-1');
  });

  it('looks labels up per scenario, since scenarios may name one territory id differently', () => {
    const l: Labels = {
      units: { '06037': 'Los Angeles County, CA' },
      accounts: { 'ACC-031553': 'Mercy Hospital' },
      reps: { 'R-032': 'Dana Kim' },
      territories: [{ 'T-03': 'CA South' }, { 'T-03': 'Southwest' }],
    };
    expect(unitFrom(l, '06037')).toBe('Los Angeles County, CA');
    expect(accountFrom(l, 'ACC-031553')).toBe('Mercy Hospital');
    expect(repFrom(l, 'R-032')).toBe('Dana Kim');
    expect(repFrom(l, null)).toBe('Vacant (no rep)');
    expect(territoryFrom(l, 0, 'T-03')).toBe('CA South');
    expect(territoryFrom(l, 1, 'T-03')).toBe('Southwest');
    expect(territoryFrom(l, 1, null)).toBe('No territory');
    // Inherited object keys are not labels.
    expect(unitFrom(l, 'toString')).toBe('Unit toString');
  });
});

describe('assigneeLabel', () => {
  const names = { reps: { 'R-009': 'Lee Park' }, territories: { 'T-09': 'Gulf Coast' } };
  it('names the rep and the territory of a routed lead, never "R-009 (T-09)"', () => {
    expect(assigneeLabel({ repId: 'R-009', territoryId: 'T-09', queue: null }, names)).toBe('Lee Park (Gulf Coast)');
    expect(assigneeLabel({ repId: 'R-009', territoryId: null, queue: null }, names)).toBe('Lee Park');
    expect(assigneeLabel({ repId: null, territoryId: 'T-09', queue: null }, names)).toBe('Gulf Coast (no rep)');
    expect(assigneeLabel({ repId: null, territoryId: null, queue: 'Unassigned leads' }, names)).toBe('Queue: Unassigned leads');
  });
});
