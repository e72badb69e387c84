import type { Page } from '@playwright/test';
import { expect, test } from './session';

// Splitting a county into its ZIP areas in the app: the map's right-click menu and the toolbar split Los Angeles
// County, the grid counts its ZIP areas, undo and redo restore, merge brings the county back, and a saved split
// version reopens at ZIP level.

async function openApp(page: Page): Promise<void> {
  await page.goto('/');
  const app = page.getByTestId('app');
  await expect(app).toHaveAttribute('data-app-state', 'ready', { timeout: 90_000 });
  await expect(app).toHaveAttribute('data-first-frame-ms', /^\d+$/, { timeout: 90_000 });
}

/** The Units cell of a territory's row in the territory grid. */
function unitsOf(page: Page, territory: string) {
  return page.locator('.ag-row', { hasText: territory }).first().locator('[col-id="units"]');
}

test('split a county into ZIP areas from the map, undo, redo, merge back, save', async ({ page }) => {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await openApp(page);
  const toolbar = page.getByTestId('edit-toolbar');
  await expect(toolbar).toHaveAttribute('data-kpi-accounts', /\d+,\d+/);
  const accountsBefore = await toolbar.getAttribute('data-kpi-accounts');
  await expect(unitsOf(page, 'CA Los Angeles')).toHaveText('1');

  // Centre the map on Los Angeles and right-click the county.
  const search = page.getByPlaceholder('Find a place…');
  await search.fill('Los Angeles');
  await search.press('Enter');
  const box = (await page.getByTestId('map').boundingBox())!;
  const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  await expect(async () => {
    await page.mouse.click(centre.x, centre.y, { button: 'right' });
    await expect(page.getByTestId('unit-menu')).toContainText('Los Angeles, CA', { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByTestId('unit-menu-split')).toHaveText(/Split into \d{3} ZIP areas/);
  const zipAreas = Number(/(\d+)/.exec((await page.getByTestId('unit-menu-split').textContent())!)![1]);
  await page.getByTestId('unit-menu-split').click();

  await expect(page.getByTestId('edit-status')).toContainText(`Split Los Angeles, CA into ${zipAreas} ZIP areas`, { timeout: 60_000 });
  await expect(unitsOf(page, 'CA Los Angeles')).toHaveText(String(zipAreas));
  await expect(page.getByTestId('status-counts')).toContainText(`${zipAreas} ZIP areas`);
  // The ZIP areas keep the county's territory: every territory keeps its accounts.
  await expect(toolbar).toHaveAttribute('data-kpi-accounts', accountsBefore!);

  await page.getByTestId('edit-undo').click();
  await expect(unitsOf(page, 'CA Los Angeles')).toHaveText('1', { timeout: 60_000 });
  await expect(page.getByTestId('status-counts')).not.toContainText('ZIP areas');
  await page.getByTestId('edit-redo').click();
  await expect(unitsOf(page, 'CA Los Angeles')).toHaveText(String(zipAreas), { timeout: 60_000 });

  // A ZIP area's menu merges its county back.
  await expect(async () => {
    await page.mouse.click(centre.x, centre.y, { button: 'right' });
    await expect(page.getByTestId('unit-menu-merge')).toHaveText('Merge back into Los Angeles, CA', { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await page.getByTestId('unit-menu-merge').click();
  await expect(unitsOf(page, 'CA Los Angeles')).toHaveText('1', { timeout: 60_000 });
  await expect(page.getByTestId('edit-status')).toContainText('Merge Los Angeles, CA back into one county');

  // Split again and save: the saved version reopens with the ZIP areas.
  await page.getByTestId('edit-undo').click();
  await expect(unitsOf(page, 'CA Los Angeles')).toHaveText(String(zipAreas), { timeout: 60_000 });
  await page.getByTestId('edit-save').click();
  await expect(toolbar).toHaveAttribute('data-dirty', 'false', { timeout: 30_000 });
  await page.reload();
  await expect(page.getByTestId('app')).toHaveAttribute('data-app-state', 'ready', { timeout: 90_000 });
  await expect(unitsOf(page, 'CA Los Angeles')).toHaveText(String(zipAreas), { timeout: 60_000 });
  await expect(page.getByTestId('status-counts')).toContainText(`${zipAreas} ZIP areas`);
  expect(problems).toEqual([]);
});
