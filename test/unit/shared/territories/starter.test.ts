import { describe, expect, it } from 'vitest';
import type { Rep } from '../../../../shared/domain/dataset/types';
import type { RepId, UnitId } from '../../../../shared/domain/ids';
import { perRepPayload, stateGroupsPayload } from '../../../../shared/domain/territories/starter';
import { payloadProblems } from '../../../../shared/schema/scenario-payload';

// Units in CA (06), NV (32), TX (48), NY (36), NJ (34): two per state, establishments as the measure.
const states = ['06', '06', '32', '32', '48', '48', '36', '36', '34', '34'];
const units = {
  ids: states.map((_, i) => `u${i}` as UnitId),
  parents: states,
  x: [-120, -119, -117, -116, -99, -98, -75, -74, -74.5, -74.2],
  y: states.map(() => 38),
  measures: { establishments: [40, 40, 5, 5, 30, 30, 20, 20, 5, 5] },
};

describe('stateGroupsPayload', () => {
  it('cuts whole states, region by region, into K territories of about equal measure', () => {
    const p = stateGroupsPayload(units, 3, 'establishments');
    expect(payloadProblems(p)).toEqual([]);
    // Target 200 / 3 = 66.7: CA (80) | NV + TX (70) | NY + NJ (50), west to east.
    expect(p.territories.map((t) => t.name)).toEqual(['CA', 'NV, TX', 'NY, NJ']);
    const a = p.alignments[0]!.assignment;
    for (let i = 0; i < states.length; i += 2) expect(a[units.ids[i]!]).toBe(a[units.ids[i + 1]!]);
    expect(Object.keys(a)).toHaveLength(units.ids.length);
  });

  it('never makes an empty territory and caps K at the number of states', () => {
    expect(stateGroupsPayload(units, 9, 'establishments').territories).toHaveLength(5);
    const one = stateGroupsPayload(units, 1);
    expect(new Set(Object.values(one.alignments[0]!.assignment))).toEqual(new Set(['T-01']));
    const four = stateGroupsPayload({ ...units, measures: { establishments: [1000, 1000, 0, 0, 0, 0, 0, 0, 0, 0] } }, 4, 'establishments');
    const used = new Set(Object.values(four.alignments[0]!.assignment));
    expect(used.size).toBe(4);
  });
});

describe('perRepPayload', () => {
  const rep = (id: string, name: string, homeX: number): Rep => ({ id: id as RepId, name, homeUnitId: null, homeX, homeY: 38, seniority: 'mid', industries: [], languages: [] });
  it('gives each rep a territory with the units nearest their home, and nothing without reps', () => {
    const p = perRepPayload(units, [rep('r1', 'Ana West', -118), rep('r2', 'Bo East', -75)])!;
    expect(payloadProblems(p)).toEqual([]);
    expect(p.territories.map((t) => [t.name, t.repId])).toEqual([['Ana West', 'r1'], ['Bo East', 'r2']]);
    expect(p.alignments[0]!.assignment['u0' as UnitId]).toBe('T-01');
    expect(p.alignments[0]!.assignment['u6' as UnitId]).toBe('T-02');
    expect(perRepPayload(units, [])).toBeNull();
  });
});
