import { describe, expect, it } from 'vitest';
import { runBalance } from '../../../../shared/domain/balance';
import { randomTiny as tiny } from './fixtures';

describe('iterated local search on the centres (perturbations)', () => {
  const base = { ...tiny(60, 4, 41, 0.1), restarts: 1, timeLimitMs: 60_000 };

  it('is deterministic for a seed with a step budget', () => {
    const a = runBalance({ ...base, perturbations: 40 });
    const b = runBalance({ ...base, perturbations: 40 });
    expect(Array.from(a.assignment)).toEqual(Array.from(b.assignment));
    expect(a.report.compactness).toBe(b.report.compactness);
  });

  it('keeps the best plan: never worse than without it, and inside the band', () => {
    const without = runBalance(base);
    const withIls = runBalance({ ...base, perturbations: 40 });
    expect(withIls.report.feasible).toBe(true);
    expect(withIls.report.compactness).toBeLessThanOrEqual(without.report.compactness + 1e-9);
  });

  it("'until-time-limit' runs until the limit (a fake clock advancing 1 ms per call) and reports progress", () => {
    let t = 0;
    const fractions: number[] = [];
    const r = runBalance({ ...base, timeLimitMs: 5000, perturbations: 'until-time-limit' }, { now: () => t++, onProgress: (p) => fractions.push(p.fraction) });
    expect(r.report.runtimeMs).toBeGreaterThanOrEqual(5000);
    expect(r.report.feasible).toBe(true);
    expect(fractions.at(-1)).toBe(1);
  });
});
