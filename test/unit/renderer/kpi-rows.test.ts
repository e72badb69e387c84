import { describe, expect, it } from 'vitest';
import { buildKpiRows, deviationLevel, formatDeviation } from '../../../renderer/state/kpi-rows';
import { formatCompact } from '../../../shared/domain/format/numbers';
import type { Rep } from '../../../shared/domain/dataset/types';
import type { RepId, TerritoryId } from '../../../shared/domain/ids';
import { computeTerritoryKpis } from '../../../shared/domain/kpi/territory-kpis';
import type { Territory } from '../../../shared/domain/territories/types';

const territory = (id: string, repId: string | null): Territory => ({ id: id as TerritoryId, name: `Name ${id}`, color: '#123456', region: 'West', repId: repId as RepId | null, locked: false });

describe('territory grid rows', () => {
  const kpis = computeTerritoryKpis(2, {
    accountTerritory: Int32Array.from([0, 0, 1, -1]),
    potential: Float64Array.from([10, 20, 30, 5]),
    revenue: Float64Array.from([1, 2, 3, 4]),
    workload: Float64Array.from([5, 5, 10, 1]),
  });
  const reps = [{ id: 'R1', name: 'Ada Lovelace' } as Rep];

  it('joins territory metadata, worker KPIs and unit counts by territory index', () => {
    const rows = buildKpiRows([territory('T1', 'R1'), territory('T2', null)], kpis, Int32Array.from([4, 7]), reps);
    expect(rows[0]).toMatchObject({ territoryId: 'T1', index: 0, repName: 'Ada Lovelace', units: 4, accounts: 2, potential: 30, revenue: 3 });
    expect(rows[1]).toMatchObject({ territoryId: 'T2', repId: null, repName: null, units: 7, accounts: 1, potential: 30 });
  });

  it('leaves the rep name empty for a rep id that is not in the dataset', () => {
    const rows = buildKpiRows([territory('T1', 'R9')], kpis, Int32Array.from([1]), reps);
    expect(rows[0]).toMatchObject({ repId: 'R9', repName: null });
  });

  it('grades deviations: within 5 % ok, within 10 % warn, beyond bad', () => {
    expect(deviationLevel(0.05)).toBe('ok');
    expect(deviationLevel(-0.08)).toBe('warn');
    expect(deviationLevel(0.1)).toBe('warn');
    expect(deviationLevel(-0.2)).toBe('bad');
  });

  it('formats deviations with a sign and numbers compactly', () => {
    expect(formatDeviation(0.042)).toBe('+4.2 %');
    expect(formatDeviation(-0.1)).toBe('−10.0 %');
    expect(formatDeviation(0)).toBe('±0.0 %');
    expect(formatDeviation(Number.NaN)).toBe('–');
    expect(formatCompact(1_234_567)).toBe('1.2 M');
    expect(formatCompact(45_600)).toBe('46 k');
    expect(formatCompact(999)).toBe('999');
  });
});
