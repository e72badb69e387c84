import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './session';

// The consultant journey in browser mode: export a scenario file for a client from the Export menu,
// open it read-only by upload (the client view), see every write action disabled with the reason,
// then go back to the workspace it was opened over, as it was.

const READ_ONLY = /Read-only: opened from a client share file/;

async function ready(page: Page): Promise<void> {
  await expect(page.getByTestId('app')).toHaveAttribute('data-app-state', 'ready', { timeout: 90_000 });
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`) });
}

test('exports a client file, opens it read-only by upload with writes disabled, and goes back to the workspace', async ({ page }) => {
  test.setTimeout(420_000); // three workspace loads of the 50,000-account demo on software WebGL
  await page.goto('/');
  await ready(page);
  const own = (await page.getByTestId('workspace-name').locator('.topbar__title').textContent())!;
  await expect(page.getByTestId('open-import')).toBeEnabled();

  // 1. Export ▸ Scenario file for a client…: two scenarios, with history.
  await page.getByTestId('export-format').selectOption('client-share-file');
  const dialog = page.getByTestId('share-export-dialog');
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId('share-signer')).toHaveText(/^(Will be signed by .+ \(key [0-9a-f ]+\)\.|Unsigned: you have no signing key)/);
  const boxes = dialog.locator('input[type="checkbox"]');
  await expect(boxes.first()).toBeVisible();
  const checked = await boxes.evaluateAll((els) => els.filter((e) => (e as HTMLInputElement).checked).length);
  expect(checked).toBe(1); // the open scenario is chosen to begin with
  await dialog.locator('label', { hasText: 'Nearest rep' }).locator('input').check();
  await page.getByTestId('share-history').check();
  await page.getByTestId('share-aggregates').check();
  await expect(page.getByTestId('share-export-run')).toHaveText('Export 2 scenarios');
  await shot(page, '1-export-dialog');
  const download = page.waitForEvent('download');
  await page.getByTestId('share-export-run').click();
  const file = await (await download).path();
  expect(readFileSync(file).subarray(0, 15).toString('latin1')).toBe('SQLite format 3');
  await expect(page.getByTestId('share-export-status')).toHaveText(/^Saved scenarios\.tessera: 2 scenarios, \d+ versions, figures without account details, [\d.]+ MB, (signed by .+|unsigned)\.$/);
  await page.getByTestId('share-export-close').click();
  await expect(dialog).toHaveCount(0);

  // 2. Open it by upload: the client view, read-only.
  await page.getByTestId('tab-scenarios').click();
  await page.getByTestId('share-file').setInputFiles({ name: 'client.tessera', mimeType: 'application/octet-stream', buffer: readFileSync(file) });
  await expect(page.getByTestId('workspace-name')).toContainText('Read-only', { timeout: 90_000 });
  await ready(page);
  await expect(page.locator('[data-testid="scenario-picker"] option')).toHaveCount(2);
  await expect(page.getByTestId('workspace-back')).toHaveText(`← Back to ${own}`);

  // 3. Every write action is disabled and says why.
  for (const id of ['open-import', 'copy-scenario', 'edit-save', 'tool-paint']) {
    await expect(page.getByTestId(id)).toBeDisabled();
    await expect(page.getByTestId(id)).toHaveAttribute('title', READ_ONLY);
  }
  await shot(page, '2-client-view');
  await page.getByTestId('tab-scenarios').click();
  await page.getByTestId('balance-toggle').click();
  await expect(page.getByTestId('balance-run')).toBeDisabled();
  await expect(page.getByTestId('balance-run')).toHaveAttribute('title', READ_ONLY);
  await expect(page.getByTestId('match-reps')).toBeDisabled();
  await shot(page, '3-balance-disabled');
  await page.getByTestId('tab-rules').click();
  await expect(page.getByTestId('rules-view')).toBeVisible();
  await expect(page.getByTestId('save-rules')).toBeDisabled();
  await expect(page.getByTestId('save-rules')).toHaveAttribute('title', READ_ONLY);

  // 4. Back to the workspace, writable again.
  await page.getByTestId('workspace-back').click();
  await expect(page.getByTestId('workspace-name')).not.toContainText('Read-only');
  await expect(page.getByTestId('workspace-name').locator('.topbar__title')).toHaveText(own, { timeout: 90_000 });
  await ready(page);
  await expect(page.getByTestId('workspace-back')).toHaveCount(0);
  await expect(page.getByTestId('open-import')).toBeEnabled();
  await shot(page, '4-back-home');
});
