import { describe, expect, it } from 'vitest';
import type { AccountId, TerritoryId } from '../../../../shared/domain/ids';
import { compareScenarios } from '../../../../shared/domain/scenario/compare';
import { diffAlignments } from '../../../../shared/domain/scenario/diff';
import { kpiDeltaRows, movedCsv } from '../../../../shared/domain/scenario/kpi-table';
import { csvCell } from '../../../../shared/domain/export/csv';
import type { Labels } from '../../../../shared/domain/labels';
import { tinyPayload } from '../../../fixtures/tiny-dataset';
import { movedB, tinyCompareDataset } from './fixtures';

describe('diffAlignments', () => {
  it('lists a moved unit and the accounts that follow it, but not overridden or other-alignment accounts', () => {
    const diff = diffAlignments(tinyPayload(), movedB(), tinyCompareDataset());
    expect(diff.units).toEqual([{ unitId: 'B', alignment: 'default', from: 'E', to: 'W' }]);
    // a2 sits in B and is SMB; no Enterprise account sits in B.
    expect(diff.accounts).toEqual([{ accountId: 'a2', from: 'E', to: 'W', potential: 20, revenue: 2, viaOverride: false }]);
  });

  it('reports an account moved by a new override, marked as such', () => {
    const other = tinyPayload();
    other.accountOverrides = { ...other.accountOverrides, a1: 'E' as TerritoryId } as Record<AccountId, TerritoryId>;
    const diff = diffAlignments(tinyPayload(), other, tinyCompareDataset());
    expect(diff.units).toEqual([]);
    expect(diff.accounts).toEqual([{ accountId: 'a1', from: 'W', to: 'E', potential: 10, revenue: 1, viaOverride: true }]);
  });

  it('finds nothing moved between identical plans', () => {
    expect(diffAlignments(tinyPayload(), tinyPayload(), tinyCompareDataset())).toEqual({ units: [], accounts: [] });
  });
});

describe('compareScenarios', () => {
  it('computes disruption and per-rep gains and losses against the baseline', () => {
    const c = compareScenarios([{ name: 'Base', payload: tinyPayload() }, { name: 'Moved', payload: movedB() }], tinyCompareDataset());
    const moved = c.scenarios[1]!;
    expect(moved.metrics.disruption).toMatchObject({ accounts: 1, potential: 20, revenue: 2 });
    expect(moved.metrics.disruption.accountsShare).toBeCloseTo(1 / 6);
    expect(moved.metrics.disruption.potentialShare).toBeCloseTo(20 / 660);
    expect(moved.reps).toEqual([
      { repId: 'r1', accountsGained: 1, accountsLost: 0, potentialGained: 20, potentialLost: 0, revenueGained: 2, revenueLost: 0 },
      { repId: 'r2', accountsGained: 0, accountsLost: 1, potentialGained: 0, potentialLost: 20, revenueGained: 0, revenueLost: 2 },
    ]);
    expect(c.scenarios[0]!.metrics.disruption.accounts).toBe(0);
  });

  it('flags a territory split into two pieces as non-contiguous and keeps per-territory bars with the band', () => {
    // West = A + D (diagonal: not adjacent in the 2x2 grid), East = B + C.
    const split = tinyPayload();
    split.alignments[0]!.assignment = { A: 'W', D: 'W', B: 'E', C: 'E' } as typeof split.alignments[0]['assignment'];
    const c = compareScenarios([{ name: 'Base', payload: tinyPayload() }, { name: 'Split', payload: split }], tinyCompareDataset(), 0, 0.1);
    expect(c.scenarios[0]!.metrics.nonContiguous).toBe(0);
    expect(c.scenarios[1]!.metrics.nonContiguous).toBe(2);
    expect(c.scenarios[1]!.territories.map((t) => t.pieces)).toEqual([2, 2]);
    const band = c.scenarios[0]!.band;
    expect(band.low).toBeCloseTo(band.mean * 0.9);
    expect(band.high).toBeCloseTo(band.mean * 1.1);
  });

  it('builds a KPI table whose baseline deltas are zero and whose other deltas are value minus baseline', () => {
    const c = compareScenarios([{ name: 'Base', payload: tinyPayload() }, { name: 'Moved', payload: movedB() }], tinyCompareDataset());
    const rows = kpiDeltaRows(c);
    for (const r of rows) expect(r.deltas[0]).toBe(0);
    const cv = rows.find((r) => r.key === 'potential.cv')!;
    expect(cv.deltas[1]).toBeCloseTo(cv.values[1]! - cv.values[0]!);
    expect(rows.find((r) => r.key === 'disruption.accounts')!.values).toEqual([0, 1]);
  });

  it('refuses fewer than two scenarios or a baseline out of range', () => {
    expect(() => compareScenarios([{ name: 'A', payload: tinyPayload() }], tinyCompareDataset())).toThrow(/at least two/);
    expect(() => compareScenarios([{ name: 'A', payload: tinyPayload() }, { name: 'B', payload: movedB() }], tinyCompareDataset(), 2)).toThrow(/out of range/);
  });
});

describe('moved CSV', () => {
  it('lists moved units and accounts from -> to, and neutralises formula-leading cells', () => {
    const c = compareScenarios([{ name: 'Base', payload: tinyPayload() }, { name: '=HYPERLINK("x")', payload: movedB() }], tinyCompareDataset());
    const lines = movedCsv(c).trim().split('\r\n');
    expect(lines[0]).toBe('scenario,kind,id,alignment,from,to,potential,revenue,via_override');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toBe(`"'=HYPERLINK(""x"")",unit,B,default,E,W,,,`);
    expect(lines[2]).toContain(',account,a2,,E,W,20,2,no');
    expect(csvCell('-1+1')).toBe("'-1+1");
    expect(csvCell(-1)).toBe('-1');
  });

  it('puts names next to the ids a CRM needs when labels are given', () => {
    const c = compareScenarios([{ name: 'Base', payload: tinyPayload() }, { name: 'Plan', payload: movedB() }], tinyCompareDataset());
    const labels: Labels = { units: { B: 'Bexar County, TX' }, accounts: { a2: 'Mercy Hospital' }, reps: {}, territories: [{ E: 'East' }, { W: 'West Coast' }] };
    const lines = movedCsv(c, labels).trim().split('\r\n');
    expect(lines[0]).toBe('scenario,kind,id,name,alignment,from,from_name,to,to_name,potential,revenue,via_override');
    expect(lines[1]).toBe('Plan,unit,B,"Bexar County, TX",default,E,East,W,West Coast,,,');
    expect(lines[2]).toBe('Plan,account,a2,Mercy Hospital,,E,East,W,West Coast,20,2,no');
  });
});
