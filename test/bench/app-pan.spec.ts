import { expect, test } from '../e2e/session';

// App-scale map bench (not part of `npm test`): the real app in browser mode on a workspace (the built-in demo, or
// BENCH_WORKSPACE, e.g. 1M accounts written by `npx tsx test/bench/import-bench.ts 950000 big.tessera`).
// Prints time to the first map frame, how the accounts are drawn, and the time per pointer move of a drag pan
// (Playwright waits for each move to be handled; in software WebGL that is one frame per move).
// Run: npm run build && BENCH_WORKSPACE=/path/big.tessera npx playwright test -c test/bench/playwright.app-bench.config.ts

const drags = Number(process.env.BENCH_DRAGS ?? 4);
// Wait after each drag for the full redraw and the accounts image (BENCH_SETTLE_MS, default 2 s).
const settleMs = Number(process.env.BENCH_SETTLE_MS ?? 2_000);
const moves = 6;

test('app pan: first frame, accounts level of detail, time per drag move', async ({ page }) => {
  const t0 = Date.now();
  await page.goto('/');
  const app = page.getByTestId('app');
  await expect(app).toHaveAttribute('data-first-frame-ms', /^\d+$/, { timeout: 600_000 });
  const firstFrame = Number(await app.getAttribute('data-first-frame-ms'));
  const lod = page.getByTestId('accounts-lod');
  await expect(lod).toHaveAttribute('data-mode', /raster|vector/, { timeout: 120_000 });
  const status = (await page.getByTestId('status-bar').textContent()) ?? '';
  await page.waitForTimeout(2_000);

  const box = (await page.locator('[data-testid="map"] canvas').first().boundingBox())!;
  const perMove: number[] = [];
  const firstMove: number[] = [];
  const laterMoves: number[] = [];
  for (let d = 0; d < drags; d++) {
    const x = box.x + box.width * 0.5;
    const y = box.y + box.height * 0.6;
    await page.mouse.move(x, y);
    await page.mouse.down();
    const t = Date.now();
    let tk = t;
    for (let k = 1; k <= moves; k++) {
      await page.mouse.move(x + (d % 2 ? -1 : 1) * k * 20, y);
      const now = Date.now();
      (k === 1 ? firstMove : laterMoves).push(now - tk);
      tk = now;
    }
    // One more frame so the last move has been drawn.
    await page.evaluate(() => new Promise((r) => setTimeout(r, 0)));
    perMove.push((Date.now() - t) / moves);
    await page.mouse.up();
    await page.waitForTimeout(settleMs); // full redraw + the worker's image of the new view
  }
  const median = (v: number[]): number => [...v].sort((a, b) => a - b)[v.length >> 1]!;
  const sorted = [...perMove].sort((a, b) => a - b);
  console.log(`first move of a drag (the gesture starts: the map becomes its picture), ms: median ${median(firstMove).toFixed(0)}, all ${firstMove.join(' ')}; later moves: median ${median(laterMoves).toFixed(0)}`);
  console.log(`drag pan, ms per pointer move over ${drags} drags of ${moves} moves: median ${sorted[sorted.length >> 1]!.toFixed(0)}, all ${perMove.map((v) => v.toFixed(0)).join(' ')}`);
  // Pick: the pointer moved onto a unit until its tooltip shows (five places across the middle of the map).
  const picks: number[] = [];
  for (let k = 0; k < 5; k++) {
    await page.mouse.move(box.x + box.width * (0.3 + 0.08 * k), box.y + box.height * 0.4);
    await page.getByTestId('map-tooltip').first().waitFor({ timeout: 30_000 });
    const t = Date.now();
    await page.mouse.move(box.x + box.width * (0.34 + 0.08 * k), box.y + box.height * 0.52);
    await page.waitForFunction(([x, y]: readonly [number, number]) => {
      const tip = document.querySelector('[data-testid="map-tooltip"]') as HTMLElement | null;
      return !!tip && tip.style.left !== '' && Math.abs(parseFloat(tip.style.left) - x) < 40 && Math.abs(parseFloat(tip.style.top) - y) < 40;
    }, [box.width * (0.34 + 0.08 * k), box.height * 0.52] as const, { timeout: 30_000 }).catch(() => undefined);
    picks.push(Date.now() - t);
  }
  console.log(`pick (pointer onto a unit until its tooltip follows), ms: median ${median(picks).toFixed(0)}, all ${picks.join(' ')}`);
  console.log(`workspace: ${process.env.BENCH_WORKSPACE ?? 'built-in demo'}`);
  console.log(`status bar: ${status}`);
  console.log(`first map frame ${firstFrame} ms after navigation (test saw it after ${Date.now() - t0} ms in all)`);
  console.log(`accounts drawn as: ${await lod.getAttribute('data-mode')} (${await lod.getAttribute('data-in-frame')} in view)`);
  expect(perMove.length).toBe(drags);
});
