import { expect, test } from '../e2e/session';
import type { BenchResult } from '../../renderer/bench/main';

// Rendering bench: one fresh page per case (same shader-compile cost in each first frame), then the table
// (absolute ms and relative to the 50k accounts / 3k units case) and the JSON. Not run by `npm test`.
// Cases can be narrowed with BENCH_CASES="50000x3000,1000000x33000:lod"; BENCH_FRAMES sets the pan length.
// A case is accounts x units, drawn as every point ('points', no level of detail: the baseline) or as the app
// draws them (':lod', the raster worker: vector points when few are in view, else one image).

type Case = [number, number, 'points' | 'lod'];
const defaultCases: Case[] = [
  [50_000, 3_000, 'points'], [50_000, 3_000, 'lod'],
  [250_000, 33_000, 'lod'], [1_000_000, 3_000, 'lod'], [1_000_000, 33_000, 'lod'],
  [1_000_000, 33_000, 'points'],
];
const cases: Case[] = process.env.BENCH_CASES
  ? process.env.BENCH_CASES.split(',').map((c) => {
    const [size, mode] = c.split(':');
    const [a, u] = size!.split('x').map(Number);
    return [a!, u!, mode === 'lod' ? 'lod' : 'points'] as Case;
  })
  : defaultCases;
const frames = Number(process.env.BENCH_FRAMES ?? 60);

const f = (v: number) => (Number.isFinite(v) ? v.toFixed(0).padStart(7) : '      -');
const rel = (v: number, base: number) => (Number.isFinite(v) && base > 0 ? `${(v / base).toFixed(2)}x`.padStart(7) : '      -');

test('render bench: first frame and pan frame times', async ({ page }) => {
  const results: BenchResult[] = [];
  for (const [accounts, units, mode] of cases) {
    await page.goto(`/bench.html?accounts=${accounts}&units=${units}&frames=${frames}${mode === 'lod' ? '&lod=1' : ''}`);
    // Poll on a timer: rAF-driven waiting stalls in headless Chromium while the page is busy in software WebGL.
    await page.waitForFunction(() => document.body.dataset.benchDone === '1', null, { polling: 250, timeout: 600_000 });
    const error = await page.evaluate(() => window.__benchError ?? null);
    expect(error, `bench ${accounts}x${units}`).toBeNull();
    const r = await page.evaluate(() => window.__benchResult!);
    results.push(r);
    console.log(`done ${accounts} accounts x ${units} units (${mode}): first frame ${r.firstFrameMs.toFixed(0)} ms, pan mean ${r.panMeanMs.toFixed(1)} ms`);
  }
  const base = results[0]!;
  const lines = [
    `Rendering bench (software WebGL, canvas ${base.canvas.width}x${base.canvas.height}, ${frames} pan frames); ms, and relative to ${base.accounts}/${base.units} ${base.mode}`,
    '| accounts |  units | mode   | first frame |  rel | pan mean |  rel | pan p95 |  rel | draw CPU mean | raster wait | lod view | lod load | lod refresh (worker + frame) |',
    '|---------:|-------:|:-------|------------:|-----:|---------:|-----:|--------:|-----:|--------------:|------------:|:---------|---------:|-----------------------------:|',
    ...results.map((r) =>
      `| ${String(r.accounts).padStart(8)} | ${String(r.units).padStart(6)} | ${r.mode.padEnd(6)} | ${f(r.firstFrameMs)} | ${rel(r.firstFrameMs, base.firstFrameMs)} | ${f(r.panMeanMs)} | ${rel(r.panMeanMs, base.panMeanMs)} | ${f(r.panP95Ms)} | ${rel(r.panP95Ms, base.panP95Ms)} | ${f(r.drawMeanMs)} | ${f(r.syncMeanMs)} | ${r.lodKind ? `${r.lodKind} (${r.lodInFrame})` : '-'} | ${r.lodLoadMs !== undefined ? f(r.lodLoadMs) : '-'} | ${r.lodRefreshWorkerMs !== undefined ? `${f(r.lodRefreshWorkerMs)} + ${f(r.lodRefreshFrameMs!)}` : '-'} |`,
    ),
  ];
  console.log(lines.join('\n'));
  console.log(JSON.stringify(results, null, 1));
  for (const r of results) expect(r.frames).toBe(frames);
});
