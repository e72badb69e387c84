import { describe, expect, it } from 'vitest';
import { alignmentIndexForSegment, indexAlignment, resolveAccountTerritories, territoryGroups } from '../../../../shared/domain/territories/resolve';
import { tinyDataset, tinyPayload } from '../../../fixtures/tiny-dataset';

describe('resolving account territories', () => {
  it('sends a segment to its own alignment and every other segment to the default', () => {
    const p = tinyPayload();
    expect(alignmentIndexForSegment(p, 'Enterprise')).toBe(1);
    expect(alignmentIndexForSegment(p, 'SMB')).toBe(0);
    expect(alignmentIndexForSegment(p, 'Unknown segment')).toBe(0);
  });

  it('lets a named account override its unit, then follows the segment alignment', () => {
    const d = tinyDataset();
    const idx = indexAlignment(tinyPayload(), d.units.ids, d.accounts);
    const t = resolveAccountTerritories(Int32Array.from(d.accounts.unitIndex), idx.accountAlignment, idx.accountOverride, idx.unitTerritory);
    // a1 A->W, a2 B->E, a3 C->W, a4 D->E, a5 Enterprise D->W, a6 override -> E
    expect(Array.from(t)).toEqual([0, 1, 0, 1, 0, 1]);
  });

  it('leaves unplaced accounts and unassigned units unassigned (-1)', () => {
    const t = resolveAccountTerritories(Int32Array.from([-1, 0]), new Uint8Array(2), Int32Array.from([-1, -1]), [Int32Array.from([-1])]);
    expect(Array.from(t)).toEqual([-1, -1]);
  });

  it('puts each territory in the group of the first alignment that uses it', () => {
    expect(Array.from(territoryGroups(3, [Int32Array.from([0, 0]), Int32Array.from([1, 1])]))).toEqual([0, 1, 0]);
  });
});
