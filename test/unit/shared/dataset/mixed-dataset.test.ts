import { describe, expect, it } from 'vitest';
import { buildMixedDataset, type FinerLevel } from '../../../../shared/domain/dataset/mixed-dataset';
import type { UnitId } from '../../../../shared/domain/ids';
import { rectangleRing } from '../../../../shared/domain/geo/point-in-polygon';
import { tinyDataset } from '../../../fixtures/tiny-dataset';

// Unit B of the tiny grid (centred on (1, 0)) split into a west ZIP area B1 and an east one B2.
const finer = (): FinerLevel => ({
  units: {
    kind: 'zip',
    ids: ['B1', 'B2'] as UnitId[],
    names: ['ZIP B1', 'ZIP B2'],
    parents: ['B', 'B'],
    x: [0.75, 1.25],
    y: [0, 0.1],
    measures: { establishments: [1, 3] },
    measureDefs: [{ key: 'establishments', label: 'Establishments', unit: 'establishments', source: 'test' }],
  },
  edges: { a: [0], b: [1] },
  rings: (c) => [c === 0 ? rectangleRing(0.5, -0.5, 1.1, 0.5) : rectangleRing(1.1, -0.5, 1.5, 0.5)],
});

describe('mixed dataset', () => {
  it('replaces a split unit by its ZIP areas with measures, accounts, adjacency and rep homes', () => {
    const d = tinyDataset();
    d.reps[1] = { ...d.reps[1]!, homeUnitId: 'B' as UnitId, homeX: 1.3, homeY: 0 };
    const { dataset, report } = buildMixedDataset(d, finer(), ['B' as UnitId], { measures: { potential: { from: 'apportion', by: 'establishments' } } });
    expect(dataset.units.ids).toEqual(['A', 'C', 'D', 'B1', 'B2']);
    expect(dataset.units.names).toEqual(['Unit A', 'Unit C', 'Unit D', 'ZIP B1', 'ZIP B2']);
    expect(dataset.units.measures.potential).toEqual([100, 300, 400, 50, 150]); // B's 200 shared 1 : 3
    expect(dataset.units.measureDefs[0]!.source).toContain('in proportion to establishments');
    // a2 sits at (1, 0), inside B1's polygon.
    expect(dataset.accounts.unitIndex).toEqual([0, 3, 1, 2, 2, 0]);
    expect(report.accounts).toEqual({ byZip: 0, byPoint: 1, byNearest: 0, unchanged: 5, unplaced: 0 });
    const edges = dataset.edges.a.map((a, e) => `${dataset.units.ids[a]}-${dataset.units.ids[dataset.edges.b[e]!]}`).sort();
    // No ZIP areas outside B: A and D join B's nearest ZIP area (B1 and B2).
    expect(edges).toEqual(['A-B1', 'A-C', 'B1-B2', 'C-D', 'D-B2']);
    expect(dataset.reps[1]!.homeUnitId).toBe('B2');
  });

  it('places accounts by ZIP code before their point, and recounts account measures on the new units', () => {
    const d = tinyDataset();
    d.units.measures.accounts = [2, 1, 1, 2];
    d.units.measureDefs.push({ key: 'accounts', label: 'Accounts', unit: 'accounts', source: 'test' });
    const zip = ['', 'B2', '', '', '', ''];
    const { dataset, report } = buildMixedDataset(d, finer(), ['B' as UnitId], {
      zip,
      measures: { potential: { from: 'apportion', by: 'establishments' }, accounts: { from: 'accounts', column: null } },
    });
    expect(dataset.accounts.unitIndex[1]).toBe(4);
    expect(report.accounts.byZip).toBe(1);
    expect(dataset.units.measures.accounts).toEqual([2, 1, 2, 0, 1]);
  });

  it('refuses a measure it has no rule for, or a rule naming a missing finer measure', () => {
    expect(() => buildMixedDataset(tinyDataset(), finer(), [], { measures: {} })).toThrow('No rule says how to fill measure "potential" for finer units');
    expect(() => buildMixedDataset(tinyDataset(), finer(), [], { measures: { potential: { from: 'finer' } } })).toThrow('Finer units have no measure "potential"');
    expect(() => buildMixedDataset(tinyDataset(), finer(), [], { measures: { potential: { from: 'apportion', by: 'payroll' } } })).toThrow('no measure "payroll" to apportion');
  });
});
