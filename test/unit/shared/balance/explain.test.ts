import { describe, expect, it } from 'vitest';
import { explainRun, type ExplainNames } from '../../../../shared/domain/balance';
import type { BalanceReport } from '../../../../shared/domain/balance';

const names: ExplainNames = { unit: (u) => ['Los Angeles, CA', 'Kings, NY', 'Queens, NY'][u] ?? `unit ${u}`, territory: (t) => ['West', 'East', 'South'][t] ?? `T${t}` };
// 50 territories of mean 2 (total 100), band ±5 %: [1.9, 2.1], i.e. 1.9–2.1 % of the total each.
const targets = [{ measure: 'potential', mean: 2, lo: 1.9, hi: 2.1 }];
const territories = (devs: number[]): BalanceReport['territories'] => Array.from({ length: 50 }, (_, t) => ({
  territory: t, center: 0, units: 1, measures: [2], deviations: [devs[t] ?? 0], components: 1, islandPieces: 0, sumDistance: 0, maxDistance: 0, locked: false,
}));

describe('explainRun', () => {
  it('says in words that a unit alone is above the band, with shares of the total, and proposes the smallest band that allows it', () => {
    const e = explainRun({
      targets, territories: territories([0.8]),
      violations: [
        { territory: -1, measure: 'potential', kind: 'tolerance', value: 3.6, target: 2.1, units: [0], proven: true, reason: 'unit 0 (06037) alone has 3.6 potential, above 2.1' },
        { territory: 0, measure: 'potential', kind: 'tolerance', value: 3.6, target: 2.1, units: [0], proven: true, reason: 'territory 0 …' },
      ],
    }, 0.05, names);
    expect(e.issues).toHaveLength(1);
    expect(e.issues[0]!.text).toBe("Los Angeles, CA alone holds 3.6 % of potential, more than a territory's band (1.9 %–2.1 %).");
    expect(e.issues[0]!.fix).toMatch(/Split it into its ZIP areas.*widen the band/);
    // 3.6 / 2 - 1 = 80 %
    expect(e.widenTo).toBeCloseTo(0.8);
  });

  it('offers no band wider than ±100 %: a unit of 3 × the mean asks for splitting or fewer territories', () => {
    const e = explainRun({
      targets, territories: territories([2]),
      violations: [{ territory: -1, measure: 'potential', kind: 'tolerance', value: 6, target: 2.1, units: [0], proven: true, reason: 'unit 0 alone has 6 potential' }],
    }, 0.05, names);
    expect(e.widenTo).toBeNull();
    expect(e.issues.map((i) => i.kind)).toEqual(['other', 'unit-too-large']);
    expect(e.issues[0]!.text).toBe("No band up to ±100 % fits: a unit alone holds 3.0 × a territory's mean.");
    expect(e.issues[0]!.fix).toBe('Split the heavy units into ZIP areas, or make fewer territories.');
  });

  it('names territories the search left out of band, says nothing proves it impossible, and proposes the deviation reached', () => {
    const e = explainRun({
      targets, territories: territories([0, 0.0731]),
      violations: [{ territory: 1, measure: 'potential', kind: 'tolerance', value: 2 * 1.0731, target: 2.1, reason: 'territory 1 …' }],
    }, 0.05, names);
    expect(e.issues[0]!.text).toBe('East has 7.3 % more potential than the average territory, outside ±5.0 %. No proof says the band is impossible: the search did not find a plan within it.');
    expect(e.widenTo).toBeCloseTo(0.075);
  });

  it('says "fewer" of a count (accounts) and "less" of an amount', () => {
    const e = explainRun({
      targets: [{ measure: 'accounts', mean: 2, lo: 1.9, hi: 2.1 }], territories: territories([0, -0.0731]),
      violations: [{ territory: 1, measure: 'accounts', kind: 'tolerance', value: 2 * 0.9269, target: 1.9, reason: '…' }],
    }, 0.05, names);
    expect(e.issues[0]!.text).toMatch(/^East has 7\.3 % fewer accounts than the average territory/);
  });

  it('lists a forced cluster by unit names and needs no wider band when every territory is in band', () => {
    const e = explainRun({
      targets, territories: territories([]),
      violations: [{ territory: -1, measure: 'potential', kind: 'tolerance', value: 2.3, target: 2.1, units: [1, 2], proven: true, reason: '…' }],
    }, 0.05, names);
    expect(e.issues[0]!.text).toMatch(/^Kings, NY and Queens, NY must share one territory .* hold 2\.3 % of potential/);
    expect(explainRun({ targets, territories: territories([]), violations: [] }, 0.05, names)).toEqual({ issues: [], widenTo: null });
  });
});

describe('explainRun with the saved KPIs', () => {
  it("uses the territory's deviation as the saved scenario shows it (named accounts included) in words and in the band it proposes", () => {
    const e = explainRun({
      targets, territories: territories([0, 0.171]),
      violations: [{ territory: 1, measure: 'potential', kind: 'tolerance', value: 2 * 1.171, target: 2.1, reason: '…' }],
    }, 0.05, { ...names, deviation: (t, m) => (t === 1 && m === 'potential' ? 0.18 : undefined) });
    expect(e.issues[0]!.text).toMatch(/^East has 18\.0 % more potential/);
    expect(e.widenTo).toBeCloseTo(0.18);
  });
});

describe('explainRun: contiguity', () => {
  it('blames locked units only when the report says the territory holds some', () => {
    const v = (reason: string) => ({ territory: 1, measure: '', kind: 'contiguity' as const, value: 2, target: 1, reason });
    const locked = explainRun({ targets, territories: territories([]), violations: [v('territory 1 has 2 separate pieces (locked units)')] }, 0.05, names);
    expect(locked.issues[0]!.text).toBe('East is in 2 separate pieces (locked units keep it apart).');
    const search = explainRun({ targets, territories: territories([]), violations: [v('territory 1 has 2 separate pieces')] }, 0.05, names);
    expect(search.issues[0]).toEqual({ kind: 'contiguity', text: 'East is in 2 separate pieces: the search did not join them.', fix: 'Run again with another seed or a longer time limit.' });
  });
});

describe('explainRun: named accounts', () => {
  it('says when a territory the run left in band ends outside it once its named accounts are counted, and never "all met"', () => {
    const e = explainRun({ targets, territories: territories([]), violations: [] }, 0.05, { ...names, deviation: (t, m) => (t === 2 && m === 'potential' ? -0.054 : 0.01) });
    expect(e.issues).toEqual([{
      kind: 'named-accounts',
      text: "South has 5.4 % less potential than the average territory as the saved scenario counts it (named accounts included), outside ±5.0 %, though the run's own figures put it in the band.",
      fix: 'Run again (a design counts named accounts in a second pass, which a cancel skips), reassign named accounts, or widen the band.',
    }]);
    expect(e.widenTo).toBeCloseTo(0.055);
  });
});
