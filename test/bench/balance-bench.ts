// Balancing engine benchmark: `npx tsx test/bench/balance-bench.ts [--quick]`. Prints a table and JSON.
import { buildBalanceLp, lpLowerBound, runBalance, type BalanceInput } from '../../shared/domain/balance';
import { createHighsSolver } from '../../electron/services/lp/highs-solver';
import { gridInstance } from '../unit/shared/balance/fixtures';
import { countyInstance, randomInstance, zipInstance } from './instances';

type Row = {
  instance: string; units: number; k: number; tolerance: number; runtimeMs: number; worstDeviation: number; bandMet: boolean;
  nonContiguous: number; violations: number; provenInfeasible: number; compactness: number; lpBound?: number; gapToLp?: number;
  mipOptimum?: number; mipStatus?: string; mipMs?: number; gapToMip?: number;
};

const quick = process.argv.includes('--quick');
const lpSolver = createHighsSolver();
const mipSolver = createHighsSolver({ timeLimitSec: 60 });

async function bench(name: string, input: BalanceInput, exact: boolean): Promise<Row> {
  const t0 = performance.now();
  const result = runBalance(input);
  const runtimeMs = performance.now() - t0;
  const r = result.report;
  const tol = input.targets[0]!.tolerance ?? 0;
  const row: Row = {
    instance: name, units: input.x.length, k: input.k, tolerance: tol, runtimeMs: Math.round(runtimeMs), worstDeviation: round(r.worstDeviation),
    bandMet: r.territories.every((t) => t.deviations.every((d) => Math.abs(d) <= tol + 1e-9)), nonContiguous: r.nonContiguous,
    violations: r.violations.filter((v) => !v.proven).length, provenInfeasible: r.violations.filter((v) => v.proven).length, compactness: round(r.compactness),
  };
  const lb = await lpLowerBound(input, result, lpSolver, { maxVariables: 12_000 });
  if ('bound' in lb) { row.lpBound = round(lb.bound); row.gapToLp = round(lb.gap); }
  if (exact) {
    const model = buildBalanceLp(input, { integer: true, maxVariables: 12_000 });
    if ('lp' in model) {
      const m0 = performance.now();
      const mip = await mipSolver(model.lp);
      row.mipMs = Math.round(performance.now() - m0); row.mipStatus = mip.status;
      if (mip.status === 'Optimal' || mip.status === 'Time limit reached') { row.mipOptimum = round(mip.objective); row.gapToMip = round((r.compactness - mip.objective) / mip.objective); }
    }
  }
  return row;
}

function round(v: number): number {
  return Math.round(v * 1e4) / 1e4;
}

const rows: Row[] = [];
for (const [n, k, seed] of [[30, 3, 1], [50, 4, 2], [80, 4, 3], [100, 5, 4]] as const) rows.push(await bench(`random-${n}`, randomInstance(n, k, 0.05, seed), true));
rows.push(await bench('grid-10x10 (contiguous)', gridInstance(10, 10, 4), true));
rows.push(await bench('grid-100x100', gridInstance(100, 100, 50, 7, { targets: [{ measure: 0, tolerance: 0.03 }] }), false));
rows.push(await bench('us-counties pop', countyInstance(50, 0.03), false));
if (!quick) rows.push(await bench('us-zip-synthetic est', zipInstance(200, 0.03), false));
console.table(rows.map((r) => ({ ...r, worstDeviation: `${(r.worstDeviation * 100).toFixed(2)}%` })));
console.log(JSON.stringify(rows, null, 1));
