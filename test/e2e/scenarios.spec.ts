import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './session';
import { dataDirPath } from './session-paths';

// Scenarios end to end in browser mode: copy a scenario, compare it with another and read the deltas;
// upload a shared .tessera file and open it read-only (the client view), save an editable copy by name in
// the server's data folder, and download the scenario file from the export menu.

const dir = mkdtempSync(join(tmpdir(), 'tessera-e2e-scn-'));
const share = join(dir, 'client.tessera');

test.beforeAll(() => {
  const bin = resolve('bin/tessera.mjs');
  const ws = join(dir, 'demo.tessera');
  execFileSync(process.execPath, [bin, 'demo', '--workspace', ws, '--geography', 'counties']);
  // Signed by a consultant's key the app's own keys folder does not trust.
  const keys = join(dir, 'consultant-keys');
  execFileSync(process.execPath, [bin, 'keys', 'create', '--name', 'E2E Consultant', '--keys-dir', keys]);
  execFileSync(process.execPath, [bin, 'export', '--workspace', ws, '--scenario', 'Nearest rep', '--format', 'scenario-file', '--out', share, '--keys-dir', keys]);
});

async function openApp(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByTestId('app')).toHaveAttribute('data-app-state', 'ready', { timeout: 90_000 });
}

test('makes a copy of a scenario, compares it with another and shows KPI deltas, maps and moved units', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('tab-scenarios').click();
  await page.getByTestId('copy-name').fill('My plan');
  await page.getByTestId('copy-scenario').click();
  await expect(page.locator('[data-testid="scenario-list"] tr[data-scenario="My plan"]')).toBeVisible();
  await expect(page.getByTestId('scenario-picker')).toHaveValue(/\d+/);
  await expect(page.getByTestId('scenario-history')).toContainText('Created from Current plan');

  await page.getByTestId('tab-compare').click();
  await page.getByTestId('compare-pick-My plan').check();
  await page.getByTestId('compare-pick-Nearest rep').check();
  await page.getByTestId('compare-run').click();
  await expect(page.getByTestId('compare-view')).toHaveAttribute('data-compare-state', 'ready', { timeout: 60_000 });
  const table = page.getByTestId('kpi-delta-table');
  await expect(table).toContainText('My plan (baseline)');
  const moved = table.locator('tr[data-kpi="disruption.accounts"]');
  await expect(moved).toContainText('(+12,969)');
  await expect(table.locator('tr[data-kpi="potential.cv"] [data-testid="kpi-delta"]')).toHaveClass(/delta--bad/);
  await expect(page.getByTestId('compare-map')).toHaveCount(2);
  await expect(page.getByTestId('compare-map').nth(1)).toContainText('1818 units moved');
  // Before/after potential charts side by side: territory names, the axis title with its unit, the band in words.
  const charts = page.getByTestId('territory-bars').locator('figure');
  await expect(charts).toHaveCount(2);
  await expect(charts.first()).toContainText('Potential (USD)');
  await expect(charts.first()).toContainText(/Band \$[\d.]+ M – \$[\d.]+ M \(±5 % around the mean\) shaded/);
  await expect(charts.nth(1)).toContainText('Nearest rep: potential by territory');
  await page.screenshot({ path: 'test-results/readme/compare.png' });
  await expect(page.getByTestId('moved-list')).toContainText('12,969 accounts moved');
  const download = page.waitForEvent('download');
  await page.getByTestId('export-moved-csv').click();
  expect((await download).suggestedFilename()).toBe('moved-units-and-accounts.csv');
});

test('uploads a shared file, opens it read-only as a client view, saves an editable copy, downloads a scenario file, and switches workspaces by name', async ({ page, baseURL }) => {
  await openApp(page);
  await page.getByTestId('tab-scenarios').click();
  await page.getByTestId('share-file').setInputFiles(share);
  await expect(page.getByTestId('workspace-name')).toContainText('client.tessera');
  await expect(page.getByTestId('workspace-name')).toContainText('Read-only');
  await expect(page.getByTestId('share-signature')).toContainText(/Signed by E2E Consultant · key [0-9a-f]{4} [0-9a-f]{4}… \(untrusted key\)/);
  await expect(page.getByTestId('share-signature')).toHaveAttribute('title', /compare the fingerprint with the sender's/);
  await expect(page.getByTestId('app')).toHaveAttribute('data-app-state', 'ready', { timeout: 90_000 });
  await expect(page.locator('[data-testid="scenario-picker"] option')).toHaveText([/Nearest rep/]);
  await expect(page.getByTestId('copy-scenario')).toBeDisabled();

  // Browser mode names no paths: the copy goes into the server's data folder under the given name.
  await page.getByTestId('copy-path').fill('my-copy');
  await page.getByTestId('save-copy').click();
  await expect(page.getByTestId('workspace-name')).toContainText('my-copy.tessera');
  await expect(page.getByTestId('workspace-name')).not.toContainText('Read-only');
  expect(existsSync(join(dataDirPath(Number(new URL(baseURL!).port)), 'my-copy.tessera'))).toBe(true);

  await expect(page.getByTestId('app')).toHaveAttribute('data-app-state', 'ready', { timeout: 90_000 });
  const download = page.waitForEvent('download');
  await page.getByTestId('export-format').selectOption('scenario-file');
  const file = readFileSync((await (await download).path())!);
  expect(file.subarray(0, 15).toString('latin1')).toBe('SQLite format 3');

  // The server's workspaces by name (the scenario panel is still open): save as another, then open the copy again from the list.
  const files = page.getByTestId('workspace-files');
  await expect(files.locator('li[data-workspace="my-copy.tessera"]')).toBeVisible();
  await page.getByTestId('workspace-file-name').fill('second');
  await page.getByTestId('workspace-save-as').click();
  await expect(page.getByTestId('workspace-name')).toContainText('second.tessera');
  await files.locator('li[data-workspace="my-copy.tessera"] button').click();
  await expect(page.getByTestId('workspace-name')).toContainText('my-copy.tessera');
  await expect(page.getByTestId('app')).toHaveAttribute('data-app-state', 'ready', { timeout: 90_000 });
});
