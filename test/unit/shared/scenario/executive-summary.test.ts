import { describe, expect, it } from 'vitest';
import { compareScenarios } from '../../../../shared/domain/scenario/compare';
import { executiveSummary } from '../../../../shared/domain/scenario/executive-summary';
import type { Labels } from '../../../../shared/domain/labels';
import { tinyPayload } from '../../../fixtures/tiny-dataset';
import { movedB, tinyCompareDataset } from './fixtures';

describe('executive summary', () => {
  const c = compareScenarios([{ name: 'Current', payload: tinyPayload() }, { name: 'Balanced', payload: movedB() }], tinyCompareDataset());
  const reps = Object.fromEntries(c.scenarios[1]!.reps.filter((r) => r.repId).map((r, i) => [r.repId!, `Rep Name ${i}`]));
  const labels: Labels = { units: {}, accounts: {}, reps, territories: c.scenarios.map((s) => Object.fromEntries(s.territories.map((t) => [t.territoryId, `${t.name} territory`]))) };

  it('writes balance before -> after, disruption in dollars, and reps and territories by name', () => {
    const text = executiveSummary(c, labels, 1);
    const b = c.scenarios[0]!.metrics.potentialBalance;
    const p = c.scenarios[1]!.metrics.potentialBalance;
    expect(text[0]).toContain(`from ${(b.worstDeviation * 100).toFixed(1)}\u00a0% to ${(p.worstDeviation * 100).toFixed(1)}\u00a0%`);
    expect(text[0]).toMatch(p.worstDeviation < b.worstDeviation ? /improves/ : /worsens|keeps/);
    expect(text[1]).toMatch(new RegExp(`^Disruption: ${c.scenarios[1]!.metrics.disruption.accounts} accounts? \\([\\d.]+\u00a0%\\) changes? territory`));
    expect(text[1]).toMatch(/\$[\d.,]+( [kMB])? of potential/);
    for (const line of text) expect(line).not.toMatch(/\b(R-\d|T-\d|ACC-)/);
    expect(text.join(' ')).toMatch(/Rep Name \d|No rep gains/);
    expect(text[3]).toMatch(/^Not met: \d+ of \d+ territories|^Every territory is within/);
  });

  it('names the territories outside the band and says what holds them there', () => {
    const tight = compareScenarios([{ name: 'Current', payload: tinyPayload() }, { name: 'Balanced', payload: movedB() }], tinyCompareDataset(), 0, 0);
    const outside = tight.scenarios[1]!.territories.filter((t) => Math.abs(t.potentialDeviation) > 0);
    const text = executiveSummary(tight, labels, 1);
    if (outside.length === 0) expect(text[3]).toMatch(/Every territory/);
    else {
      expect(text[3]).toContain(`Not met: ${outside.length} of ${tight.scenarios[1]!.territories.length}`);
      expect(text[3]).toMatch(/territory \([+−]\d/);
      expect(text[3]).toMatch(/holds (no accounts|\$)/);
    }
  });

  it('refuses the baseline as the plan', () => {
    expect(() => executiveSummary(c, labels, 0)).toThrow(/not a plan/);
  });
});
