import { distanceFn, type DistanceMetric } from '../geo/distance';
import { balanceIndices, deviation, type BalanceIndices } from './indices';
import { indicesByGroup } from './territory-kpis';
import { accountTravel, DEFAULT_TRAVEL_SETTINGS, type TravelSettings } from './travel';

/** How quotas are set: from each territory's potential share of a total, or imported per territory / rep. */
export type QuotaSettings = {
  mode: 'potential-share' | 'imported';
  /** Total quota for potential-share; default: total revenue x (1 + growth). */
  total?: number;
  /** Growth over current revenue used for the default total (0.1 = +10%). */
  growth?: number;
  byTerritory?: Record<string, number>;
  byRep?: Record<string, number>;
};

/** Dashboard settings stored in ScenarioPayload.settings.dashboard. */
export type DashboardSettings = { quotas: QuotaSettings; capacityHours: number; band: number; travel: TravelSettings };

/** Defaults: quotas from potential share at +10% growth, 1,600 selling hours a rep-year, ±10% band, km and 4 visits a trip. */
export const DEFAULT_DASHBOARD_SETTINGS: DashboardSettings = { quotas: { mode: 'potential-share', growth: 0.1 }, capacityHours: 1600, band: 0.1, travel: DEFAULT_TRAVEL_SETTINGS };

/** Per-account columns and the scenario's territories and reps the dashboard is computed from. */
export type DashboardInput = {
  territories: readonly { id: string; name: string; color: string; repId: string | null }[];
  reps: readonly { id: string; name: string; homeX: number; homeY: number }[];
  accountTerritory: Int32Array;
  x: Float64Array;
  y: Float64Array;
  potential: Float64Array;
  revenue: Float64Array;
  workload: Float64Array;
  metric: DistanceMetric;
  /** Territory -> alignment index (territoryGroups); balance compares territories within their own alignment. */
  groupOf?: Int32Array | undefined;
  /** Leads with a territory index and a status, when the workspace has leads (for close rates). */
  leads?: { territory: Int32Array; status: readonly string[] };
};

/** Per-territory dashboard row. */
export type DashboardTerritory = {
  id: string; name: string; color: string; repId: string | null;
  /** Alignment index: 0 for the default (geographic) alignment, others for overlays such as Enterprise. */
  group: number;
  accounts: number; potential: number; revenue: number; workload: number;
  quota: number;
  /** Revenue at the current run rate / quota. */
  expectedAttainment: number;
  /** Rep capacity hours / workload hours; 0 when unstaffed, null without workload. */
  coverageRatio: number | null;
  potentialDeviation: number; workloadDeviation: number;
  /** Won / (won + lost) of the territory's leads; null without closed leads. */
  closeRate: number | null;
};

/** Per-rep dashboard row (a rep may hold several territories). */
export type DashboardRep = {
  repId: string; name: string; territories: string[];
  accounts: number; potential: number; revenue: number; workload: number;
  quota: number; expectedAttainment: number; coverageRatio: number | null;
  /** Travel per visit cycle (accountTravel summed over the rep's accounts), km (planar: coordinate units). */
  travelPerCycle: number;
  /** Mean and largest distance home base -> account, km (planar: coordinate units). */
  meanDistance: number; maxDistance: number;
};

/** The dashboard of one scenario version. */
export type Dashboard = {
  territories: DashboardTerritory[];
  reps: DashboardRep[];
  totals: { accounts: number; potential: number; revenue: number; workload: number; quota: number; unassignedAccounts: number; unassignedPotential: number };
  coverage: { ratio: number; staffedPotentialShare: number };
  /** Over the default alignment's territories (group 0). */
  balance: { potential: BalanceIndices; workload: BalanceIndices; revenue: BalanceIndices; attainment: BalanceIndices };
  closeRate: number | null;
  /** Always null until lead data carries response timestamps (see notes). */
  responseTimeHours: number | null;
  settings: DashboardSettings;
  /** How distances were measured: km on the sphere (lon/lat) or planar map units. */
  distanceMetric: DistanceMetric;
  notes: string[];
};

const WON = /^(won|closed ?won|converted|customer)$/i;
const LOST = /^(lost|closed ?lost|disqualified|unqualified)$/i;

/** Territory quotas: imported values (by territory, else the rep's quota split by potential), or a potential share of the total. */
export function territoryQuotas(potential: Float64Array, revenueTotal: number, t: DashboardInput['territories'], q: QuotaSettings): Float64Array {
  const total = potential.reduce((s, v) => s + v, 0);
  const out = new Float64Array(t.length);
  const target = q.total ?? revenueTotal * (1 + (q.growth ?? 0.1));
  const repPotential = new Map<string, number>();
  t.forEach((x, i) => x.repId && repPotential.set(x.repId, (repPotential.get(x.repId) ?? 0) + potential[i]!));
  t.forEach((x, i) => {
    const own = q.mode === 'imported' ? q.byTerritory?.[x.id] : undefined;
    const rep = q.mode === 'imported' && x.repId ? q.byRep?.[x.repId] : undefined;
    if (own !== undefined) out[i] = own;
    else if (rep !== undefined) out[i] = rep * (repPotential.get(x.repId!)! > 0 ? potential[i]! / repPotential.get(x.repId!)! : 1);
    else out[i] = total > 0 ? (target * potential[i]!) / total : 0;
  });
  return out;
}

