// Scenarios of one dataset at different geographies (a county plan, a mixed plan) compared on the finest of them.
import type { UnitId } from '../ids';
import type { ScenarioPayload } from '../territories/types';
import { applyCommand } from './commands';

/** The units split in any of the payloads, sorted: the geography they are compared on. */
export function commonSplit(payloads: readonly ScenarioPayload[]): UnitId[] {
  return [...new Set(payloads.flatMap((p) => p.splitUnits ?? []))].sort() as UnitId[];
}

/**
 * Each payload re-expressed on the common (finest) geography: a county split in another scenario is split here too,
 * its ZIP areas inheriting its territory, so moves are counted per account and per ZIP area. `children` names a
 * split unit's finer units; a split unit without any is refused.
 */
export function onCommonGeography(payloads: readonly ScenarioPayload[], children: (unit: UnitId) => readonly UnitId[]): { split: UnitId[]; payloads: ScenarioPayload[] } {
  const split = commonSplit(payloads);
  const out = payloads.map((p) => {
    let q = p;
    for (const unit of split) {
      if (q.splitUnits?.includes(unit)) continue;
      q = applyCommand(q, { kind: 'split', unit, children: [...children(unit)] }).payload;
    }
    return q;
  });
  return { split, payloads: out };
}
