import type { TerritoryId } from '../ids';
import type { BalanceIndices } from '../kpi/indices';
import { resolveScenario, scenarioKpis, type ResolvedScenario } from '../kpi/scenario-kpis';
import type { ScenarioPayload } from '../territories/types';
import { diffAlignments, type AlignmentDiff, type CompareDataset } from './diff';
import { territoryCompactness, territoryContiguity } from './shape-metrics';

/** A scenario to compare: its label and payload. */
export type CompareInput = { name: string; payload: ScenarioPayload };

/** Accounts, potential and revenue that changed territory vs the baseline (absolute and as shares). */
export type Disruption = {
  accounts: number;
  potential: number;
  revenue: number;
  accountsShare: number;
  potentialShare: number;
  revenueShare: number;
};

/** Scenario-level KPIs. */
export type ScenarioMetrics = {
  territories: number;
  potentialBalance: BalanceIndices;
  workloadBalance: BalanceIndices;
  /** Mean over territories of the mean unit distance to the centroid, km for lon/lat (lower is more compact). */
  compactness: number;
  /** Territories of the default alignment with more than one mainland piece. */
  nonContiguous: number;
  /** Shares of accounts / potential in a territory that has a rep. */
  coverage: { accounts: number; potential: number };
  unassignedAccounts: number;
  disruption: Disruption;
};

/** What one rep gains and loses vs the baseline (repId null = vacant or unassigned). */
export type RepChange = {
  repId: string | null;
  accountsGained: number;
  accountsLost: number;
  potentialGained: number;
  potentialLost: number;
  revenueGained: number;
  revenueLost: number;
};

/** One territory's bar in the per-territory chart. */
export type TerritoryBar = {
  territoryId: TerritoryId;
  name: string;
  color: string;
  repId: string | null;
  /** Its alignment: 0 the default one (the band's), else an overlay (e.g. Enterprise) on its own scale. */
  group: number;
  accounts: number;
  potential: number;
  workload: number;
  potentialDeviation: number;
  pieces: number;
  meanDistance: number;
};

/** One scenario of a comparison. */
export type ScenarioComparison = {
  name: string;
  metrics: ScenarioMetrics;
  territories: TerritoryBar[];
  /** Target band on potential for the default alignment: mean x (1 ± band). */
  band: { mean: number; low: number; high: number };
  /** What moved from the baseline to this scenario (empty for the baseline itself). */
  diff: AlignmentDiff;
  reps: RepChange[];
};

/** A side-by-side comparison of two or more scenarios against one of them. */
export type Comparison = { baselineIndex: number; band: number; scenarios: ScenarioComparison[]; /** How distances (compactness) were measured: km on the sphere, or planar map units. */ metric: 'geographic' | 'planar' };

type Resolved = ResolvedScenario;

function resolve(payload: ScenarioPayload, d: CompareDataset): Resolved {
  return resolveScenario(payload, d.units.ids, d.accounts);
}

function total(values: readonly number[]): number {
  let s = 0;
  for (const v of values) s += v;
  return s;
}

/** Gains and losses per rep implied by a diff (an account moving between two territories of one rep is no change). */
export function repChanges(diff: AlignmentDiff, base: ScenarioPayload, other: ScenarioPayload): RepChange[] {
  const repOf = (p: ScenarioPayload): Map<string, string | null> => new Map(p.territories.map((t) => [t.id as string, t.repId]));
  const baseRep = repOf(base);
  const otherRep = repOf(other);
  const byRep = new Map<string | null, RepChange>();
  const entry = (repId: string | null): RepChange => {
    let e = byRep.get(repId);
    if (!e) byRep.set(repId, (e = { repId, accountsGained: 0, accountsLost: 0, potentialGained: 0, potentialLost: 0, revenueGained: 0, revenueLost: 0 }));
    return e;
  };
  for (const m of diff.accounts) {
    const from = m.from ? (baseRep.get(m.from) ?? null) : null;
    const to = m.to ? (otherRep.get(m.to) ?? null) : null;
    if (from === to) continue;
    const lose = entry(from);
    lose.accountsLost++;
    lose.potentialLost += m.potential;
    lose.revenueLost += m.revenue;
    const gain = entry(to);
    gain.accountsGained++;
    gain.potentialGained += m.potential;
    gain.revenueGained += m.revenue;
  }
  return [...byRep.values()].sort((a, b) => (a.repId ?? '').localeCompare(b.repId ?? ''));
}

