import { describe, expect, it } from 'vitest';
import type { TerritoryId, UnitId } from '../../../../shared/domain/ids';
import { applyCommand, emptyHistory, execute, planMerge, planSplitHeavy, undo } from '../../../../shared/domain/scenario/commands';
import { payloadProblems, scenarioPayloadSchema } from '../../../../shared/schema/scenario-payload';
import { tinyPayload } from '../../../fixtures/tiny-dataset';

const B = 'B' as UnitId;
const kids = ['B1', 'B2'] as UnitId[];
const W = 'W' as TerritoryId;
const E = 'E' as TerritoryId;

describe('split and merge scenario commands', () => {
  it('splits a unit into children that inherit its territory in every alignment and its lock', () => {
    const p = { ...tinyPayload(), lockedUnits: [B] };
    const { payload } = applyCommand(p, { kind: 'split', unit: B, children: kids });
    expect(payload.alignments[0]!.assignment).toEqual({ A: W, C: W, D: E, B1: E, B2: E });
    expect(payload.alignments[1]!.assignment).toEqual({ A: W, C: W, D: W, B1: W, B2: W });
    expect(payload.lockedUnits).toEqual(['B1', 'B2']);
    expect(payload.splitUnits).toEqual(['B']);
    expect(payloadProblems(payload)).toEqual([]);
    expect(scenarioPayloadSchema.parse(payload).splitUnits).toEqual(['B']);
  });

  it('undoes a split exactly, and undoes a merge back to the children as they were', () => {
    const p0 = tinyPayload();
    let s = execute(emptyHistory(), p0, { kind: 'split', unit: B, children: kids }, 'Split Unit B');
    const p1 = s.payload;
    s = execute(s.history, p1, { kind: 'assign', alignment: 'default', changes: { B2: W } }, 'Move B2');
    const p2 = s.payload;
    const merge = planMerge(p2, B, kids, (c) => (c === 'B2' ? 5 : 1));
    expect(merge.territories).toEqual({ default: W, enterprise: W }); // B2 carries more weight than B1
    s = execute(s.history, p2, merge, 'Merge Unit B');
    expect(s.payload.alignments[0]!.assignment).toEqual({ A: W, C: W, D: E, B: W });
    expect(s.payload.splitUnits).toBeUndefined();
    const u1 = undo(s.history, s.payload)!;
    expect(u1.payload).toEqual(p2);
    const u2 = undo(u1.history, u1.payload)!;
    const u3 = undo(u2.history, u2.payload)!;
    expect(u3.payload).toStrictEqual(p0);
  });

  it('refuses to split a unit twice, to merge a unit that is not split, or to split into nothing', () => {
    const { payload } = applyCommand(tinyPayload(), { kind: 'split', unit: B, children: kids });
    expect(() => applyCommand(payload, { kind: 'split', unit: B, children: kids })).toThrow('Unit B is already split');
    expect(() => planMerge(tinyPayload(), B, kids)).toThrow('Unit B is not split');
    expect(() => applyCommand(tinyPayload(), { kind: 'split', unit: B, children: [] })).toThrow('no finer units lie in it');
  });

  it('reports a payload that still assigns a split unit', () => {
    expect(payloadProblems({ ...tinyPayload(), splitUnits: [B] })).toEqual(['Unit B is split into finer units but alignment default still assigns it']);
  });
});

describe('split heavy units', () => {
  const children = (u: UnitId): UnitId[] => (u === 'D' ? (['D1', 'D2'] as UnitId[]) : u === 'C' ? (['C1'] as UnitId[]) : []);
  it('splits every unit above the share of a territory target in one undoable edit', () => {
    // potential 100, 200, 300, 400 over 2 territories: target 500; above 55 % (275) are D (400) and C (300); B has no ZIP areas.
    const units = { ids: ['A', 'B', 'C', 'D'] as UnitId[], values: [100, 200, 300, 400] };
    const p0 = tinyPayload();
    const plan = planSplitHeavy(p0, units, 0.55, children)!;
    expect(plan.units).toEqual(['D', 'C']);
    const s = execute(emptyHistory(), p0, plan.command, 'Split heavy units');
    expect(s.payload.splitUnits).toEqual(['C', 'D']);
    expect(s.payload.alignments[0]!.assignment).toEqual({ A: W, B: E, C1: W, D1: E, D2: E });
    expect(s.history.past).toHaveLength(1);
    expect(undo(s.history, s.payload)!.payload).toStrictEqual(p0);
    expect(planSplitHeavy(s.payload, units, 0.55, children)).toBeNull(); // already split
    expect(planSplitHeavy(p0, units, 0.9, children)).toBeNull(); // nothing above 450
  });
});
