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
  await expect(unitsOf(page, 'CA San Bernardino')).toHaveText('1');
  // The demo splits its heaviest metro counties already; the status bar counts counties and ZIP areas.
  const counts = page.getByTestId('status-counts');
  await expect(counts).toContainText('ZIP areas');
  const zipsIn = async (): Promise<number> => Number(/([\d,]+) ZIP areas/.exec((await counts.textContent())!)![1]!.replace(/,/g, ''));
  const zipsBefore = await zipsIn();
  const countsBefore = (await counts.textContent())!;

  // Centre the map on Los Angeles and right-click the county.
  const search = page.getByPlaceholder('Find a place…');
  await search.fill('San Bernardino');
  await search.press('Enter');
  const box = (await page.getByTestId('map').boundingBox())!;
  const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  await expect(async () => {
    await page.mouse.click(centre.x, centre.y, { button: 'right' });
    await expect(page.getByTestId('unit-menu')).toContainText('San Bernardino, CA', { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByTestId('unit-menu-split')).toHaveText(/Split into \d+ ZIP areas/);
  const zipAreas = Number(/(\d+)/.exec((await page.getByTestId('unit-menu-split').textContent())!)![1]);
  await page.getByTestId('unit-menu-split').click();

  await expect(page.getByTestId('edit-status')).toContainText(`Split San Bernardino, CA into ${zipAreas} ZIP areas`, { timeout: 60_000 });
  await expect(unitsOf(page, 'CA San Bernardino')).toHaveText(String(zipAreas));
  expect(await zipsIn()).toBe(zipsBefore + zipAreas);
  // The ZIP areas keep the county's territory: every territory keeps its accounts.
  await expect(toolbar).toHaveAttribute('data-kpi-accounts', accountsBefore!);

  await page.getByTestId('edit-undo').click();
  await expect(unitsOf(page, 'CA San Bernardino')).toHaveText('1', { timeout: 60_000 });
  await expect(counts).toHaveText(countsBefore);
  await page.getByTestId('edit-redo').click();
  await expect(unitsOf(page, 'CA San Bernardino')).toHaveText(String(zipAreas), { timeout: 60_000 });

  // A ZIP area's menu merges its county back.
  await expect(async () => {
    await page.mouse.click(centre.x, centre.y, { button: 'right' });
    await expect(page.getByTestId('unit-menu-merge')).toHaveText('Merge back into San Bernardino, CA', { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await page.getByTestId('unit-menu-merge').click();
  await expect(unitsOf(page, 'CA San Bernardino')).toHaveText('1', { timeout: 60_000 });
  await expect(page.getByTestId('edit-status')).toContainText('Merge San Bernardino, CA back into one county');

  // Split again and save: the saved version reopens with the ZIP areas.
  await page.getByTestId('edit-undo').click();
  await expect(unitsOf(page, 'CA San Bernardino')).toHaveText(String(zipAreas), { timeout: 60_000 });
  await page.getByTestId('edit-save').click();
  await expect(toolbar).toHaveAttribute('data-dirty', 'false', { timeout: 30_000 });
  await page.reload();
  await expect(page.getByTestId('app')).toHaveAttribute('data-app-state', 'ready', { timeout: 90_000 });
  await expect(unitsOf(page, 'CA San Bernardino')).toHaveText(String(zipAreas), { timeout: 60_000 });
  expect(await zipsIn()).toBe(zipsBefore + zipAreas);
  expect(problems).toEqual([]);
});
