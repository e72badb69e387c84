import type { AccountId } from '../ids';
import { createRng, normal, pickCumulative } from '../random';
import { GENERIC_WORDS, LEGAL_SUFFIXES, PLACE_WORDS, SURNAMES } from './company-names';
import type { AccountsTable, Placement } from './types';

/** An industry of the synthetic mix: NAICS sector, share of establishments, size and spend factors. */
export type Industry = {
  name: string;
  naics: string;
  /** Share of US establishments (approximate, County Business Patterns). */
  share: number;
  /** Multiplier on the median establishment size. */
  sizeFactor: number;
  /** Yearly market potential per employee in USD at national average wages. */
  spendPerEmployee: number;
  /** Words that make a company name sound like this industry. */
  words: string[];
};

/** The national industry mix used by the demo (13 NAICS sectors, shares sum to 1). */
export const INDUSTRIES: readonly Industry[] = [
  { name: 'Retail', naics: '44-45', share: 0.125, sizeFactor: 1.0, spendPerEmployee: 900, words: ['Outfitters', 'Market', 'Supply', 'Stores'] },
  { name: 'Professional Services', naics: '54', share: 0.13, sizeFactor: 0.6, spendPerEmployee: 1800, words: ['Consulting', 'Engineering', 'Law Group', 'Design'] },
  { name: 'Health Care', naics: '62', share: 0.115, sizeFactor: 1.2, spendPerEmployee: 1300, words: ['Medical Group', 'Clinic', 'Health', 'Care Center'] },
  { name: 'Hospitality', naics: '72', share: 0.095, sizeFactor: 1.3, spendPerEmployee: 600, words: ['Grill', 'Hotel', 'Kitchen', 'Cafe'] },
  { name: 'Construction', naics: '23', share: 0.1, sizeFactor: 0.7, spendPerEmployee: 1000, words: ['Construction', 'Builders', 'Contracting', 'Roofing'] },
  { name: 'Other Services', naics: '81', share: 0.1, sizeFactor: 0.5, spendPerEmployee: 700, words: ['Auto Repair', 'Services', 'Cleaners', 'Salon'] },
  { name: 'Finance & Insurance', naics: '52', share: 0.065, sizeFactor: 0.8, spendPerEmployee: 2000, words: ['Financial', 'Insurance', 'Capital', 'Credit Union'] },
  { name: 'Real Estate', naics: '53', share: 0.055, sizeFactor: 0.5, spendPerEmployee: 1100, words: ['Realty', 'Properties', 'Property Management', 'Land'] },
  { name: 'Wholesale', naics: '42', share: 0.055, sizeFactor: 1.1, spendPerEmployee: 1200, words: ['Distributors', 'Wholesale', 'Trading', 'Imports'] },
  { name: 'Manufacturing', naics: '31-33', share: 0.045, sizeFactor: 2.5, spendPerEmployee: 1500, words: ['Manufacturing', 'Industries', 'Fabrication', 'Plastics'] },
  { name: 'Business Services', naics: '56', share: 0.055, sizeFactor: 1.3, spendPerEmployee: 900, words: ['Staffing', 'Facility Services', 'Security', 'Landscaping'] },
  { name: 'Transportation', naics: '48-49', share: 0.035, sizeFactor: 1.4, spendPerEmployee: 1100, words: ['Logistics', 'Freight', 'Trucking', 'Transit'] },
  { name: 'Information', naics: '51', share: 0.025, sizeFactor: 1.2, spendPerEmployee: 2200, words: ['Media', 'Software', 'Networks', 'Data'] },
];

/** Segment names by company size. */
export type Segment = 'SMB' | 'Mid-Market' | 'Enterprise';

/** Segment of an account by its employee count: SMB < 50, Mid-Market < 500, else Enterprise. */
export function segmentForEmployees(employees: number): Segment {
  if (employees < 50) return 'SMB';
  if (employees < 500) return 'Mid-Market';
  return 'Enterprise';
}

// Visits a year and hours a visit: customers are served, prospects only prospected.
const VISITS: Record<Segment, { customer: [number, number]; prospect: [number, number] }> = {
  SMB: { customer: [3, 1], prospect: [1, 0.5] },
  'Mid-Market': { customer: [6, 1.5], prospect: [2, 1] },
  Enterprise: { customer: [12, 2], prospect: [4, 1.5] },
};
// Bigger firms are likelier to already buy: overall about 60% prospects, as in a typical CRM.
const CUSTOMER_RATE: Record<Segment, number> = { SMB: 0.36, 'Mid-Market': 0.55, Enterprise: 0.75 };

/** Yearly workload in hours of one account (visits x hours by segment and customer status). */
export function workloadHours(segment: Segment, isCustomer: boolean): number {
  const [visits, hours] = VISITS[segment][isCustomer ? 'customer' : 'prospect'];
  return visits * hours;
}

/** Per-unit inputs of the account synthesis (all arrays aligned; payroll in USD). */
export type SynthUnits = {
  x: readonly number[];
  y: readonly number[];
  areaKm2: readonly number[];
  establishments: readonly number[];
  employees: readonly number[];
  payroll: readonly number[];
};

/** Options of synthesizeAccounts. */
export type SynthAccountsOptions = { count: number; seed: number };