/** Computes the dashboard in one pass over accounts (and one over leads); pure, for the server or a worker. */
export function computeDashboard(input: DashboardInput, settings: DashboardSettings = DEFAULT_DASHBOARD_SETTINGS): Dashboard {
  const T = input.territories.length;
  const sums = { accounts: new Float64Array(T), potential: new Float64Array(T), revenue: new Float64Array(T), workload: new Float64Array(T) };
  const repIndex = new Map(input.reps.map((r, i) => [r.id, i]));
  const homeOf = input.territories.map((t) => (t.repId ? (repIndex.get(t.repId) ?? -1) : -1));
  const travel = new Float64Array(input.reps.length);
  const maxD = new Float64Array(input.reps.length);
  const visits = new Float64Array(input.reps.length);
  const dsum = new Float64Array(input.reps.length);
  const dist = distanceFn(input.metric);
  let unassignedAccounts = 0;
  let unassignedPotential = 0;
  for (let i = 0; i < input.accountTerritory.length; i++) {
    const t = input.accountTerritory[i]!;
    if (t < 0 || t >= T) {
      unassignedAccounts++;
      unassignedPotential += input.potential[i]!;
      continue;
    }
    sums.accounts[t]!++;
    sums.potential[t]! += input.potential[i]!;
    sums.revenue[t]! += input.revenue[i]!;
    sums.workload[t]! += input.workload[i]!;
    const r = homeOf[t]!;
    // Accounts without a location (NaN: the import could not place them) add no travel.
    if (r >= 0 && Number.isFinite(input.x[i]!)) {
      const rep = input.reps[r]!;
      const d = dist(rep.homeX, rep.homeY, input.x[i]!, input.y[i]!);
      dsum[r]! += d;
      travel[r]! += accountTravel(d, settings.travel);
      visits[r]!++;
      if (d > maxD[r]!) maxD[r] = d;
    }
  }
  const won = new Float64Array(T);
  const closed = new Float64Array(T);
  if (input.leads) {
    input.leads.territory.forEach((t, i) => {
      const s = input.leads!.status[i] ?? '';
      if (t < 0 || t >= T || !(WON.test(s) || LOST.test(s))) return;
      closed[t]!++;
      if (WON.test(s)) won[t]!++;
    });
  }
  const totalRevenue = sums.revenue.reduce((s, v) => s + v, 0);
  const quota = territoryQuotas(sums.potential, totalRevenue, input.territories, settings.quotas);
  const group = (t: number): number => input.groupOf?.[t] ?? 0;
  const pByGroup = indicesByGroup(sums.potential, input.groupOf);
  const wByGroup = indicesByGroup(sums.workload, input.groupOf);
  const pb = pByGroup[0]!;
  const wb = wByGroup[0]!;
  const attainment = (rev: number, q: number): number => (q > 0 ? rev / q : 0);
  const territories: DashboardTerritory[] = input.territories.map((t, i) => ({
    id: t.id, name: t.name, color: t.color, repId: t.repId, group: group(i),
    accounts: sums.accounts[i]!, potential: sums.potential[i]!, revenue: sums.revenue[i]!, workload: sums.workload[i]!,
    quota: quota[i]!,
    expectedAttainment: attainment(sums.revenue[i]!, quota[i]!),
    coverageRatio: !t.repId ? 0 : sums.workload[i]! > 0 ? settings.capacityHours / sums.workload[i]! : null,
    potentialDeviation: deviation(sums.potential[i]!, pByGroup[group(i)]!.mean),
    workloadDeviation: deviation(sums.workload[i]!, wByGroup[group(i)]!.mean),
    closeRate: closed[i]! > 0 ? won[i]! / closed[i]! : null,
  }));
  const reps = input.reps.map((rep, r): DashboardRep | null => {
    const own = territories.filter((t) => t.repId === rep.id);
    if (own.length === 0) return null;
    const add = (k: 'accounts' | 'potential' | 'revenue' | 'workload' | 'quota'): number => own.reduce((s, t) => s + t[k], 0);
    const workload = add('workload');
    return {
      repId: rep.id, name: rep.name, territories: own.map((t) => t.id),
      accounts: add('accounts'), potential: add('potential'), revenue: add('revenue'), workload,
      quota: add('quota'), expectedAttainment: attainment(add('revenue'), add('quota')),
      coverageRatio: workload > 0 ? settings.capacityHours / workload : null,
      travelPerCycle: travel[r]!, meanDistance: visits[r]! > 0 ? dsum[r]! / visits[r]! : 0, maxDistance: maxD[r]!,
    };
  }).filter((r): r is DashboardRep => r !== null);
  const sum = (a: Float64Array): number => a.reduce((s, v) => s + v, 0);
  const totals = { accounts: sum(sums.accounts), potential: sum(sums.potential), revenue: totalRevenue, workload: sum(sums.workload), quota: sum(quota), unassignedAccounts, unassignedPotential };
  const staffed = territories.filter((t) => t.repId).reduce((s, t) => s + t.potential, 0);
  const allClosed = sum(closed);
  const notes: string[] = [];
  if (!input.leads || allClosed === 0) notes.push('Close rate needs leads with a won/lost status; none in this workspace.');
  notes.push('Lead response time needs lead created / first-response timestamps, which the lead import does not carry yet.');
  return {
    territories, reps, totals,
    coverage: { ratio: totals.workload > 0 ? (reps.length * settings.capacityHours) / totals.workload : 0, staffedPotentialShare: totals.potential + unassignedPotential > 0 ? staffed / (totals.potential + unassignedPotential) : 0 },
    balance: { potential: pb, workload: wb, revenue: indicesByGroup(sums.revenue, input.groupOf)[0]!, attainment: balanceIndices(territories.filter((t) => t.group === 0).map((t) => t.expectedAttainment)) },
    closeRate: allClosed > 0 ? sum(won) / allClosed : null,
    responseTimeHours: null,
    settings,
    distanceMetric: input.metric,
    notes,
  };
}
