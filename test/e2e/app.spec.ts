import { expect, test, type Page } from '@playwright/test';
import { readSession } from './session';

// Browser mode end to end: the built renderer served by `tessera serve` with the demo workspace,
// WebGL in software (SwiftShader), so waits are generous. The page starts the way a user does: from the
// one-time launch link `serve` prints (here read from its --session-file).

type PixelStats = { width: number; height: number; nonBackground: number; colours: number };

/** Decodes PNG screenshots in the page (no PNG library needed in Node) and measures or diffs them. */
async function analyse(page: Page, pngs: Buffer[]): Promise<{ stats: PixelStats[]; changed: number }> {
  return page.evaluate(async (b64s) => {
    const decode = async (b64: string) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const bmp = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const ctx = new OffscreenCanvas(bmp.width, bmp.height).getContext('2d')!;
      ctx.drawImage(bmp, 0, 0);
      return ctx.getImageData(0, 0, bmp.width, bmp.height);
    };
    const images = await Promise.all(b64s.map(decode));
    const stats = images.map((img) => {
      const d = img.data;
      let nonBackground = 0;
      const colours = new Set<number>();
      for (let i = 0; i < d.length; i += 4) {
        // Map background is rgb(238, 242, 246).
        if (Math.abs(d[i]! - 238) + Math.abs(d[i + 1]! - 242) + Math.abs(d[i + 2]! - 246) > 30) nonBackground++;
        colours.add(((d[i]! >> 4) << 8) | ((d[i + 1]! >> 4) << 4) | (d[i + 2]! >> 4));
      }
      return { width: img.width, height: img.height, nonBackground: nonBackground / (d.length / 4), colours: colours.size };
    });
    let changed = 0;
    if (images.length === 2 && images[0]!.data.length === images[1]!.data.length) {
      const [a, b] = [images[0]!.data, images[1]!.data];
      for (let i = 0; i < a.length; i += 4) if (Math.abs(a[i]! - b[i]!) + Math.abs(a[i + 1]! - b[i + 1]!) + Math.abs(a[i + 2]! - b[i + 2]!) > 24) changed++;
      changed /= a.length / 4;
    }
    return { stats, changed };
  }, pngs.map((p) => p.toString('base64')));
}

const mapShot = async (page: Page) => {
  await page.mouse.move(1, 1); // no tooltip or hover highlight in the picture
  return page.locator('[data-testid="map"] canvas').first().screenshot();
};

