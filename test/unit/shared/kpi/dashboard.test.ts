import { describe, expect, it } from 'vitest';
import { computeDashboard, DEFAULT_DASHBOARD_SETTINGS, territoryQuotas, type DashboardInput } from '../../../../shared/domain/kpi/dashboard';

const f64 = (...v: number[]): Float64Array => Float64Array.from(v);

/** Two territories (T1 with rep A at the origin, T2 vacant), four accounts, one unassigned; planar distances. */
function input(over: Partial<DashboardInput> = {}): DashboardInput {
  return {
    territories: [
      { id: 'T1', name: 'One', color: '#111111', repId: 'A' },
      { id: 'T2', name: 'Two', color: '#222222', repId: null },
    ],
    reps: [{ id: 'A', name: 'Ann', homeX: 0, homeY: 0 }],
    accountTerritory: Int32Array.from([0, 0, 1, -1]),
    x: f64(3, 0, 5, 9),
    y: f64(4, 1, 5, 9),
    potential: f64(100, 200, 100, 50),
    revenue: f64(50, 100, 20, 10),
    workload: f64(400, 400, 200, 5),
    metric: 'planar',
    ...over,
  };
}

describe('computeDashboard', () => {
  it('sums potential, revenue and workload per territory and per rep, and keeps unassigned apart', () => {
    const d = computeDashboard(input());
    expect(d.territories.map((t) => [t.id, t.accounts, t.potential, t.revenue, t.workload])).toEqual([['T1', 2, 300, 150, 800], ['T2', 1, 100, 20, 200]]);
    expect(d.totals).toMatchObject({ accounts: 3, potential: 400, unassignedAccounts: 1, unassignedPotential: 50 });
    expect(d.reps).toEqual([expect.objectContaining({ repId: 'A', territories: ['T1'], accounts: 2, potential: 300 })]);
  });

  it('sets quotas from potential share of revenue x (1 + growth) and derives expected attainment', () => {
    const d = computeDashboard(input());
    // Total quota 170 x 1.1 = 187, split 3:1 by potential.
    expect(d.territories[0]!.quota).toBeCloseTo(140.25);
    expect(d.territories[1]!.quota).toBeCloseTo(46.75);
    expect(d.territories[0]!.expectedAttainment).toBeCloseTo(150 / 140.25);
    expect(d.totals.quota).toBeCloseTo(187);
  });

  it('prefers imported territory quotas, then the rep quota split by potential', () => {
    const q = territoryQuotas(f64(300, 100), 170, input().territories, { mode: 'imported', byTerritory: { T2: 80 }, byRep: { A: 600 } });
    expect(Array.from(q)).toEqual([600, 80]);
  });

  it('estimates travel per visit cycle as round trips home -> account shared by the accounts of a day trip', () => {
    const rep = computeDashboard(input()).reps[0]!;
    expect(rep.travelPerCycle).toBeCloseTo((2 * (5 + 1)) / 4);
    const alone = computeDashboard(input(), { ...DEFAULT_DASHBOARD_SETTINGS, travel: { distanceUnit: 'mi', visitsPerTrip: 1 } }).reps[0]!;
    expect(alone.travelPerCycle).toBeCloseTo(2 * (5 + 1));
    expect(rep.meanDistance).toBeCloseTo(3);
    expect(rep.maxDistance).toBeCloseTo(5);
  });

  it('reports coverage ratio from rep capacity, staffed potential share and balance indices', () => {
    const d = computeDashboard(input(), { ...DEFAULT_DASHBOARD_SETTINGS, capacityHours: 1000 });
    expect(d.coverage.ratio).toBeCloseTo(1000 / 1000);
    expect(d.coverage.staffedPotentialShare).toBeCloseTo(300 / 450);
    expect(d.territories.map((t) => t.coverageRatio)).toEqual([1000 / 800, 0]);
    expect(d.balance.potential.worstDeviation).toBeCloseTo(0.5);
  });

  it('computes close rates from won/lost lead statuses, and says when lead data is missing', () => {
    const withLeads = computeDashboard(input({ leads: { territory: Int32Array.from([0, 0, 0, 1, -1]), status: ['Won', 'closed lost', 'open', 'Lost', 'won'] } }));
    expect(withLeads.territories.map((t) => t.closeRate)).toEqual([0.5, 0]);
    expect(withLeads.closeRate).toBeCloseTo(1 / 3);
    const none = computeDashboard(input());
    expect(none.closeRate).toBeNull();
    expect(none.notes.join(' ')).toMatch(/Close rate needs leads/);
    expect(none.responseTimeHours).toBeNull();
  });
});

describe('computeDashboard with an overlay alignment', () => {
  it('measures balance within the default alignment and deviations within each territory\'s own alignment', () => {
    const d = computeDashboard(input({ groupOf: Int32Array.from([0, 1]) }));
    expect(d.territories.map((t) => t.group)).toEqual([0, 1]);
    expect(d.territories.map((t) => t.potentialDeviation)).toEqual([0, 0]);
    expect(d.balance.potential).toMatchObject({ mean: 300, worstDeviation: 0 });
  });
});
