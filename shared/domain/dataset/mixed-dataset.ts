// A county dataset with some counties split into their ZIP areas, as one ordinary Dataset (units, edges, accounts),
// so KPIs, the engine, compare and exports need no notion of levels.
import type { UnitId } from '../ids';
import type { FlatRing } from '../geo/point-in-polygon';
import { buildMixedGeography, placeAccountsInMixed, type AccountPlacementCounts, type MixedGeography } from '../geo/mixed-geography';
import { sumByUnit } from './synth';
import type { AccountsTable, Dataset, MeasureDef, UnitEdges, UnitsTable } from './types';

/** The finer level a dataset's units can be split into: its units table (parents = coarse unit ids), adjacency and polygons. */
export type FinerLevel = { units: UnitsTable; edges: UnitEdges; rings: (unit: number) => readonly FlatRing[] };

/** How each measure of a mixed dataset is filled for the finer units. */
export type MixedMeasureRule =
  /** Summed over the accounts now placed on each unit (accounts: their count). */
  | { from: 'accounts'; column: 'potential' | 'revenue' | 'workload' | null }
  /** The finer level's own measure of the same key. */
  | { from: 'finer' }
  /** The coarse unit's value shared among its finer units in proportion to the finer measure `by`. */
  | { from: 'apportion'; by: string };

/** What a mixed build did, for the user: accounts moved per placement method. */
export type MixedDatasetReport = { split: number; finerUnits: number; accounts: AccountPlacementCounts };

/** Options: measure rules by key (a coarse measure without a rule is refused); per account the finer unit id its ZIP names ('' unknown). */
export type MixedDatasetOptions = { measures: Record<string, MixedMeasureRule>; zip?: readonly string[] };

/**
 * Builds the dataset in which the coarse units listed in `split` are replaced by their finer units: adjacency across
 * levels, accounts moved to their finer unit (by ZIP when `zip` is given, else by point), measures per the rules.
 * Reps, the name and the sources carry over; geometry is left to the caller (it depends on how the levels are stored).
 */
export function buildMixedDataset(coarse: Dataset, finer: FinerLevel, split: readonly UnitId[], o: MixedDatasetOptions): { dataset: Omit<Dataset, 'geometry'>; geography: MixedGeography; report: MixedDatasetReport } {
  for (const m of coarse.units.measureDefs) {
    const rule = o.measures[m.key];
    if (!rule) throw new Error(`No rule says how to fill measure "${m.key}" for finer units`);
    if (rule.from === 'finer' && !finer.units.measures[m.key]) throw new Error(`Finer units have no measure "${m.key}"`);
    if (rule.from === 'apportion' && !finer.units.measures[rule.by]) throw new Error(`Finer units have no measure "${rule.by}" to apportion "${m.key}" by`);
  }
  const cu = coarse.units;
  const fu = finer.units;
  const geography = buildMixedGeography({ ids: cu.ids, x: cu.x, y: cu.y, edges: coarse.edges }, { ids: fu.ids, parent: fu.parents as UnitId[], x: fu.x, y: fu.y, edges: finer.edges }, split);
  const { ids, source, level } = geography;
  const n = ids.length;
  const pick = <T>(coarseCol: readonly T[], finerCol: readonly T[]): T[] => ids.map((_, m) => (level[m] === 0 ? coarseCol[source[m]!]! : finerCol[source[m]!]!));
  const placed = placeAccountsInMixed({ unitIndex: coarse.accounts.unitIndex, x: coarse.accounts.x, y: coarse.accounts.y, zip: o.zip }, cu, { ids: fu.ids, parent: fu.parents as UnitId[], x: fu.x, y: fu.y }, geography, finer.rings);
  const accounts: AccountsTable = { ...coarse.accounts, unitIndex: Array.from(placed.unitIndex) };
  const coarseIndex = new Map(cu.ids.map((id, i) => [id as string, i]));
  const measures: Record<string, number[]> = {};
  const measureDefs: MeasureDef[] = [];
  for (const def of cu.measureDefs) {
    const rule = o.measures[def.key]!;
    const coarseCol = cu.measures[def.key]!;
    if (rule.from === 'accounts') {
      const col = rule.column === null ? null : accounts[rule.column];
      measures[def.key] = sumByUnit(n, accounts.unitIndex, col);
      measureDefs.push(def);
    } else if (rule.from === 'finer') {
      measures[def.key] = pick(coarseCol, fu.measures[def.key]!);
      measureDefs.push(def);
    } else {
      const by = fu.measures[rule.by]!;
      const totals = new Map<string, number>();
      const counts = new Map<string, number>();
      fu.parents.forEach((p, i) => {
        totals.set(p, (totals.get(p) ?? 0) + by[i]!);
        counts.set(p, (counts.get(p) ?? 0) + 1);
      });
      const byLabel = fu.measureDefs.find((d) => d.key === rule.by)?.label.toLowerCase() ?? rule.by;
      measures[def.key] = ids.map((_, m) => {
        if (level[m] === 0) return coarseCol[source[m]!]!;
        const parent = fu.parents[source[m]!]!;
        const total = totals.get(parent)!;
        const parentValue = coarseCol[coarseIndex.get(parent)!]!;
        return total > 0 ? (parentValue * by[source[m]!]!) / total : parentValue / counts.get(parent)!;
      });
      measureDefs.push({ ...def, source: `${def.source}; for a split county, its value shared among its ZIP areas in proportion to ${byLabel}` });
    }
  }
  const units: UnitsTable = {
    kind: split.length > 0 ? 'custom' : cu.kind,
    ids,
    names: pick(cu.names, fu.names),
    // A finer unit's parent is its coarse unit's parent (the state), so grouping by parent works across levels.
    parents: ids.map((_, m) => cu.parents[coarseIndex.get(geography.parent[m]!)!]!),
    x: pick(cu.x, fu.x),
    y: pick(cu.y, fu.y),
    measures,
    measureDefs,
  };
  // A rep whose home county is split gets the ZIP area holding the home point.
  const homes = placeAccountsInMixed(
    { unitIndex: coarse.reps.map((r) => (r.homeUnitId === null ? -1 : coarseIndex.get(r.homeUnitId) ?? -1)), x: coarse.reps.map((r) => r.homeX), y: coarse.reps.map((r) => r.homeY) },
    cu, { ids: fu.ids, parent: fu.parents as UnitId[], x: fu.x, y: fu.y }, geography, finer.rings,
  ).unitIndex;
  const reps = coarse.reps.map((r, i) => (r.homeUnitId === null ? r : { ...r, homeUnitId: homes[i]! >= 0 ? ids[homes[i]!]! : null }));
  const dataset = { name: coarse.name, sources: coarse.sources, units, edges: geography.edges, accounts, reps };
  return { dataset, geography, report: { split: split.length, finerUnits: ids.length - level.filter((l) => l === 0).length, accounts: placed.counts } };
}
