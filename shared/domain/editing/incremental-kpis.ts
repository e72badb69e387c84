import { kpisFromTotals, type TerritoryKpis, type TerritoryTotals } from '../kpi/territory-kpis';

/** Dataset columns per account (typed arrays, as the KPI worker holds them). */
export type AccountColumns = { accountUnit: Int32Array; potential: Float64Array; revenue: Float64Array; workload: Float64Array };

/** The alignment state of a scenario in index form (see territories/resolve.ts indexAlignment). */
export type AlignmentIndexInput = {
  territoryCount: number;
  unitCount: number;
  unitTerritory: readonly Int32Array[];
  accountAlignment: Uint8Array;
  accountOverride: Int32Array;
};

/** Measures summed per unit and alignment, per territory, and for the unassigned bucket. */
type Sums = { accounts: Float64Array; potential: Float64Array; revenue: Float64Array; workload: Float64Array };

/**
 * Aggregates that make edits O(changed units + accounts): per (alignment, unit) the sums of the accounts
 * that follow that alignment in that unit and have no override; per territory the running totals.
 * Mutable on purpose: it lives in the KPI worker and is updated in place by each edit.
 */
export type IncrementalKpis = {
  territoryCount: number;
  unitCount: number;
  columns: AccountColumns;
  accountAlignment: Uint8Array;
  accountOverride: Int32Array;
  unitTerritory: Int32Array[];
  /** Index alignment * unitCount + unit. */
  unitSums: Sums;
  /** Index territory; the extra last slot is "unassigned". */
  totals: Sums;
  /** Units per (alignment * territoryCount + territory). */
  unitCounts: Int32Array;
};

function sums(n: number): Sums {
  return { accounts: new Float64Array(n), potential: new Float64Array(n), revenue: new Float64Array(n), workload: new Float64Array(n) };
}

/** Builds the aggregates in one pass over accounts plus one over units (run in a worker). Copies the alignment arrays. */
export function buildIncrementalKpis(columns: AccountColumns, input: AlignmentIndexInput): IncrementalKpis {
  const { territoryCount: T, unitCount: U } = input;
  const A = input.unitTerritory.length;
  const n = columns.accountUnit.length;
  if (input.accountAlignment.length !== n || input.accountOverride.length !== n) {
    throw new Error(`Alignment covers ${input.accountAlignment.length} accounts, dataset has ${n}`);
  }
  for (const ut of input.unitTerritory) if (ut.length !== U) throw new Error(`Alignment covers ${ut.length} units, dataset has ${U}`);
  const state: IncrementalKpis = {
    territoryCount: T,
    unitCount: U,
    columns,
    accountAlignment: input.accountAlignment,
    accountOverride: input.accountOverride.slice(),
    unitTerritory: input.unitTerritory.map((a) => a.slice()),
    unitSums: sums(A * U),
    totals: sums(T + 1),
    unitCounts: new Int32Array(A * T),
  };
  const { unitSums } = state;
  for (let i = 0; i < n; i++) {
    const o = state.accountOverride[i]!;
    const u = columns.accountUnit[i]!;
    if (o >= 0 || u < 0 || u >= U) addAccount(state, i, o >= 0 && o < T ? o : T, 1);
    else {
      const k = state.accountAlignment[i]! * U + u;
      unitSums.accounts[k]!++;
      unitSums.potential[k]! += columns.potential[i]!;
      unitSums.revenue[k]! += columns.revenue[i]!;
      unitSums.workload[k]! += columns.workload[i]!;
    }
  }
  for (let a = 0; a < A; a++) {
    const ut = state.unitTerritory[a]!;
    for (let u = 0; u < U; u++) {
      const t = bucket(state, ut[u]!);
      addUnitSums(state, a * U + u, t, 1);
      if (t < T) state.unitCounts[a * T + t]!++;
    }
  }
  return state;
}

function bucket(s: IncrementalKpis, t: number): number {
  return t >= 0 && t < s.territoryCount ? t : s.territoryCount;
}

function addAccount(s: IncrementalKpis, i: number, t: number, sign: 1 | -1): void {
  const c = s.columns;
  s.totals.accounts[t]! += sign;
  s.totals.potential[t]! += sign * c.potential[i]!;
  s.totals.revenue[t]! += sign * c.revenue[i]!;
  s.totals.workload[t]! += sign * c.workload[i]!;
}

function addUnitSums(s: IncrementalKpis, k: number, t: number, sign: 1 | -1): void {
  const { unitSums: from, totals: to } = s;
  to.accounts[t]! += sign * from.accounts[k]!;
  to.potential[t]! += sign * from.potential[k]!;
  to.revenue[t]! += sign * from.revenue[k]!;
  to.workload[t]! += sign * from.workload[k]!;
}

