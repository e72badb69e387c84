import type { TerritoryId, UnitId } from '../../../../shared/domain/ids';
import type { CompareDataset } from '../../../../shared/domain/scenario/diff';
import type { ScenarioPayload } from '../../../../shared/domain/territories/types';
import { tinyDataset, tinyPayload } from '../../../fixtures/tiny-dataset';

/** The tiny 2x2 grid as comparison input (planar coordinates). */
export function tinyCompareDataset(): CompareDataset {
  const d = tinyDataset();
  return { units: d.units, edges: d.edges, accounts: d.accounts, metric: 'planar' };
}

/** The tiny plan with unit B moved from East to West in the default alignment. */
export function movedB(): ScenarioPayload {
  const p = tinyPayload();
  p.alignments[0]!.assignment = { ...p.alignments[0]!.assignment, B: 'W' as TerritoryId } as Record<UnitId, TerritoryId>;
  return p;
}
