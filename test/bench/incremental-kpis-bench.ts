// Incremental KPI benchmark: `npx tsx test/bench/incremental-kpis-bench.ts`. 33,000 ZIP units, 1M accounts, 200 territories:
// build time, full recompute, and edit + KPIs for 1 / 50 / 1,000 / 5,000 moved units (median of 7), then checks the
// incremental KPIs still equal a full computation (exit code 1 if not). Timings live here, not in the unit suite.
import { buildIncrementalKpis, currentKpis, moveUnits } from '../../shared/domain/editing/incremental-kpis';
import { fullKpis, synthetic } from '../unit/shared/editing/fixtures';

const { columns, input, rnd } = synthetic(33_000, 1_000_000, 200, 5);
let t0 = performance.now();
const s = buildIncrementalKpis(columns, input);
const buildMs = performance.now() - t0;
t0 = performance.now();
fullKpis(s);
const fullMs = performance.now() - t0;
const times: number[] = [];
for (const size of [1, 50, 1000, 5000]) {
  const runs: number[] = [];
  for (let r = 0; r < 7; r++) {
    const units = Int32Array.from({ length: size }, () => Math.floor(rnd() * 33_000));
    const to = Int32Array.from(units, () => Math.floor(rnd() * 200));
    t0 = performance.now();
    moveUnits(s, 0, units, to);
    currentKpis(s);
    runs.push(performance.now() - t0);
  }
  times.push(runs.sort((a, b) => a - b)[3]!);
}
console.log(
  `incremental KPIs, 33,000 units / 1M accounts / 200 territories: build ${buildMs.toFixed(0)} ms (worker, once per version), ` +
    `full recompute ${fullMs.toFixed(0)} ms; edit + KPIs for 1 / 50 / 1,000 / 5,000 moved units (median of 7): ${times.map((t) => t.toFixed(2)).join(' / ')} ms`,
);
const a = currentKpis(s);
const b = fullKpis(s);
const worst = Math.max(...a.rows.map((r, t) => Math.abs(r.potential - b.rows[t]!.potential) + Math.abs(r.accounts - b.rows[t]!.accounts)));
if (!(worst < 1e-4)) {
  console.error(`incremental KPIs drifted from the full computation by ${worst}`);
  process.exitCode = 1;
}
