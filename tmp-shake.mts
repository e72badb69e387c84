import { runBalance, type BalanceInput } from '/work/main/shared/domain/balance';
import { countyInstance, zipAreaInstance } from '/work/main/test/bench/instances';
import { gridInstance } from '/work/main/test/unit/shared/balance/fixtures';
const cpuClock = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const cases: [string, BalanceInput][] = [
  ['grid-100x100 50 ±3%', gridInstance(100, 100, 50, 7, { targets: [{ measure: 0, tolerance: 0.03 }], timeLimitMs: 5000 })],
  ['counties 50 ±3%', { ...countyInstance(50, 0.03), timeLimitMs: 5000 }],
  ['counties 25 ±1%', { ...countyInstance(25, 0.01), timeLimitMs: 3000 }],
];
if (process.argv.includes('--zip')) cases.push(['zip-areas 200 ±3%', { ...(await zipAreaInstance(200, 0.03)), timeLimitMs: 10000 }]);
for (const [name, input] of cases) {
  for (const p of [0, 'until-time-limit'] as const) {
    const r = runBalance({ ...input, perturbations: p }, { now: cpuClock });
    console.log(name, p, 'compactness', r.report.compactness.toExponential(5), 'worst', (r.report.worstDeviation * 100).toFixed(2), 'noncontig', r.report.nonContiguous, 'ms', Math.round(r.report.runtimeMs), 'iters', r.report.iterations);
  }
}
