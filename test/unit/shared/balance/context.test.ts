import { describe, expect, it } from 'vitest';
import { buildContext } from '../../../../shared/domain/balance/context';
import { edgeListsToCsr } from '../../../../shared/domain/balance/graph';
import type { BalanceInput } from '../../../../shared/domain/balance';

describe('run context: distances over a graph with edge lengths', () => {
  // 0 - 1 - 2 with lengths 1 and 1, and a direct edge 0 - 2 of length 5; unit 3 is on its own.
  const csr = edgeListsToCsr([[1, 2], [0, 2], [1, 0], []]);
  const length = (u: number, v: number): number => (u + v === 2 ? 5 : 1);
  const distances = new Float64Array(csr.neighbors.length);
  for (let u = 0; u < 4; u++) for (let e = csr.offsets[u]!; e < csr.offsets[u + 1]!; e++) distances[e] = length(u, csr.neighbors[e]!);
  const input: BalanceInput = {
    x: Float64Array.from([0, 1, 2, 10]), y: new Float64Array(4), metric: 'planar', measures: [{ name: 'm', values: new Float64Array(4).fill(1) }],
    targets: [{ measure: 0, tolerance: 0.5 }], k: 2, adjacency: { ...csr, distances }, contiguity: false,
  };

  it('are shortest paths (not the direct edge), symmetric, and finite towards another component', () => {
    const ctx = buildContext(input);
    expect(ctx.dist(2, 0)).toBe(2);
    expect(ctx.dist(0, 2)).toBe(2);
    expect(ctx.dist(1, 1)).toBe(0);
    expect(Number.isFinite(ctx.dist(3, 0))).toBe(true);
    expect(ctx.dist(3, 0)).toBeGreaterThan(ctx.dist(2, 0));
  });
});
