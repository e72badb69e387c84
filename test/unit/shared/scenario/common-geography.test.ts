import { describe, expect, it } from 'vitest';
import type { TerritoryId, UnitId } from '../../../../shared/domain/ids';
import { buildMixedDataset } from '../../../../shared/domain/dataset/mixed-dataset';
import { rectangleRing } from '../../../../shared/domain/geo/point-in-polygon';
import { applyCommand } from '../../../../shared/domain/scenario/commands';
import { compareScenarios } from '../../../../shared/domain/scenario/compare';
import { onCommonGeography } from '../../../../shared/domain/scenario/common-geography';
import { tinyDataset, tinyPayload } from '../../../fixtures/tiny-dataset';

const W = 'W' as TerritoryId;
const kids = (u: UnitId): UnitId[] => (u === 'B' ? (['B1', 'B2'] as UnitId[]) : u === 'D' ? (['D1'] as UnitId[]) : []);

describe('scenarios on a common geography', () => {
  it('splits a county plan where the mixed plan is split, so the two assign the same units', () => {
    const county = tinyPayload();
    let mixed = applyCommand(tinyPayload(), { kind: 'split', unit: 'B' as UnitId, children: kids('B' as UnitId) }).payload;
    mixed = applyCommand(mixed, { kind: 'assign', alignment: 'default', changes: { B2: W } }).payload;
    const { split, payloads } = onCommonGeography([county, mixed], kids);
    expect(split).toEqual(['B']);
    expect(payloads[0]!.alignments[0]!.assignment).toEqual({ A: 'W', C: 'W', D: 'E', B1: 'E', B2: 'E' });
    expect(payloads[1]).toBe(mixed); // already on the common geography
    expect(Object.keys(payloads[0]!.alignments[0]!.assignment).sort()).toEqual(Object.keys(payloads[1]!.alignments[0]!.assignment).sort());
  });

  it('takes the union of the splits of every scenario', () => {
    const b = applyCommand(tinyPayload(), { kind: 'split', unit: 'B' as UnitId, children: kids('B' as UnitId) }).payload;
    const d = applyCommand(tinyPayload(), { kind: 'split', unit: 'D' as UnitId, children: kids('D' as UnitId) }).payload;
    const { split, payloads } = onCommonGeography([b, d], kids);
    expect(split).toEqual(['B', 'D']);
    for (const p of payloads) expect(p.splitUnits).toEqual(['B', 'D']);
    expect(() => onCommonGeography([b, tinyPayload()], () => [])).toThrow('Cannot split unit B: no finer units lie in it');
  });

  it('compares a county plan with a mixed one per account and per ZIP area', () => {
    const finer = {
      units: { kind: 'zip' as const, ids: ['B1', 'B2'] as UnitId[], names: ['ZIP B1', 'ZIP B2'], parents: ['B', 'B'], x: [0.75, 1.25], y: [0, 0], measures: {}, measureDefs: [] },
      edges: { a: [0], b: [1] },
      rings: (c: number) => [c === 0 ? rectangleRing(0.5, -0.5, 1.1, 0.5) : rectangleRing(1.1, -0.5, 1.5, 0.5)],
    };
    let mixed = applyCommand(tinyPayload(), { kind: 'split', unit: 'B' as UnitId, children: kids('B' as UnitId) }).payload;
    mixed = applyCommand(mixed, { kind: 'assign', alignment: 'default', changes: { B1: W } }).payload;
    const { split, payloads } = onCommonGeography([tinyPayload(), mixed], kids);
    const { dataset } = buildMixedDataset(tinyDataset(), finer, split, { measures: { potential: { from: 'accounts', column: 'potential' } } });
    const c = compareScenarios([{ name: 'Counties', payload: payloads[0]! }, { name: 'Mixed', payload: payloads[1]! }], { ...dataset, metric: 'planar' });
    const diff = c.scenarios[1]!.diff;
    expect(diff.units.filter((m) => m.from !== m.to).map((m) => m.unitId)).toEqual(['B1']); // B2 stays with East
    expect(diff.accounts.map((m) => m.accountId)).toEqual(['a2']); // a2 lies in B1
  });
});
