import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from './session';

// The planner's journey in browser mode, on real data: a new empty US-counties workspace, the Census ZIP Business
// Patterns file (38,722 ZIPs, ../shared/data) imported as accounts, a reps file with manager/team/region/office and
// no address, a starting scenario from the offer, a design of 12 territories from scratch, saved as a version.
const ZBP = process.env.TESSERA_SHARED_DATA ? join(process.env.TESSERA_SHARED_DATA, 'zbp16totals.txt') : '/work/shared/data/zbp16totals.txt';
const REPS = fileURLToPath(new URL('../fixtures/import/reps-org.csv', import.meta.url));

test.skip(!existsSync(ZBP), `needs the ZBP file at ${ZBP} (set TESSERA_SHARED_DATA)`);

test('new workspace -> import real accounts and reps -> starting scenario -> design 12 -> save', async ({ page }) => {
  await page.goto('/');
  const app = page.getByTestId('app');
  await expect(app).toHaveAttribute('data-app-state', 'ready', { timeout: 90_000 });

  await page.getByTestId('open-new-workspace').click();
  const dialog = page.getByTestId('new-workspace-dialog');
  await expect(dialog).toContainText('US counties');
  await expect(dialog).toContainText('US ZIP areas');
  await page.getByTestId('new-workspace-counties').click();
  await page.getByTestId('new-workspace-name').fill('planner');
  await page.screenshot({ path: 'test-results/planner-new-workspace.png' });
  await page.getByTestId('new-workspace-create').click();
  await expect(page.getByTestId('workspace-name')).toContainText('planner.tessera', { timeout: 60_000 });
  await expect(app).toHaveAttribute('data-app-state', 'ready', { timeout: 90_000 });
  // No accounts, reps or scenarios, and the app says what to do; nothing of the demo is left on screen.
  await expect(page.getByTestId('status-bar')).toContainText('3,144 counties');
  await expect(page.getByTestId('status-bar')).toContainText('0 accounts · 0 reps');
  await expect(page.getByTestId('starter-offer')).toContainText('Import your accounts and reps');
  await expect(page.getByTestId('territory-grid')).toHaveAttribute('data-row-count', '0');
  // The same name again is refused in the dialog, which stays open to pick another.
  await page.getByTestId('open-new-workspace').click();
  await page.getByTestId('new-workspace-name').fill('planner');
  await page.getByTestId('new-workspace-create').click();
  await expect(page.getByTestId('new-workspace-error')).toContainText('already exists');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);

  // Accounts: one row per ZIP of ZBP 2016; the ZIP is the id, placed by city, state and county.
  await page.getByTestId('open-import').click();
  await page.getByTestId('import-file').setInputFiles(ZBP);
  await expect(page.getByTestId('import-wizard')).toHaveAttribute('data-step', 'preview', { timeout: 60_000 });
  await page.getByTestId('map-zip').selectOption('id');
  await page.getByTestId('map-stabbr').selectOption('state');
  await page.getByTestId('map-cty_name').selectOption('county');
  await page.getByTestId('map-emp').selectOption('employees');
  await page.getByTestId('import-start').click();
  const summary = page.getByTestId('import-summary');
  await expect(summary).toHaveAttribute('data-imported', '38722', { timeout: 120_000 });
  await page.getByTestId('import-done').click();
  await expect(app).toHaveAttribute('data-app-state', 'ready', { timeout: 90_000 });
  await expect(page.getByTestId('status-bar')).toContainText('38,722 accounts');

  // Reps without an address: placed at their office, or named with the reason.
  await page.getByTestId('open-import').click();
  await page.getByTestId('import-kind').selectOption('reps');
  await page.getByTestId('import-file').setInputFiles(REPS);
  await expect(page.getByTestId('import-wizard')).toHaveAttribute('data-step', 'preview');
  await expect(page.getByTestId('map-Regional Office')).toHaveValue('office');
  await expect(page.getByTestId('map-Region')).toHaveValue('region');
  await page.getByTestId('import-start').click();
  await expect(summary).toHaveAttribute('data-imported', '9', { timeout: 60_000 });
  const issues = page.getByTestId('import-issues');
  await expect(issues.locator('tr', { hasText: 'Robin Hale' })).toContainText('no home address and no office city or state');
  await expect(issues.locator('tr', { hasText: 'line' }).first()).toBeVisible();
  await expect(issues).toContainText('no home address: placed at the office, Chicago, IL');
  await page.screenshot({ path: 'test-results/planner-reps-import.png' });
  await page.getByTestId('import-done').click();
  await expect(app).toHaveAttribute('data-app-state', 'ready', { timeout: 90_000 });

  // The offer: 12 territories of whole states with about equal accounts.
  const offer = page.getByTestId('starter-offer');
  await expect(page.getByTestId('starter-measure')).toHaveValue('accounts');
  await expect(page.getByTestId('starter-per-rep')).toHaveText('One territory per rep (6)');
  await offer.locator('input[type="number"]').fill('12');
  await page.getByTestId('starter-states').click();
  await expect(offer).toHaveCount(0, { timeout: 60_000 });
  await expect(app).toHaveAttribute('data-app-state', 'ready', { timeout: 90_000 });
  const grid = page.getByTestId('territory-grid');
  await expect(grid).toHaveAttribute('data-row-count', '12', { timeout: 30_000 });

  // Design 12 territories from scratch on accounts, save the run as the next version.
  await page.getByTestId('balance-toggle').click();
  await expect(page.getByTestId('balance-panel')).toHaveAttribute('data-data-status', 'ready', { timeout: 60_000 });
  await page.getByTestId('balance-time-limit').fill('3');
  await page.getByTestId('balance-mode').selectOption('design');
  await page.getByTestId('balance-k').fill('12');
  await page.getByTestId('balance-measure-accounts').check();
  await page.getByTestId('balance-measure-potential').uncheck();
  await page.getByTestId('balance-run').click();
  const row = page.getByTestId('balance-result-row');
  await expect(row).toHaveCount(1, { timeout: 120_000 });
  await row.getByTestId('balance-pick').click();
  await expect(row.getByTestId('balance-saved')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('scenario-version')).toContainText('v2', { timeout: 30_000 });
  await expect(grid).toHaveAttribute('data-row-count', '12', { timeout: 30_000 });
  await page.screenshot({ path: 'test-results/planner-designed.png' });
});

test('new workspace from the planner\'s own boundaries: a Census ZCTA shapefile becomes the units', async ({ page }) => {
  const shapefile = fileURLToPath(new URL('../fixtures/geo/zcta_2024_DC_shapefile.zip', import.meta.url));
  await page.goto('/');
  const app = page.getByTestId('app');
  await expect(app).toHaveAttribute('data-app-state', 'ready', { timeout: 90_000 });
  await page.getByTestId('open-new-workspace').click();
  await page.getByTestId('new-workspace-boundaries').click();
  await expect(page.getByTestId('new-workspace-create')).toBeDisabled();
  await page.getByTestId('new-workspace-file').setInputFiles(shapefile);
  await page.getByTestId('new-workspace-id-field').fill('ZCTA5CE20');
  await page.getByTestId('new-workspace-name').fill('dc-zctas');
  await page.getByTestId('new-workspace-create').click();
  await expect(page.getByTestId('new-workspace-dialog')).toHaveCount(0, { timeout: 60_000 });
  await expect(app).toHaveAttribute('data-app-state', 'ready', { timeout: 90_000 });
  await expect(page.getByTestId('status-bar')).toContainText('71 ', { timeout: 30_000 });
  await expect(page.getByTestId('workspace-name')).toContainText('dc-zctas');
});