/** Moves units of one alignment to territories (-1 unassigns): O(units moved). Returns how many changed. */
export function moveUnits(s: IncrementalKpis, alignment: number, units: ArrayLike<number>, territories: ArrayLike<number>): number {
  const ut = s.unitTerritory[alignment];
  if (!ut) throw new Error(`Unknown alignment index: ${alignment}`);
  if (units.length !== territories.length) throw new Error(`moveUnits: ${units.length} units but ${territories.length} territories`);
  const T = s.territoryCount;
  let changed = 0;
  for (let j = 0; j < units.length; j++) {
    const u = units[j]!;
    const to = territories[j]!;
    if (u < 0 || u >= s.unitCount) throw new Error(`Unknown unit index: ${u}`);
    if (to >= T) throw new Error(`Unknown territory index: ${to}`);
    const from = ut[u]!;
    if (from === to) continue;
    const k = alignment * s.unitCount + u;
    addUnitSums(s, k, bucket(s, from), -1);
    addUnitSums(s, k, bucket(s, to), 1);
    if (from >= 0 && from < T) s.unitCounts[alignment * T + from]!--;
    if (to >= 0) s.unitCounts[alignment * T + to]!++;
    ut[u] = to < 0 ? -1 : to;
    changed++;
  }
  return changed;
}

/** Sets (territory index) or clears (-1) account overrides: O(accounts changed). Returns how many changed. */
export function setOverrides(s: IncrementalKpis, accounts: ArrayLike<number>, territories: ArrayLike<number>): number {
  if (accounts.length !== territories.length) throw new Error(`setOverrides: ${accounts.length} accounts but ${territories.length} territories`);
  const { accountUnit, potential, revenue, workload } = s.columns;
  const U = s.unitCount;
  let changed = 0;
  for (let j = 0; j < accounts.length; j++) {
    const i = accounts[j]!;
    const to = territories[j]!;
    if (i < 0 || i >= accountUnit.length) throw new Error(`Unknown account index: ${i}`);
    if (to >= s.territoryCount) throw new Error(`Unknown territory index: ${to}`);
    const old = s.accountOverride[i]!;
    const next = to < 0 ? -1 : to;
    if (old === next) continue;
    const u = accountUnit[i]!;
    const a = s.accountAlignment[i]!;
    const inUnit = u >= 0 && u < U;
    const k = a * U + u;
    const unitT = inUnit ? s.unitTerritory[a]![u]! : -1;
    // Leaving the unit's sums when it gains an override, joining them when it loses one.
    const sign = old < 0 ? -1 : next < 0 ? 1 : 0;
    if (inUnit && sign !== 0) {
      s.unitSums.accounts[k]! += sign;
      s.unitSums.potential[k]! += sign * potential[i]!;
      s.unitSums.revenue[k]! += sign * revenue[i]!;
      s.unitSums.workload[k]! += sign * workload[i]!;
    }
    addAccount(s, i, bucket(s, old >= 0 ? old : unitT), -1);
    addAccount(s, i, bucket(s, next >= 0 ? next : unitT), 1);
    s.accountOverride[i] = next;
    changed++;
  }
  return changed;
}

/** Units per territory over all alignments (as the grid shows it). */
export function unitsPerTerritory(s: IncrementalKpis): Int32Array {
  const T = s.territoryCount;
  const out = new Int32Array(T);
  for (let a = 0; a < s.unitTerritory.length; a++) for (let t = 0; t < T; t++) out[t]! += s.unitCounts[a * T + t]!;
  return out;
}

/** Territory KPIs from the running totals: O(territories · alignments), no account is touched. */
export function currentKpis(s: IncrementalKpis): TerritoryKpis {
  const T = s.territoryCount;
  const groups = new Int32Array(T);
  for (let t = 0; t < T; t++) {
    let g = 0;
    for (let a = 0; a < s.unitTerritory.length; a++) {
      if (s.unitCounts[a * T + t]! > 0) {
        g = a;
        break;
      }
    }
    groups[t] = g;
  }
  const head = (x: Float64Array): Float64Array => x.subarray(0, T);
  const totals: TerritoryTotals = { accounts: head(s.totals.accounts), potential: head(s.totals.potential), revenue: head(s.totals.revenue), workload: head(s.totals.workload) };
  const unassigned = { accounts: s.totals.accounts[T]!, potential: s.totals.potential[T]!, revenue: s.totals.revenue[T]!, workload: s.totals.workload[T]! };
  return kpisFromTotals(totals, unassigned, groups);
}

/** Territory index of one account (override, else its alignment's territory for its unit, else -1). */
export function accountTerritoryOf(s: IncrementalKpis, i: number): number {
  const o = s.accountOverride[i] ?? -1;
  if (o >= 0) return o;
  const u = s.columns.accountUnit[i] ?? -1;
  return u < 0 || u >= s.unitCount ? -1 : s.unitTerritory[s.accountAlignment[i]!]![u]!;
}

/** A per-unit measure summed over alignments (accounts with overrides excluded), for choropleths. */
export function unitMeasure(s: IncrementalKpis, key: keyof Sums | 'whiteSpace'): Float32Array {
  const U = s.unitCount;
  const out = new Float32Array(U);
  for (let a = 0; a < s.unitTerritory.length; a++) {
    for (let u = 0; u < U; u++) {
      const k = a * U + u;
      out[u]! += key === 'whiteSpace' ? s.unitSums.potential[k]! - s.unitSums.revenue[k]! : s.unitSums[key][k]!;
    }
  }
  return out;
}
