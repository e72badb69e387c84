import { balanceIndices, deviation, type BalanceIndices } from './indices';
import { ACCOUNT_SUM_MEASURES, type AccountSumKey } from './registry';

/** Per-account columns the KPIs are computed from (typed arrays, transferable to a worker). */
export type KpiColumns = {
  accountTerritory: Int32Array;
  potential: Float64Array;
  revenue: Float64Array;
  workload: Float64Array;
};

/** KPIs of one territory, by territory index. */
export type TerritoryKpiRow = {
  index: number;
  accounts: number;
  potential: number;
  revenue: number;
  workload: number;
  /** White space = potential - revenue. */
  whiteSpace: number;
  /** Signed deviation of potential from the mean over territories, as a fraction. */
  potentialDeviation: number;
  workloadDeviation: number;
};

/** KPIs of all territories plus totals and balance indices. */
export type TerritoryKpis = {
  rows: TerritoryKpiRow[];
  unassigned: { accounts: number; potential: number; revenue: number; workload: number };
  potentialBalance: BalanceIndices;
  workloadBalance: BalanceIndices;
};

/**
 * Sums account measures per territory in one pass and derives deviations and balance indices.
 * groupOf (territory -> alignment index) makes deviations relative to the mean of the territory's own
 * alignment, so Enterprise overlay territories are not compared with geographic ones; the balance
 * indices describe group 0 (the default alignment).
 */
export function computeTerritoryKpis(territoryCount: number, c: KpiColumns, groupOf?: Int32Array): TerritoryKpis {
  const accounts = new Float64Array(territoryCount);
  const potential = new Float64Array(territoryCount);
  const revenue = new Float64Array(territoryCount);
  const workload = new Float64Array(territoryCount);
  const unassigned = { accounts: 0, potential: 0, revenue: 0, workload: 0 };
  const n = c.accountTerritory.length;
  for (let i = 0; i < n; i++) {
    const t = c.accountTerritory[i]!;
    if (t < 0 || t >= territoryCount) {
      unassigned.accounts++;
      unassigned.potential += c.potential[i]!;
      unassigned.revenue += c.revenue[i]!;
      unassigned.workload += c.workload[i]!;
      continue;
    }
    accounts[t]!++;
    potential[t]! += c.potential[i]!;
    revenue[t]! += c.revenue[i]!;
    workload[t]! += c.workload[i]!;
  }
  return kpisFromTotals({ accounts, potential, revenue, workload }, unassigned, groupOf);
}

/** Per-territory sums (index = territory index). */
export type TerritoryTotals = Record<AccountSumKey, Float64Array>;

/** Thrown when a measure's total is not a finite number (values too large to add up, or already NaN/Infinity). */
export class KpiRangeError extends Error {
  readonly measure: keyof TerritoryTotals;
  constructor(measure: keyof TerritoryTotals, total: number) {
    super(
      `Territory KPIs cannot be computed: the total ${measure} is ${total} (not a finite number), so some account's ${measure} is far too large. ` +
        `Correct it in the source data and import it again.`,
    );
    this.name = 'KpiRangeError';
    this.measure = measure;
  }
}

/** Throws KpiRangeError naming the first measure whose grand total (territories + unassigned) is NaN or ±Infinity. */
function assertFiniteTotals(totals: TerritoryTotals, unassigned: TerritoryKpis['unassigned']): void {
  for (const { key: measure } of ACCOUNT_SUM_MEASURES) {
    let total = unassigned[measure];
    for (const v of totals[measure]) total += v;
    if (!Number.isFinite(total)) throw new KpiRangeError(measure, total);
  }
}

/**
 * Deviations and balance indices from per-territory sums: O(territories), so incremental edits that keep
 * the sums up to date get the same KPIs as a full computation without touching accounts.
 * Throws KpiRangeError when a measure's total is not finite, rather than returning NaN deviations.
 */
export function kpisFromTotals(totals: TerritoryTotals, unassigned: TerritoryKpis['unassigned'], groupOf?: Int32Array): TerritoryKpis {
  assertFiniteTotals(totals, unassigned);
  const { accounts, potential, revenue } = totals;
  const territoryCount = accounts.length;
  const group = (t: number): number => (groupOf ? groupOf[t]! : 0);
  // The registry says which sums a row carries and which of them are balanced (a deviation from the alignment's mean).
  const balanced = ACCOUNT_SUM_MEASURES.flatMap((m) => (m.deviation ? [{ sum: totals[m.key], key: m.deviation.key, byGroup: indicesByGroup(totals[m.key], groupOf) }] : []));
  const rows: TerritoryKpiRow[] = [];
  for (let t = 0; t < territoryCount; t++) {
    const g = group(t);
    const row = { index: t, whiteSpace: potential[t]! - revenue[t]! } as TerritoryKpiRow;
    for (const m of ACCOUNT_SUM_MEASURES) row[m.key] = totals[m.key][t]!;
    for (const b of balanced) row[b.key] = deviation(b.sum[t]!, b.byGroup[g]!.mean);
    rows.push(row);
  }
  const indicesOf = (key: string): BalanceIndices => balanced.find((b) => b.key === key)!.byGroup[0]!;
  return { rows, unassigned: { ...unassigned }, potentialBalance: indicesOf('potentialDeviation'), workloadBalance: indicesOf('workloadDeviation') };
}

/**
 * Balance indices per alignment (index = alignment index of territoryGroups; no groupOf = one group). The one
 * definition of the mean a deviation is measured from: the mean over the territories of the same alignment.
 */
export function indicesByGroup(values: ArrayLike<number>, groupOf?: ArrayLike<number>): BalanceIndices[] {
  let groupCount = 1;
  if (groupOf) for (let t = 0; t < values.length; t++) groupCount = Math.max(groupCount, (groupOf[t] ?? 0) + 1);
  const lists: number[][] = Array.from({ length: groupCount }, () => []);
  for (let t = 0; t < values.length; t++) lists[groupOf ? (groupOf[t] ?? 0) : 0]!.push(values[t]!);
  return lists.map((l) => balanceIndices(l));
}
