import { describe, expect, it } from 'vitest';
import type { TerritoryId } from '../../../../shared/domain/ids';
import { applyCommand, emptyHistory, execute, redo, undo, type ScenarioCommand } from '../../../../shared/domain/scenario/commands';
import { tinyPayload } from '../../../fixtures/tiny-dataset';

const W = 'W' as TerritoryId;
const E = 'E' as TerritoryId;

describe('scenario commands', () => {
  const commands: [string, ScenarioCommand][] = [
    ['assign', { kind: 'assign', alignment: 'default', changes: { B: W, C: null } }],
    ['override', { kind: 'override', changes: { a6: null, a1: E } }],
    ['lock', { kind: 'lock', changes: { A: true } }],
    ['territory', { kind: 'territory', territoryId: W, patch: { name: 'Westside', repId: null } }],
    ['replace', { kind: 'replace', payload: { ...tinyPayload(), territories: [] } }],
  ];
  for (const [name, cmd] of commands) {
    it(`restores the payload exactly when the inverse of a ${name} command is applied`, () => {
      const before = tinyPayload();
      const snapshot = structuredClone(before);
      const { payload, inverse } = applyCommand(before, cmd);
      expect(payload).not.toEqual(before);
      expect(before).toEqual(snapshot); // never mutates its input
      expect(applyCommand(payload, inverse).payload).toEqual(snapshot);
    });
  }

  it('undoes and redoes a sequence of edits, and a new edit clears the redo stack', () => {
    const p0 = tinyPayload();
    let h = emptyHistory();
    let s = execute(h, p0, { kind: 'assign', alignment: 'default', changes: { B: W } }, 'Move B');
    const p1 = s.payload;
    s = execute(s.history, p1, { kind: 'territory', territoryId: E, patch: { name: 'Eastside' } }, 'Rename East');
    const p2 = s.payload;
    h = s.history;
    const u1 = undo(h, p2)!;
    expect(u1.payload).toEqual(p1);
    const u2 = undo(u1.history, u1.payload)!;
    expect(u2.payload).toEqual(p0);
    expect(undo(u2.history, u2.payload)).toBeNull();
    const r1 = redo(u2.history, u2.payload)!;
    expect(r1.payload).toEqual(p1);
    const forked = execute(r1.history, r1.payload, { kind: 'lock', changes: { D: true } }, 'Lock D');
    expect(forked.history.future).toEqual([]);
    expect(redo(forked.history, forked.payload)).toBeNull();
    expect(forked.history.past.map((e) => e.label)).toEqual(['Move B', 'Lock D']);
  });

  it('keeps at most limit undo steps', () => {
    let s = { history: emptyHistory(2), payload: tinyPayload() };
    for (const u of ['A', 'B', 'C']) s = execute(s.history, s.payload, { kind: 'lock', changes: { [u]: true } }, `Lock ${u}`);
    expect(s.history.past.map((e) => e.label)).toEqual(['Lock B', 'Lock C']);
  });

  it('throws naming an unknown territory or alignment (a caller bug)', () => {
    expect(() => applyCommand(tinyPayload(), { kind: 'assign', alignment: 'default', changes: { A: 'T-17' as TerritoryId } })).toThrow('Unknown territory id: T-17');
    expect(() => applyCommand(tinyPayload(), { kind: 'assign', alignment: 'nope', changes: {} })).toThrow('Unknown alignment key: nope');
  });
});
