import type { AccountId, TerritoryId, UnitId } from '../ids';
import { indexAlignment, resolveAccountTerritories } from '../territories/resolve';
import type { ScenarioPayload } from '../territories/types';

/** The columns of a dataset that comparisons read (a subset of UnitsTable / AccountsTable / UnitEdges). */
export type CompareDataset = {
  units: { ids: readonly UnitId[]; x: readonly number[]; y: readonly number[] };
  /** Undirected unit adjacency as index pairs. */
  edges: { a: readonly number[]; b: readonly number[] };
  accounts: {
    ids: readonly AccountId[];
    unitIndex: readonly number[];
    segment: readonly string[];
    potential: readonly number[];
    revenue: readonly number[];
    workload: readonly number[];
  };
  /** How unit coordinates are read for compactness: lon/lat or planar. */
  metric: 'geographic' | 'planar';
};

/** A unit whose territory differs between two scenarios, in one alignment. */
export type MovedUnit = { unitId: UnitId; alignment: string; from: TerritoryId | null; to: TerritoryId | null };

/** An account whose resolved territory (alignment + overrides) differs between two scenarios. */
export type MovedAccount = {
  accountId: AccountId;
  from: TerritoryId | null;
  to: TerritoryId | null;
  potential: number;
  revenue: number;
  /** True when an account override (named account) decided either side. */
  viaOverride: boolean;
};

/** Everything that moved from a base scenario to another one. */
export type AlignmentDiff = { units: MovedUnit[]; accounts: MovedAccount[] };

/** Per account: resolved territory id (null when unassigned) and whether an override decided it. */
export function resolveAccountOwners(payload: ScenarioPayload, d: CompareDataset): { owner: (TerritoryId | null)[]; viaOverride: Uint8Array } {
  const idx = indexAlignment(payload, d.units.ids, d.accounts);
  const t = resolveAccountTerritories(Int32Array.from(d.accounts.unitIndex), idx.accountAlignment, idx.accountOverride, idx.unitTerritory);
  const owner = Array.from(t, (i) => (i >= 0 ? idx.territoryIds[i]! : null));
  const viaOverride = Uint8Array.from(idx.accountOverride, (o) => (o >= 0 ? 1 : 0));
  return { owner, viaOverride };
}

/**
 * Units and accounts that changed territory from base to other. Units are compared per alignment key
 * (an alignment present on one side only counts every assigned unit of it as moved); accounts are
 * compared after resolution, so a new named-account override shows as a moved account.
 */
export function diffAlignments(base: ScenarioPayload, other: ScenarioPayload, d: CompareDataset): AlignmentDiff {
  const units: MovedUnit[] = [];
  const keys = [...new Set([...base.alignments.map((a) => a.key), ...other.alignments.map((a) => a.key)])];
  for (const key of keys) {
    const a = base.alignments.find((x) => x.key === key)?.assignment ?? {};
    const b = other.alignments.find((x) => x.key === key)?.assignment ?? {};
    for (const unitId of d.units.ids) {
      const from = a[unitId] ?? null;
      const to = b[unitId] ?? null;
      if (from !== to) units.push({ unitId, alignment: key, from, to });
    }
  }
  const ra = resolveAccountOwners(base, d);
  const rb = resolveAccountOwners(other, d);
  const accounts: MovedAccount[] = [];
  for (let i = 0; i < d.accounts.ids.length; i++) {
    if (ra.owner[i] === rb.owner[i]) continue;
    accounts.push({
      accountId: d.accounts.ids[i]!,
      from: ra.owner[i]!,
      to: rb.owner[i]!,
      potential: d.accounts.potential[i]!,
      revenue: d.accounts.revenue[i]!,
      viaOverride: ra.viaOverride[i] === 1 || rb.viaOverride[i] === 1,
    });
  }
  return { units, accounts };
}
