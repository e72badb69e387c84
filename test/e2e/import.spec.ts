import { expect, test } from './session';

// Browser mode: the wizard streams the file to the server in chunks. The accounts are in Canada, which
// the offline (US) gazetteer cannot place, so they stay unassigned and the demo's territories, KPIs and
// moved counts that later specs check are unchanged.
const CSV = 'Account ID,Account Name,Nation,Employees\nE2E-1,Maple Leaf Ltd,Canada,12\nE2E-2,Bad Number Co,Canada,lots\n,No Id Inc,Canada,1\n';

test('imports a small CSV through the wizard and reports rows, repairs and rejections', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('app')).toHaveAttribute('data-app-state', 'ready', { timeout: 90_000 });
  const status = page.getByTestId('status-bar');
  const before = Number(((await status.textContent()) ?? '').match(/([\d,]+) accounts/)![1]!.replaceAll(',', ''));

  await page.getByTestId('open-import').click();
  const wizard = page.getByTestId('import-wizard');
  await expect(wizard).toHaveAttribute('data-step', 'pick');
  await page.getByTestId('import-file').setInputFiles({ name: 'accounts.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
  await expect(wizard).toHaveAttribute('data-step', 'preview');
  await expect(page.getByTestId('import-detected')).toContainText('utf-8');
  // Plain headers are auto-mapped; the user maps the one the synonyms do not know.
  await expect(page.getByTestId('map-Account ID')).toHaveValue('id');
  await expect(page.getByTestId('map-Employees')).toHaveValue('employees');
  await page.getByTestId('map-Nation').selectOption('country');
  await expect(page.getByTestId('import-preview')).toContainText('Maple Leaf Ltd');

  await page.getByTestId('import-start').click();
  const summary = page.getByTestId('import-summary');
  await expect(summary).toHaveAttribute('data-imported', '2');
  await expect(summary).toHaveAttribute('data-rejected', '1');
  const issues = page.getByTestId('import-issues');
  await expect(issues).toContainText('"lots" is not a number; read as 0');
  await expect(issues.locator('tr', { hasText: 'missing id' })).toContainText('4');
  await page.getByTestId('import-done').click();
  await expect(wizard).toHaveCount(0);
  await expect(page.getByTestId('app')).toHaveAttribute('data-app-state', 'ready', { timeout: 90_000 });
  await expect(status).toContainText(`${(before + 2).toLocaleString('en-US')} accounts`);
});