function metricsOf(p: ScenarioPayload, r: Resolved, d: CompareDataset, diff: AlignmentDiff): { metrics: ScenarioMetrics; territories: TerritoryBar[]; mean: number } {
  const k = p.territories.length;
  const kpis = scenarioKpis(p, d.units.ids, d.accounts, r);
  const main = r.unitTerritory[0] ?? new Int32Array(d.units.ids.length).fill(-1);
  const contiguity = territoryContiguity(main, k, d.edges);
  const compact = territoryCompactness(main, k, d.units.x, d.units.y, d.metric);
  let served = 0;
  let servedPotential = 0;
  for (let i = 0; i < r.accountTerritory.length; i++) {
    const t = r.accountTerritory[i]!;
    if (t >= 0 && p.territories[t]!.repId) {
      served++;
      servedPotential += d.accounts.potential[i]!;
    }
  }
  const n = d.accounts.ids.length;
  const totalPotential = total(d.accounts.potential);
  const totalRevenue = total(d.accounts.revenue);
  const movedPotential = total(diff.accounts.map((m) => m.potential));
  const movedRevenue = total(diff.accounts.map((m) => m.revenue));
  const mainTerritories = [...Array(k).keys()].filter((t) => r.groups[t] === 0);
  const share = (a: number, b: number): number => (b === 0 ? 0 : a / b);
  const metrics: ScenarioMetrics = {
    territories: k,
    potentialBalance: kpis.potentialBalance,
    workloadBalance: kpis.workloadBalance,
    compactness: mainTerritories.length ? total(mainTerritories.map((t) => compact[t]!.meanDistance)) / mainTerritories.length : 0,
    nonContiguous: mainTerritories.filter((t) => !contiguity[t]!.contiguous).length,
    coverage: { accounts: share(served, n), potential: share(servedPotential, totalPotential) },
    unassignedAccounts: kpis.unassigned.accounts,
    disruption: {
      accounts: diff.accounts.length,
      potential: movedPotential,
      revenue: movedRevenue,
      accountsShare: share(diff.accounts.length, n),
      potentialShare: share(movedPotential, totalPotential),
      revenueShare: share(movedRevenue, totalRevenue),
    },
  };
  const territories = p.territories.map((t, i): TerritoryBar => {
    const row = kpis.rows[i]!;
    return {
      territoryId: t.id,
      name: t.name,
      color: t.color,
      repId: t.repId,
      group: r.groups[i] ?? 0,
      accounts: row.accounts,
      potential: row.potential,
      workload: row.workload,
      potentialDeviation: row.potentialDeviation,
      pieces: contiguity[i]!.pieces,
      meanDistance: compact[i]!.meanDistance,
    };
  });
  return { metrics, territories, mean: kpis.potentialBalance.mean };
}

/**
 * Compares scenarios side by side against scenarios[baselineIndex]: KPIs, per-territory bars with the
 * target band (±band around the mean potential), moved units and accounts, and gains/losses per rep.
 * Throws for fewer than two scenarios or a baseline index out of range (caller bugs).
 */
export function compareScenarios(inputs: readonly CompareInput[], d: CompareDataset, baselineIndex = 0, band = 0.05): Comparison {
  checkCompareInputs(inputs, baselineIndex);
  const scenarios = inputs.map((_, i) => compareScenario(inputs, d, i, baselineIndex, band));
  return { baselineIndex, band, scenarios, metric: d.metric };
}

/** Throws unless there are two scenarios or more and baselineIndex is one of them (caller bugs). */
export function checkCompareInputs(inputs: readonly CompareInput[], baselineIndex: number): void {
  if (inputs.length < 2) throw new Error(`Comparing needs at least two scenarios, got ${inputs.length}`);
  if (baselineIndex < 0 || baselineIndex >= inputs.length) throw new Error(`Baseline index ${baselineIndex} is out of range 0..${inputs.length - 1}`);
}

/** Scenario i of a comparison (one step of compareScenarios, so a caller can stop between scenarios). */
export function compareScenario(inputs: readonly CompareInput[], d: CompareDataset, i: number, baselineIndex = 0, band = 0.05): ScenarioComparison {
  const base = inputs[baselineIndex]!.payload;
  const s = inputs[i]!;
  const diff = i === baselineIndex ? { units: [], accounts: [] } : diffAlignments(base, s.payload, d);
  const { metrics, territories, mean } = metricsOf(s.payload, resolve(s.payload, d), d, diff);
  return {
    name: s.name,
    metrics,
    territories,
    band: { mean, low: mean * (1 - band), high: mean * (1 + band) },
    diff,
    reps: i === baselineIndex ? [] : repChanges(diff, base, s.payload),
  };
}
