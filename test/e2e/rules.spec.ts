import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, test } from './session';

// Lead routing in browser mode: edit rules, save them as a scenario version, route a small leads CSV
// on the server, and read each lead's rule and the coverage report.

const LEADS = fileURLToPath(new URL('../fixtures/rules/leads-small.csv', import.meta.url));

async function fillRule(page: Page, id: string, name: string, fields: Record<string, string>): Promise<void> {
  const card = page.getByTestId(`rule-${id}`);
  await card.getByTestId('rule-name').fill(name);
  for (const [field, value] of Object.entries(fields)) {
    const input = card.getByTestId(`rule-${field}`);
    await input.fill(value);
    await input.blur();
  }
}

test.setTimeout(300_000);

test('edits rules, routes a leads CSV and shows matches, reasons and the coverage report', async ({ page }) => {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto('/');
  await expect(page.getByTestId('app')).toHaveAttribute('data-app-state', 'ready', { timeout: 150_000 });
  await page.getByTestId('tab-rules').click();
  const view = page.getByTestId('rules-view');
  await expect(view).toHaveAttribute('data-rules-state', 'ready');
  const before = await page.getByTestId('scenario-version').textContent();

  // Texas to its geographic territory; a narrower Texas rule after it (shadowed); California to a queue.
  for (let i = 0; i < 3; i++) await page.getByTestId('add-rule').click();
  const ids = await page.locator('.rule-card').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.slice(5)));
  const [texas, texasRetail, california] = ids.slice(-3) as [string, string, string];
  await fillRule(page, texas, 'Texas', { states: 'TX' });
  await fillRule(page, texasRetail, 'Texas retail', { states: 'TX', industries: 'Retail' });
  await fillRule(page, california, 'California', { states: 'CA' });
  await page.getByTestId(`rule-${california}`).getByTestId('rule-action').selectOption('queue');
  await expect(view).toHaveAttribute('data-dirty', 'true');

  await page.getByTestId('save-rules').click();
  await expect(page.getByTestId('rules-message')).toContainText(/Saved as version \d+/);
  await expect(view).toHaveAttribute('data-dirty', 'false');
  await expect(page.getByTestId('scenario-version')).not.toHaveText(before!);
  await expect(page.getByTestId(`rule-${texas}`).getByTestId('rule-states')).toHaveValue('TX');

  await page.getByTestId('leads-file').setInputFiles(LEADS);
  await page.getByTestId('route-leads').click();
  const results = page.getByTestId('routing-results');
  await expect(results).toBeVisible({ timeout: 60_000 });

  const rowOf = (lead: string) => results.locator(`tr[data-lead="${lead}"]`);
  await expect(rowOf('L-2')).toHaveAttribute('data-rule', texas);
  await expect(rowOf('L-2')).toContainText('state TX in [TX]');
  // Territories and reps are named, not shown as ids, in who the lead went to and why.
  await expect(rowOf('L-2')).toContainText(/its territory TX\b/);
  await expect(rowOf('L-2')).not.toContainText('T-50');
  await expect(rowOf('L-4')).toHaveAttribute('data-rule', texas);
  await expect(rowOf('L-3')).toHaveAttribute('data-rule', california);
  await expect(rowOf('L-3')).toContainText('Queue');
  await expect(rowOf('L-6')).toHaveAttribute('data-rule', '');
  await expect(rowOf('L-6')).toContainText('No rule matched');

  await expect(page.getByTestId('coverage-unmatched')).toHaveText('5');
  await expect(page.getByTestId('coverage-summary')).toContainText('1 rows rejected');
  await expect(page.getByTestId('coverage-shadowed')).toContainText('Texas retail is shadowed (by its conditions)');
  expect(problems).toEqual([]);
});
