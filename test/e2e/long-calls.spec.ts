import { expect, test } from './session';

// A long compare shows its progress after about a second and stops on Cancel: the view says "Cancelled",
// keeps what it showed before (nothing here) and the next comparison runs. Eight scenarios of the county
// demo (the most a comparison takes) make it last a few seconds; the test waits on what the page shows, never on time.

const COPIES = ['Copy 1', 'Copy 2', 'Copy 3', 'Copy 4', 'Copy 5', 'Copy 6'];

test('a long comparison shows progress, stops on Cancel, and the next one runs', async ({ page, baseURL }) => {
  await page.goto('/');
  await expect(page.getByTestId('app')).toHaveAttribute('data-app-state', 'ready', { timeout: 90_000 });
  const headers = { origin: baseURL!.replace(/\/$/, ''), 'content-type': 'application/json' };
  for (const name of COPIES) {
    const r = await page.request.post('/api/scenario.create', { headers, data: { name, from: { scenario: 'Nearest rep' } } });
    expect((await r.json()) as unknown).toMatchObject({ result: { ok: true } });
  }
  await page.reload();
  await expect(page.getByTestId('app')).toHaveAttribute('data-app-state', 'ready', { timeout: 90_000 });
  await page.getByTestId('tab-compare').click();
  for (const name of ['Current plan', 'Nearest rep', ...COPIES]) await page.getByTestId(`compare-pick-${name}`).check();
  await page.getByTestId('compare-run').click();

  await expect(page.getByTestId('long-call-step')).toContainText(/Comparing .+ \(\d of 8\)/, { timeout: 30_000 });
  await page.getByTestId('long-call-cancel').click();
  await expect(page.getByTestId('compare-notice')).toHaveText('Cancelled');
  await expect(page.getByTestId('compare-view')).toHaveAttribute('data-compare-state', 'idle');
  await expect(page.getByTestId('long-call')).toHaveCount(0);
  await expect(page.getByTestId('compare-map')).toHaveCount(0);

  for (const name of COPIES) await page.getByTestId(`compare-pick-${name}`).uncheck();
  await page.getByTestId('compare-run').click();
  await expect(page.getByTestId('compare-view')).toHaveAttribute('data-compare-state', 'ready', { timeout: 90_000 });
  await expect(page.getByTestId('compare-map')).toHaveCount(2);
  await expect(page.getByTestId('compare-notice')).toHaveCount(0);
});