/** Calls the app API from inside the page, the way the renderer does (the session cookie goes along). */
async function apiCall<T>(page: Page, method: string, arg: unknown): Promise<T> {
  return page.evaluate(
    async ([m, a]) => {
      const res = await fetch(`/api/${m}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(a) });
      return ((await res.json()) as { result: unknown }).result;
    },
    [method, arg] as const,
  ) as Promise<T>;
}

// One page load for all checks (the first frame takes several seconds in software WebGL); they run in order.
test.describe.configure({ mode: 'serial' });

test.describe('Tessera in browser mode with the demo workspace', () => {
  const problems: string[] = [];
  let page: Page;

  test.beforeAll(async ({ browser, baseURL }) => {
    // Without the launch link the server shows how to open the app and gives no session.
    const stranger = await browser.newPage();
    const refused = await stranger.goto('/');
    expect(refused?.status()).toBe(401);
    await expect(stranger.locator('body')).toContainText('launch link');
    await stranger.close();

    page = await browser.newPage();
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' || /Content Security Policy/i.test(m.text())) problems.push(`console.${m.type()}: ${m.text()}`);
    });
    const t0 = Date.now();
    await page.goto(readSession(baseURL!).launchUrl);
    expect(new URL(page.url()).search).toBe(''); // redirected to the app, the code gone from the address bar
    const app = page.getByTestId('app');
    await expect(app).toHaveAttribute('data-app-state', 'ready', { timeout: 90_000 });
    await expect(app).toHaveAttribute('data-first-frame-ms', /^\d+$/, { timeout: 90_000 });
    console.log(`first map frame with data: ${await app.getAttribute('data-first-frame-ms')} ms after navigation start (test saw it after ${Date.now() - t0} ms)`);
  });

  test.afterAll(async () => {
    await page.close();
  });

  test('draws the territory map and names workspace and scenario in the title', async () => {
    const workspace = (await page.locator('.topbar__title').textContent())!.trim();
    const scenario = (await page.getByTestId('scenario-picker').locator('option:checked').textContent())!.split(' · ')[0]!.trim();
    expect(workspace.length).toBeGreaterThan(0);
    await expect(page).toHaveTitle(`${workspace} — ${scenario} — Tessera`);

    const { stats } = await analyse(page, [await mapShot(page)]);
    const s = stats[0]!;
    console.log(`map canvas ${s.width}x${s.height}: ${(s.nonBackground * 100).toFixed(1)} % drawn, ${s.colours} distinct colours`);
    expect(s.nonBackground).toBeGreaterThan(0.15);
    expect(s.colours).toBeGreaterThan(40);
  });

  test('lists every territory with the same KPIs the service computes', async () => {
    const app = page.getByTestId('app');
    const count = Number(await app.getAttribute('data-territory-count'));
    expect(count).toBeGreaterThanOrEqual(50);
    expect(count).toBeLessThanOrEqual(70);
    await expect(page.getByTestId('territory-grid')).toHaveAttribute('data-row-count', String(count));
    expect(await page.locator('[role="row"][row-id]').count()).toBeGreaterThan(10);

    const scenario = (await page.getByTestId('scenario-picker').locator('option:checked').textContent())!.split(' · ')[0]!.trim();
    const table = await apiCall<{ ok: true; value: { rows: { territoryId: string; accounts: number; units: number }[] } }>(page, 'kpi.territories', { scenario });
    expect(table.ok).toBe(true);
    expect(table.value.rows).toHaveLength(count);
    // The grid's numbers come from the KPI worker; they must match the service's for the same version.
    for (const row of table.value.rows.slice(0, 5)) {
      const r = page.getByTestId('territory-grid').locator(`[role="row"][row-id="${row.territoryId}"]`);
      await expect(r.locator('[col-id="accounts"]')).toHaveText(row.accounts.toLocaleString('en-US'));
      await expect(r.locator('[col-id="units"]')).toHaveText(row.units.toLocaleString('en-US'));
      await expect(r.locator('[col-id="potentialDeviation"]')).toHaveText(/^[+−±]\d+\.\d %$/);
    }
  });

  test('selecting a grid row highlights its territory on the map', async () => {
    const before = await mapShot(page);
    const name = page.locator('[data-testid^="territory-name-"]').nth(3);
    const id = (await name.getAttribute('data-testid'))!.replace('territory-name-', '');
    await name.click();
    await expect(page.getByTestId('app')).toHaveAttribute('data-selected-territory', id);
    await expect(page.getByTestId('territory-grid').locator(`[role="row"][row-id="${id}"]`)).toHaveClass(/ag-row-selected/);
    await expect
      .poll(async () => (await analyse(page, [before, await mapShot(page)])).changed, { timeout: 30_000, message: 'share of map pixels that changed' })
      .toBeGreaterThan(0.05);
  });

  test('clicking a county selects its territory row in the grid', async () => {
    // The grid selection above fitted the map to its territory; "Fit all" shows the lower 48 again.
    await page.getByTestId('map-fit-all').click();
    const canvas = page.locator('[data-testid="map"] canvas').first();
    const box = (await canvas.boundingBox())!;
    // The middle of the fitted view is Kansas: a county of some territory (accounts hidden, so no account is under the pointer).
    await page.getByTestId('toggle-accounts').uncheck();
    const app = page.getByTestId('app');
    const before = await app.getAttribute('data-selected-territory');
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect(app).toHaveAttribute('data-selected-territory', /.+/);
    if (before) await expect(app).not.toHaveAttribute('data-selected-territory', before);
    await page.getByTestId('toggle-accounts').check();
    const id = (await app.getAttribute('data-selected-territory'))!;
    await expect(page.getByTestId('territory-grid').locator(`[role="row"][row-id="${id}"]`)).toHaveClass(/ag-row-selected/);
    await expect(page.getByTestId('territory-grid').locator(`[role="row"][row-id="${id}"]`)).toBeInViewport();
  });

  test('many accounts in view are one image: hovering one names it, clicking selects its row; zoomed in they are points; heat grid', async () => {
    const lod = page.getByTestId('accounts-lod');
    // Software WebGL here: 50,000 accounts in view are drawn as one image by the raster worker.
    await expect(lod).toHaveAttribute('data-mode', 'raster');
    expect(Number(await lod.getAttribute('data-in-frame'))).toBeGreaterThan(40_000);

    const canvas = page.locator('[data-testid="map"] canvas').first();
    const box = (await canvas.boundingBox())!;
    const tooltip = page.getByTestId('map-tooltip');
    // Try spots until the pointer rests on an account (deck's hover pick, then the worker's answer: ~1 s in software).
    let spot: { x: number; y: number } | null = null;
    for (const [gx, gy] of [[0.5, 0.45], [0.62, 0.4], [0.3, 0.55], [0.7, 0.5], [0.45, 0.6], [0.55, 0.35], [0.4, 0.4], [0.8, 0.45]] as const) {
      const x = box.x + box.width * gx;
      const y = box.y + box.height * gy;
      await page.mouse.move(x, y);
      const found = await expect
        .poll(async () => tooltip.getAttribute('data-kind').catch(() => null), { timeout: 4_000 })
        .toBe('account')
        .then(() => true, () => false);
      if (found) {
        spot = { x, y };
        break;
      }
    }
    expect(spot, 'an account under the pointer somewhere in the middle of the US').not.toBeNull();
    const name = (await tooltip.locator('.map-tooltip__title').textContent())!.trim();
    expect(name.length).toBeGreaterThan(0);

    // Click it: its territory is selected and the accounts grid shows its row selected.
    await page.mouse.click(spot!.x, spot!.y);
    await expect(page.getByTestId('app')).toHaveAttribute('data-selected-territory', /.+/);
    await page.getByTestId('grid-tab-accounts').click();
    const selectedRow = page.getByTestId('accounts-grid').locator('.ag-row-selected').first();
    await expect(selectedRow).toContainText(name);
    await page.getByTestId('grid-tab-territories').click();

    // Zoom in on it until few enough accounts are in view to draw them as pickable points.
    for (let i = 0; i < 12 && (await lod.getAttribute('data-mode')) !== 'vector'; i++) {
      const inFrame = (await lod.getAttribute('data-in-frame'))!;
      await page.mouse.move(spot!.x, spot!.y);
      await page.mouse.wheel(0, -400);
      // The status bar recounts the accounts in view once the zoom has settled.
      await expect(lod).not.toHaveAttribute('data-in-frame', inFrame);
    }
    await expect(lod).toHaveAttribute('data-mode', 'vector');
    expect(Number(await lod.getAttribute('data-in-frame'))).toBeLessThanOrEqual(5_000);

    // Heat grid of potential from the legend: drawn by the worker, the legend names the cell range.
    await page.getByTestId('toggle-heat').check();
    await expect(page.getByTestId('heat-domain')).toContainText(/per cell/);
    await page.getByTestId('toggle-heat').uncheck();
    await expect(page.getByTestId('heat-domain')).toHaveCount(0);
  });

  test('software WebGL: a pan shows the picture of the last frame, moved with the pointer, and redraws in full at the end', async () => {
    const map = page.getByTestId('map');
    const canvas = page.locator('[data-testid="map"] canvas').first();
    const box = (await canvas.boundingBox())!;
    await expect(map).toHaveAttribute('data-pan-snapshot', 'off');
    const x = box.x + box.width * 0.5;
    const y = box.y + box.height * 0.55;
    await page.mouse.move(x, y);
    await page.mouse.down();
    for (let k = 1; k <= 4; k++) await page.mouse.move(x - k * 25, y - k * 10);
    await expect(map).toHaveAttribute('data-pan-snapshot', 'on');
    const during = await canvas.screenshot();
    await page.mouse.up();
    await expect(map).toHaveAttribute('data-pan-snapshot', 'off');
    const { stats } = await analyse(page, [during]);
    // The picture is the map (territory colours), not an empty canvas.
    expect(stats[0]!.nonBackground).toBeGreaterThan(0.15);
    expect(stats[0]!.colours).toBeGreaterThan(40);
  });

  test('finds a city by name (and a ZIP code by number) in the place search and flies there', async () => {
    const search = page.getByTestId('map-search');
    await search.fill('02108');
    await expect(page.getByTestId('map-search-results').getByRole('option').first()).toContainText('ZIP 02108');
    await search.fill('Boston');
    const results = page.getByTestId('map-search-results');
    await expect(results.getByRole('option').first()).toContainText('Boston, MA');
    await expect(results.getByRole('option').first()).toContainText(/City · [\d.]+ k people/);
    const before = await mapShot(page);
    await search.press('Enter');
    await expect(search).toHaveValue('');
    await expect
      .poll(async () => (await analyse(page, [before, await mapShot(page)])).changed, { timeout: 30_000, message: 'share of map pixels that changed' })
      .toBeGreaterThan(0.2);
    await page.getByTestId('map-fit-all').click();
  });

  test('keeps the session secret out of the page: HttpOnly cookie, no token in the HTML, the launch link spent', async ({ browser, baseURL }) => {
    const { cookie, launchUrl } = readSession(baseURL!);
    expect(await page.evaluate(() => document.cookie)).not.toContain(cookie.name);
    expect(await page.evaluate(() => document.documentElement.outerHTML)).not.toContain(cookie.value);
    const other = await browser.newPage();
    expect((await other.goto(launchUrl))?.status()).toBe(403);
    expect((await other.request.post('/api/workspace.info', { data: {}, headers: { origin: new URL(baseURL!).origin } })).status()).toBe(401);
    await other.close();
  });

  test('runs without page errors or Content-Security-Policy violations', async () => {
    expect(problems).toEqual([]);
  });
});
