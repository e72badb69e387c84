import { describe, expect, it } from 'vitest';
import { contiguityGraph, describeSplits, editSplits, splitSinceBase, territoryPieceCounts } from '../../../../shared/domain/editing/contiguity';

// Units 0-1-2-…-7 form a path (the mainland); 8 is an island (no neighbour).
const edges = { a: [0, 1, 2, 3, 4, 5, 6], b: [1, 2, 3, 4, 5, 6, 7] };
const g = contiguityGraph(9, edges);
const A = 0, B = 1, C = 2;

/** The assignment after moving units to a territory. */
function moved(before: Int32Array, units: number[], to: number): Int32Array {
  const after = before.slice();
  for (const u of units) after[u] = to;
  return after;
}

describe('editSplits', () => {
  const before = Int32Array.from([A, A, A, A, A, A, B, B, C]);

  it('flags the territory a move cuts in two, with its pieces largest first', () => {
    const after = moved(before, [2], C);
    const splits = editSplits(g, before, after, 3, [2]);
    expect(splits).toHaveLength(1);
    expect(splits[0]!.territory).toBe(A);
    expect(splits[0]!.piecesBefore).toBe(1);
    expect(splits[0]!.pieces).toBe(2);
    expect(splits[0]!.pieceUnits.map((p) => Array.from(p))).toEqual([[3, 4, 5], [0, 1]]);
    expect(splits[0]!.main).toBe(0);
  });

  it('flags the target when a unit painted far away starts a second piece of it', () => {
    const after = moved(before, [0], B);
    const splits = editSplits(g, before, after, 3, [0]);
    expect(splits.map((s) => s.territory)).toEqual([B]);
    expect(splits[0]!.pieceUnits.map((p) => Array.from(p))).toEqual([[6, 7], [0]]);
    expect(splits[0]!.main).toBe(0);
  });

  it('keeps as main piece the one the territory had, even when the piece added apart is larger', () => {
    // B (units 6-7) receives units 0-3 apart from it: the new piece is larger, B's own piece stays the main one.
    const after = moved(before, [0, 1, 2, 3], B);
    const splits = editSplits(g, before, after, 3, [0, 1, 2, 3]);
    const b = splits.find((s) => s.territory === B)!;
    expect(b.pieceUnits.map((p) => Array.from(p))).toEqual([[0, 1, 2, 3], [6, 7]]);
    expect(b.main).toBe(1);
  });

  it('does not flag a move off the end of a territory', () => {
    expect(editSplits(g, before, moved(before, [5], B), 3, [5])).toEqual([]);
  });

  it('treats an island joining a territory as attached, not a split', () => {
    expect(editSplits(g, before, moved(before, [8], A), 3, [8])).toEqual([]);
  });

  it('examines only the territories the edit touched', () => {
    // C already lies in two pieces (units 0 and 7); an edit between A and B leaves it alone and unreported.
    const split = Int32Array.from([C, A, A, A, B, B, B, C, B]);
    expect(territoryPieceCounts(g, split, 3)[C]).toBe(2);
    expect(editSplits(g, split, moved(split, [4], A), 3, [4])).toEqual([]);
    // Moving unit 2 into B cuts A and leaves B in two pieces: both reported, C still not.
    expect(editSplits(g, split, moved(split, [2], B), 3, [2]).map((s) => s.territory)).toEqual([A, B]);
  });

  it('reports a further split of an already split territory, and not a move that keeps its piece count', () => {
    const split = Int32Array.from([A, A, B, A, A, A, B, B, C]);
    expect(editSplits(g, split, moved(split, [4], B), 3, [4]).map((s) => [s.territory, s.piecesBefore, s.pieces])).toEqual([[A, 2, 3], [B, 2, 3]]);
    expect(editSplits(g, split, moved(split, [2], A), 3, [2])).toEqual([]);
  });

  it('refuses an assignment of the wrong length and an unknown unit', () => {
    expect(() => editSplits(g, before, before.slice(0, 5), 3, [1])).toThrow(/covers 5 units but the dataset has 9/);
    expect(() => editSplits(g, before, before, 3, [42])).toThrow(/Unknown unit index: 42/);
  });
});

describe('splitSinceBase', () => {
  it('names territories with more mainland pieces than in the saved version, new ones counting as 0', () => {
    const base = new Map([['t-a', 1], ['t-b', 2]]);
    const now = Int32Array.from([2, 2, 3]);
    expect(splitSinceBase(base, ['t-a', 't-b', 't-new'], now)).toEqual([
      { id: 't-a', pieces: 2, piecesBefore: 1 },
      { id: 't-new', pieces: 3, piecesBefore: 0 },
    ]);
  });

  it('says it in words', () => {
    expect(describeSplits([{ name: 'Texas', pieces: 3 }, { name: 'Ohio', pieces: 2 }])).toBe('Texas is now in 3 pieces; Ohio in 2 pieces');
  });
});
