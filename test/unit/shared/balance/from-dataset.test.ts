import { describe, expect, it } from 'vitest';
import { applyBalanceResult, designSettlePass, prepareBalance, runBalance, suggestedTimeLimitMs, type BalanceSettings } from '../../../../shared/domain/balance';
import { payloadProblems } from '../../../../shared/schema/scenario-payload';
import type { TerritoryId, UnitId } from '../../../../shared/domain/ids';
import type { ScenarioPayload } from '../../../../shared/domain/territories/types';
import { tinyDataset, tinyPayload } from '../../../fixtures/tiny-dataset';

const base: BalanceSettings = { mode: 'rebalance', measures: ['potential'], tolerance: 0.1, contiguity: true, objective: 'sum', seed: 3, timeLimitMs: 500 };

function prepared(s: Partial<BalanceSettings> = {}, payload = tinyPayload()) {
  const r = prepareBalance(tinyDataset(), payload, { ...base, ...s });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('prepareBalance', () => {
  it('sums account measures per unit over the accounts of the chosen alignment, excluding named accounts', () => {
    const p = prepared();
    // Default alignment: SMB accounts a1..a4 (a6 is overridden to East, a5 is Enterprise).
    expect(Array.from(p.input.measures[0]!.values)).toEqual([10, 20, 30, 40]);
    const ent = prepared({ alignmentKey: 'enterprise', measures: ['potential', 'accounts'], mode: 'design', k: 1 });
    expect(Array.from(ent.input.measures[0]!.values)).toEqual([0, 0, 0, 500]);
    expect(Array.from(ent.input.measures[1]!.values)).toEqual([0, 0, 0, 1]);
  });

  it('counts named accounts as fixed loads of their territory when rebalancing, and in a design only in its settle pass', () => {
    // a6 (potential 60) is a named account of East, territory index 1 of the default alignment.
    const p = prepared({ measures: ['potential', 'accounts'] });
    expect(p.input.fixedLoads!.map((f) => Array.from(f!))).toEqual([[0, 60], [0, 1]]);
    const d = prepared({ mode: 'design', k: 2 });
    expect(d.input.fixedLoads).toBeUndefined();
    // The settle pass: East's identity is kept by the territory holding B and D (index 0 here), so a6 is its fixed load.
    const first = { assignment: Int32Array.from([1, 0, 1, 0]) };
    const settle = designSettlePass(tinyDataset(), tinyPayload(), d, first)!;
    expect(settle.territoryIds).toEqual(['E', 'W']);
    expect(Array.from(settle.input.baseline!)).toEqual([1, 0, 1, 0]);
    expect(Array.from(settle.input.fixedLoads![0]!)).toEqual([60, 0]);
    // When East is not kept (West keeps A, B, C; D alone is new), a6 moves to the territory of its unit A: it counts there.
    const gone = designSettlePass(tinyDataset(), tinyPayload(), d, { assignment: Int32Array.from([0, 0, 0, 1]) })!;
    expect(gone.territoryIds).toEqual(['W', null]);
    expect(gone.input.fixedLoads).toBeUndefined();
    expect(Array.from(gone.input.measures[0]!.values)).toEqual([70, 20, 30, 40]);
    // Without named accounts there is nothing to settle.
    expect(designSettlePass(tinyDataset(), { ...tinyPayload(), accountOverrides: {} }, d, first)).toBeNull();
  });

  it('gives a run without a time limit one that grows with the number of units', () => {
    expect([3144, 6624, 33659, 100_000].map(suggestedTimeLimitMs)).toEqual([5000, 7000, 34_000, 60_000]);
    const { timeLimitMs: _t, ...noLimit } = base;
    const r = prepareBalance(tinyDataset(), tinyPayload(), noLimit);
    expect(r.ok && r.value.input.timeLimitMs).toBe(5000);
    expect(prepared().input.timeLimitMs).toBe(500);
  });

  it('takes unit measures by key and rejects unknown measures with the list of choices', () => {
    const r = prepareBalance(tinyDataset(), tinyPayload(), { ...base, measures: ['nope'] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/Unknown measure "nope".*potential, revenue, accounts, workload/);
  });

  it('builds the baseline, CSR adjacency, rep-home seeds and locks in rebalance mode', () => {
    const payload = tinyPayload();
    payload.lockedUnits = ['C' as UnitId];
    payload.territories[1]!.locked = true;
    const p = prepared({}, payload);
    expect(Array.from(p.input.baseline!)).toEqual([0, 1, 0, 1]);
    expect(Array.from(p.input.adjacency!.offsets)).toEqual([0, 2, 4, 6, 8]);
    expect(Array.from(p.input.seedUnits!)).toEqual([0, 3]);
    expect(Array.from(p.input.lockedUnits!)).toEqual([0, 0, 1, 0]);
    expect(Array.from(p.input.lockedTerritories!)).toEqual([1]);
    expect(p.territoryIds).toEqual(['W', 'E']);
  });

  it('maps a disruption basis measure to an extra measure column', () => {
    const p = prepared({ maxDisruption: { share: 0.25, basis: 'revenue' } });
    expect(p.input.measures.map((m) => m.name)).toEqual(['potential', 'revenue']);
    expect(p.input.targets).toHaveLength(1);
    expect(p.input.maxDisruption).toEqual({ basis: 1, share: 0.25 });
  });

  it('refuses a K below the current count when rebalancing, and ignores locks with a warning when designing', () => {
    const r = prepareBalance(tinyDataset(), tinyPayload(), { ...base, k: 1 });
    expect(r.ok ? null : r.error.code).toBe('bad-k');
    const payload = tinyPayload();
    payload.lockedUnits = ['A' as UnitId];
    const d = prepared({ mode: 'design', k: 2 }, payload);
    expect(d.input.baseline).toBeUndefined();
    expect(d.warnings[0]).toMatch(/ignored when designing/);
  });
});

describe('applyBalanceResult', () => {
  const apply = (payload: ScenarioPayload, p: ReturnType<typeof prepared>, assignment: number[]) =>
    applyBalanceResult(tinyDataset(), payload, p, { assignment: Int32Array.from(assignment) });

  it('writes the new assignment to the balanced alignment only and keeps persisting territories with their reps', () => {
    const payload = tinyPayload();
    const p = prepared({}, payload);
    const result = runBalance(p.input);
    const out = applyBalanceResult(tinyDataset(), payload, p, result, { balance: { tolerance: 0.1 } }).payload;
    expect(payloadProblems(out)).toEqual([]);
    expect(Object.keys(out.alignments[0]!.assignment).sort()).toEqual(['A', 'B', 'C', 'D']);
    expect(out.alignments[1]).toEqual(payload.alignments[1]);
    expect(out.territories.map((t) => [t.id, t.repId])).toEqual([['W', 'r1'], ['E', 'r2']]);
    expect(out.settings).toMatchObject({ balance: { tolerance: 0.1 } });
  });

  it('keeps an old name, rep and region in a design only for the new territory holding at least half of its accounts', () => {
    const payload = tinyPayload();
    // West's accounts a1 (A), a3 (C) stay together; East's a2 (B), a4 (D) and named a6 (E, at A): 2 of 3 in territory 1.
    const same = apply(payload, prepared({ mode: 'design', k: 2 }, payload), [0, 1, 0, 1]);
    expect(same.territories.map((t) => [t.id, t.name, t.kept])).toEqual([['W', 'West', true], ['E', 'East', true]]);
    expect(same.payload.territories.map((t) => [t.id, t.repId, t.region])).toEqual([['W', 'r1', 'All'], ['E', 'r2', 'All']]);
    expect(same.removed).toEqual([]);
    expect(same.reassigned).toEqual([]);
    // Four singletons: West splits 1/2 + 1/2 (kept once), East 1/3 each (no territory holds half of it).
    const four = apply(payload, prepared({ mode: 'design', k: 4 }, payload), [0, 1, 2, 3]);
    expect(payloadProblems(four.payload)).toEqual([]);
    expect(four.territories.filter((t) => t.kept).map((t) => t.name)).toEqual(['West']);
    const fresh = four.payload.territories.filter((t) => t.id !== 'W');
    expect(fresh.map((t) => t.name)).toEqual(['Territory 1', 'Territory 2', 'Territory 3']);
    expect(fresh.every((t) => t.repId === null && t.region === 'Unassigned' && /^T-\d+$/.test(t.id))).toBe(true);
    expect(new Set(fresh.map((t) => t.color)).size).toBe(3);
    expect(four.unstaffed).toEqual(['Territory 1', 'Territory 2', 'Territory 3']);
    expect(four.untouched).toEqual([{ label: 'Enterprise', territories: 1, names: ['West'] }]);
  });

  it('keeps a name only both ways: the new territory holds most of the old one and the old one is most of the new one', () => {
    // West keeps only a1 (A); a3 (C) is named to East. Territory 0 = A, B, C holds all of West but West is 1 of its 4
    // accounts (a1; East's a2, a3, a6), so it takes East's name (3 of East's 4 accounts, 3 of its own 4), not West's.
    const payload = { ...tinyPayload(), accountOverrides: { ...tinyPayload().accountOverrides, a3: 'E' } } as ScenarioPayload;
    const out = apply(payload, prepared({ mode: 'design', k: 2 }, payload), [0, 0, 0, 1]);
    expect(out.territories.map((t) => [t.name, t.kept])).toEqual([['East', true], ['Territory 1', false]]);
  });

  it('removes territories that no longer exist and moves their named accounts to the territory of their unit', () => {
    const payload = tinyPayload();
    const four = apply(payload, prepared({ mode: 'design', k: 4 }, payload), [0, 1, 2, 3]);
    expect(four.removed).toEqual([{ id: 'E', name: 'East' }]);
    expect(four.payload.territories.some((t) => t.id === 'E')).toBe(false);
    // a6 was East's named account at unit A, which is now in West.
    expect(four.payload.accountOverrides).toEqual({ a6: 'W' });
    expect(four.reassigned).toEqual([{ accountId: 'a6', accountName: 'Six', from: 'East', to: 'West' }]);
  });

  it('keeps a territory another alignment still assigns units to', () => {
    const payload = tinyPayload();
    payload.alignments[1]!.assignment = { A: 'E', B: 'E', C: 'E', D: 'E' } as Record<UnitId, TerritoryId>;
    payload.accountOverrides = {};
    const p = prepared({ mode: 'design', k: 1 }, payload);
    const out = apply(payload, p, [0, 0, 0, 0]);
    expect(out.payload.territories.map((t) => t.id)).toEqual(['W', 'E']);
    expect(out.territories.map((t) => t.id)).toEqual(['W']);
  });
});

describe('rep and territory profiles', () => {
  it('weights territory centres and industry mix by potential and maps seniority to 0..1', async () => {
    const { repProfiles, territoryProfiles } = await import('../../../../shared/domain/balance');
    const d = tinyDataset();
    const profiles = territoryProfiles(3, d.accounts, Int32Array.from([0, 0, 1, 1, -1, 0]));
    expect(profiles.map((p) => p.territory)).toEqual([0, 1]);
    expect(profiles[0]!.potential).toBe(90);
    expect(profiles[0]!.industryMix).toEqual({ Retail: 1 });
    expect(profiles[1]!.centerX).toBeCloseTo((30 * 0 + 40 * 1) / 70);
    expect(repProfiles(d.reps).map((r) => [r.id, r.seniority, r.industries])).toEqual([['r1', 1, { Retail: 1 }], ['r2', 0, { Finance: 1 }]]);
  });
});

describe('runKpis', () => {
  it("reports a run with the saved scenario's KPIs: named accounts and the accounts of its territories counted as the grid counts them", async () => {
    const { runKpis } = await import('../../../../shared/domain/balance');
    const { scenarioKpis } = await import('../../../../shared/domain/kpi/scenario-kpis');
    const data = tinyDataset();
    const payload = tinyPayload();
    const p = prepared({ measures: ['potential', 'accounts'] }, payload);
    const applied = applyBalanceResult(data, payload, p, { assignment: Int32Array.from([0, 1, 0, 1]) });
    const k = runKpis(data, applied, p, { assignment: Int32Array.from([0, 1, 0, 1]) });
    // West: a1 + a3 = 40 plus Enterprise a5 = 500 (the overlay maps every unit to West); East: a2 + a4 + named a6 = 120.
    expect(k.territories.map((t) => [t.name, t.measures.potential])).toEqual([['West', 540], ['East', 120]]);
    expect(k.territories[0]!.deviations.potential).toBeCloseTo(210 / 330);
    expect(k.territories.map((t) => t.measures.accounts)).toEqual([3, 3]);
    expect(k.worstDeviation).toBeCloseTo(210 / 330);
    const kpis = scenarioKpis(applied.payload, data.units.ids, data.accounts);
    expect(kpis.rows.map((r) => r.potentialDeviation)).toEqual(k.territories.map((t) => t.deviations.potential));
    // Mean distance of the units (0,0),(0,1) / (1,0),(1,1) to their centre: 0.5 map units.
    expect(k.compactness).toBeCloseTo(0.5);
  });
});