/** Splits total into integer counts proportional to weights (largest remainder; ties by index), summing to total. */
export function apportion(weights: readonly number[], total: number): number[] {
  const sum = weights.reduce((s, w) => s + Math.max(0, w), 0);
  if (sum <= 0) throw new Error('apportion needs at least one positive weight');
  const quotas = weights.map((w) => (Math.max(0, w) * total) / sum);
  const counts = quotas.map(Math.floor);
  let left = total - counts.reduce((s, c) => s + c, 0);
  const order = quotas.map((q, i) => i).sort((a, b) => quotas[b]! - Math.floor(quotas[b]!) - (quotas[a]! - Math.floor(quotas[a]!)) || a - b);
  for (let k = 0; left > 0; k++, left--) counts[order[k % order.length]!]!++;
  return counts;
}

const KM_PER_DEG = 111.32;

/** Random point in a disc of radiusKm around lon/lat (uniform by area), in lon/lat. */
export function jitterLonLat(lon: number, lat: number, radiusKm: number, rng: () => number): [number, number] {
  const r = radiusKm * Math.sqrt(rng());
  const a = 2 * Math.PI * rng();
  const dLat = (r * Math.sin(a)) / KM_PER_DEG;
  const dLon = (r * Math.cos(a)) / (KM_PER_DEG * Math.max(0.05, Math.cos((lat * Math.PI) / 180)));
  return [lon + dLon, lat + dLat];
}

const pick = <T>(list: readonly T[], rng: () => number): T => list[Math.floor(rng() * list.length)]!;

/** Deterministic company-like name for an account of an industry. */
export function companyName(industry: Industry, rng: () => number): string {
  const word = pick(industry.words, rng);
  const style = rng();
  let base: string;
  if (style < 0.35) base = `${pick(SURNAMES, rng)} ${word}`;
  else if (style < 0.7) base = `${pick(PLACE_WORDS, rng)} ${word}`;
  else if (style < 0.85) base = `${pick(SURNAMES, rng)} & ${pick(SURNAMES, rng)} ${word}`;
  else base = `${pick(PLACE_WORDS, rng)} ${pick(GENERIC_WORDS, rng)}`;
  const legal = pick(LEGAL_SUFFIXES, rng);
  return legal ? `${base} ${legal}` : base;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
const round100 = (v: number) => Math.round(v / 100) * 100;

/**
 * Draws synthetic accounts in proportion to unit establishments (exact largest-remainder counts per unit),
 * near each unit's centroid. Owners are left '' (see assignOwners). Pure and deterministic for a seed.
 */
export function synthesizeAccounts(units: SynthUnits, options: SynthAccountsOptions): AccountsTable {
  const n = units.x.length;
  const rng = createRng(options.seed);
  const perUnit = apportion(units.establishments, options.count);
  const sum = (a: readonly number[]) => a.reduce((s, v) => s + v, 0);
  const natPayPerEst = sum(units.payroll) / sum(units.establishments);
  const natPayPerEmp = sum(units.payroll) / sum(units.employees);
  const industryCum: number[] = [];
  INDUSTRIES.reduce((s, ind) => (industryCum.push(s + ind.share), s + ind.share), 0);

  const t: AccountsTable = {
    ids: [], names: [], x: [], y: [], unitIndex: [], industry: [], segment: [], employees: [],
    revenue: [], potential: [], workload: [], owner: [], placement: [],
  };
  const exact: Placement = 'exact';
  for (let u = 0; u < n; u++) {
    const k = perUnit[u]!;
    if (k === 0) continue;
    const est = units.establishments[u]!;
    const emp = units.employees[u]!;
    // Richer counties (payroll per establishment / per employee) get bigger firms and bigger budgets.
    const sizeRatio = clamp(units.payroll[u]! / est / natPayPerEst, 0.4, 2.5);
    const wageRatio = clamp(emp > 0 ? units.payroll[u]! / emp / natPayPerEmp : 1, 0.5, 2);
    // Half the radius of the equal-area disc keeps nearly every point inside its county.
    const radius = Math.max(0.3, 0.5 * Math.sqrt(units.areaKm2[u]! / Math.PI));
    for (let j = 0; j < k; j++) {
      const ind = INDUSTRIES[pickCumulative(industryCum, rng())]!;
      const median = 12 * ind.sizeFactor * sizeRatio ** 0.8;
      const employees = Math.round(clamp(median * Math.exp(1.6 * normal(rng)), 1, 100_000));
      const segment = segmentForEmployees(employees);
      const potential = Math.max(1000, round100(employees * ind.spendPerEmployee * wageRatio ** 0.8 * Math.exp(0.25 * normal(rng))));
      const isCustomer = rng() < CUSTOMER_RATE[segment];
      const revenue = isCustomer ? round100(potential * (0.1 + 0.5 * rng())) : 0;
      const [x, y] = jitterLonLat(units.x[u]!, units.y[u]!, radius, rng);
      t.ids.push(`ACC-${String(t.ids.length + 1).padStart(6, '0')}` as AccountId);
      t.names.push(companyName(ind, rng));
      t.x.push(Math.round(x * 1e5) / 1e5);
      t.y.push(Math.round(y * 1e5) / 1e5);
      t.unitIndex.push(u);
      t.industry.push(ind.name);
      t.segment.push(segment);
      t.employees.push(employees);
      t.revenue.push(revenue);
      t.potential.push(potential);
      t.workload.push(workloadHours(segment, isCustomer));
      t.owner.push('');
      t.placement.push(exact);
    }
  }
  return t;
}

/** Sums an account column per unit (e.g. potential per county), as a measure column. */
export function sumByUnit(unitCount: number, unitIndex: readonly number[], values: readonly number[] | null): number[] {
  const out = new Array<number>(unitCount).fill(0);
  for (let i = 0; i < unitIndex.length; i++) {
    const u = unitIndex[i]!;
    if (u >= 0) out[u]! += values ? values[i]! : 1;
  }
  return out;
}
