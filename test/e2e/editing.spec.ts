import type { Page } from '@playwright/test';
import { expect, test } from './session';

// Map editing end to end in browser mode: a lasso selects units, moving them to another territory
// changes the territory KPIs at once (incremental update in the KPI worker), undo restores them exactly.

async function openApp(page: Page): Promise<void> {
  await page.goto('/');
  const app = page.getByTestId('app');
  await expect(app).toHaveAttribute('data-app-state', 'ready', { timeout: 90_000 });
  await expect(app).toHaveAttribute('data-first-frame-ms', /^\d+$/, { timeout: 90_000 });
}

/** Draws a closed lasso (a rough circle) on the map canvas. */
async function drawLasso(page: Page, cx: number, cy: number, r: number): Promise<void> {
  await page.mouse.move(cx + r, cy);
  await page.mouse.down();
  for (let k = 1; k <= 12; k++) {
    const a = (k / 12) * 2 * Math.PI;
    await page.mouse.move(cx + r * Math.cos(a), cy + r * Math.sin(a));
  }
  await page.mouse.up();
}

test('a lasso reassignment changes the territory KPIs and undo restores them', async ({ page }) => {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' || /Content Security Policy/i.test(m.text())) problems.push(`console.${m.type()}: ${m.text()}`);
  });
  await openApp(page);
  const toolbar = page.getByTestId('edit-toolbar');
  await expect(toolbar).toHaveAttribute('data-kpi-accounts', /\d+,\d+/);
  const before = (await toolbar.getAttribute('data-kpi-accounts'))!;

  await page.getByTestId('tool-lasso').click();
  const box = (await page.getByTestId('map').boundingBox())!;
  await drawLasso(page, box.x + box.width * 0.55, box.y + box.height * 0.5, Math.min(box.width, box.height) * 0.12);
  await expect(toolbar).toHaveAttribute('data-selected-units', /^[1-9]\d*$/, { timeout: 30_000 });
  const selected = Number(await toolbar.getAttribute('data-selected-units'));

  // Move the selection into the last territory (the lasso is in the middle of the map; it is far from most of it).
  const options = page.locator('[data-testid="edit-target"] option');
  const lastValue = (await options.nth((await options.count()) - 1).getAttribute('value'))!;
  await page.getByTestId('edit-target').selectOption(lastValue);
  await page.getByTestId('reassign').click();
  await expect(toolbar).toHaveAttribute('data-dirty', 'true');
  await expect(toolbar).not.toHaveAttribute('data-kpi-accounts', before);
  await expect(page.getByTestId('unsaved')).toBeVisible();
  await expect(page.getByTestId('edit-status')).toContainText(/Move \d+ units? to/);
  const after = (await toolbar.getAttribute('data-kpi-accounts'))!;
  const total = (s: string) => s.split(',').reduce((a, b) => a + Number(b), 0);
  expect(total(after)).toBe(total(before)); // accounts moved between territories, none lost
  expect(await page.title()).toMatch(/^• /);
  const editMs = Number(await toolbar.getAttribute('data-edit-ms'));
  console.log(`lasso selected ${selected} units; reassign + KPI update took ${editMs} ms (UI round trip incl. worker)`);

  await page.getByTestId('edit-undo').click();
  await expect(toolbar).toHaveAttribute('data-kpi-accounts', before);
  await expect(toolbar).toHaveAttribute('data-dirty', 'false');
  expect(await page.title()).not.toMatch(/^• /);

  await page.getByTestId('edit-redo').click();
  await expect(toolbar).toHaveAttribute('data-kpi-accounts', after);

  // The same blob moved on into OR (Oregon, far away) splits OR: flagged at once, again on Save, cleared by undo.
  await page.getByTestId('edit-target').selectOption({ label: 'OR' });
  await page.getByTestId('reassign').click();
  const split = page.getByTestId('split-warning');
  await expect(split).toHaveText(/^Not contiguous: OR is now in 2 pieces.* \(detached pieces outlined in orange\)\.\s*$/);
  await page.screenshot({ path: test.info().outputPath('split-warning.png') });
  const saveAsked: string[] = [];
  page.once('dialog', (d) => {
    saveAsked.push(d.message());
    void d.dismiss();
  });
  await page.getByTestId('edit-save').click();
  await expect(page.getByTestId('edit-status')).toContainText('Not saved: fix the split territories, or Save again and confirm.');
  expect(saveAsked[0]).toMatch(/^These edits leave territories in several pieces: (.+; )?OR( is now)? in 2 pieces.*\. Save anyway\?/);
  await page.getByTestId('edit-undo').click();
  await expect(split).toHaveCount(0);
  await expect(toolbar).toHaveAttribute('data-kpi-accounts', after);

  // Opening another scenario with unsaved edits asks first; declining keeps the scenario and the edits.
  const picker = page.getByTestId('scenario-picker');
  const currentScenario = await picker.inputValue();
  const values = await picker.locator('option').evaluateAll((opts) => opts.map((o) => (o as HTMLOptionElement).value));
  const asked: string[] = [];
  page.once('dialog', (d) => {
    asked.push(d.message());
    void d.dismiss();
  });
  await picker.selectOption(values.find((v) => v !== currentScenario)!);
  await expect(picker).toHaveValue(currentScenario);
  expect(asked[0]).toMatch(/unsaved edits/);
  await expect(toolbar).toHaveAttribute('data-kpi-accounts', after);

  // Region roll-ups follow the edit; clicking a region filters the territory grid to it.
  const firstRegion = page.locator('[data-testid="region-rollups"] tbody tr').first();
  await firstRegion.click();
  await expect(firstRegion).toHaveAttribute('aria-selected', 'true');
  await page.getByTestId('clear-region').click();

  // Analysis layers draw without hiding themselves with an error (weights and per-unit sums come from the worker).
  await page.getByTestId('heat-kind').selectOption('whiteSpace');
  await page.getByTestId('choropleth-key').selectOption('accounts:potential');
  await page.getByTestId('toggle-unitOutlines').check();
  // Colour by region: one hue per region, named in the legend.
  await page.getByTestId('choropleth-key').selectOption('region');
  await expect(page.getByTestId('region-key')).toContainText('South');
  // Every layer has been built and drawn once these show: the heat grid's range comes from the raster worker's finished image.
  await expect(page.getByTestId('heat-domain')).toContainText(/per cell/);
  await expect(page.getByTestId('error-count')).toHaveText('No problems');
  expect(problems).toEqual([]);
});

test('the accounts grid finds an account, reassigns it inline (KPIs follow) and undo restores them', async ({ page }) => {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await openApp(page);
  const toolbar = page.getByTestId('edit-toolbar');
  await expect(toolbar).toHaveAttribute('data-kpi-accounts', /\d+,\d+/);
  const before = (await toolbar.getAttribute('data-kpi-accounts'))!;

  await page.getByTestId('grid-tab-accounts').click();
  const grid = page.getByTestId('accounts-grid');
  await expect(grid).toHaveAttribute('data-row-count', /^[1-9]\d*$/);
  const rowCount = Number(await grid.getAttribute('data-row-count'));
  // Virtualised: only a screenful of the rows is in the DOM.
  const idCells = grid.locator('[role="gridcell"][col-id="id"]');
  await expect(idCells.first()).toBeVisible();
  expect(await idCells.count()).toBeLessThan(Math.min(rowCount, 200));

  const id = (await idCells.first().textContent())!.trim();
  await page.getByTestId('grid-search').fill(id);
  await expect(idCells).toHaveCount(1);
  const territoryCell = page.getByTestId(`account-territory-${id}`);
  await expect(territoryCell).not.toHaveText('');
  const was = (await territoryCell.textContent())!.trim();

  // Make it a named account of another territory, inline.
  const select = page.getByTestId(`account-override-${id}`);
  const options = await select.locator('option').evaluateAll((os) => os.map((o) => ({ value: (o as HTMLOptionElement).value, label: o.textContent ?? '' })));
  const other = options.find((o) => o.value && o.label.trim() !== was)!;
  await select.selectOption(other.value);
  await expect(toolbar).not.toHaveAttribute('data-kpi-accounts', before);
  await expect(territoryCell).toHaveText(other.label.trim());
  await expect(page.getByTestId('edit-status')).toContainText('Assign');

  await page.getByTestId('edit-undo').click();
  await expect(toolbar).toHaveAttribute('data-kpi-accounts', before);
  await expect(territoryCell).toHaveText(was);
  await expect(select).toHaveValue('');
  expect(problems).toEqual([]);
});

test('territory buttons create and lock on the draft; the scenario panel undoes them without saving versions', async ({ page }) => {
  await openApp(page);
  const app = page.getByTestId('app');
  const count = Number(await app.getAttribute('data-territory-count'));
  const version = (await page.getByTestId('scenario-version').textContent())!;
  await page.getByTestId('territory-name-input').fill('=Grid test');
  await page.getByTestId('territory-create').click();
  await expect(app).toHaveAttribute('data-territory-count', String(count + 1));

  // Lock a territory from the scenario panel: a draft edit, no new version.
  await page.locator('[role="gridcell"] [data-testid^="territory-name-"]').first().click();
  await page.getByTestId('tab-scenarios').click();
  await page.getByTestId('toggle-lock').click();
  await expect(page.getByTestId('toggle-lock')).toHaveText('Unlock territory');
  await expect(page.getByTestId('unsaved')).toContainText('2');
  await expect(page.getByTestId('scenario-version')).toHaveText(version);

  await page.getByTestId('undo').click();
  await expect(page.getByTestId('toggle-lock')).toHaveText('Lock territory');
  await page.getByTestId('undo').click();
  await expect(app).toHaveAttribute('data-territory-count', String(count));
  await expect(page.getByTestId('edit-toolbar')).toHaveAttribute('data-dirty', 'false');
});

test('paint moves the units under a stroke to the target, dragging a selection drops it on a territory; undo restores both', async ({ page }) => {
  await openApp(page);
  const toolbar = page.getByTestId('edit-toolbar');
  await expect(toolbar).toHaveAttribute('data-kpi-accounts', /\d+,\d+/);
  const before = (await toolbar.getAttribute('data-kpi-accounts'))!;
  const box = (await page.getByTestId('map').boundingBox())!;
  const at = (fx: number, fy: number) => [box.x + box.width * fx, box.y + box.height * fy] as const;
  // Accounts hidden: a click then always lands on a unit, never on an account point.
  await page.getByTestId('toggle-accounts').uncheck();

  // Paint a short stroke across the middle of the map into the last territory (units found on the CPU per move).
  const options = page.locator('[data-testid="edit-target"] option');
  const lastValue = (await options.nth((await options.count()) - 1).getAttribute('value'))!;
  await page.getByTestId('edit-target').selectOption(lastValue);
  await page.getByTestId('tool-paint').click();
  const [x0, y0] = at(0.45, 0.5);
  await page.mouse.move(x0, y0);
  await page.mouse.down();
  for (let k = 1; k <= 8; k++) await page.mouse.move(x0 + k * 12, y0 + (k % 2) * 6);
  await page.mouse.up();
  await expect(toolbar).not.toHaveAttribute('data-kpi-accounts', before);
  await expect(page.getByTestId('edit-status')).toContainText(/Move \d+ units? to/);
  const painted = (await toolbar.getAttribute('data-kpi-accounts'))!;

  // Select a unit elsewhere and drag it onto the painted territory's area.
  await page.getByTestId('tool-select').click();
  const [sx, sy] = at(0.3, 0.4);
  await page.mouse.click(sx, sy);
  await expect(toolbar).toHaveAttribute('data-selected-units', '1');
  await page.mouse.move(sx, sy);
  // The pointer is over the selection (the map shows the move cursor), so a drag moves it instead of panning.
  await expect(page.locator('[data-testid="map"] canvas').first()).toHaveCSS('cursor', 'move');
  await page.mouse.down();
  for (let k = 1; k <= 6; k++) await page.mouse.move(sx + ((x0 + 40 - sx) * k) / 6, sy + ((y0 - sy) * k) / 6);
  await page.mouse.up();
  await expect(toolbar).not.toHaveAttribute('data-kpi-accounts', painted);
  await expect(page.getByTestId('edit-status')).toContainText(/Move 1 unit to/);

  await page.getByTestId('edit-undo').click();
  await expect(toolbar).toHaveAttribute('data-kpi-accounts', painted);
  await page.getByTestId('edit-undo').click();
  await expect(toolbar).toHaveAttribute('data-kpi-accounts', before);
  await expect(toolbar).toHaveAttribute('data-dirty', 'false');
});

test('a territory gets an area (middle level) in the grid: the roll-up shows it under its region and filters to it; undo removes it', async ({ page }) => {
  await openApp(page);
  const grid = page.getByTestId('territory-grid');
  const row = grid.locator('[role="row"][row-id]').first();
  const id = (await row.getAttribute('row-id'))!;
  const cell = grid.locator(`[role="row"][row-id="${id}"] [col-id="area"]`);
  await cell.scrollIntoViewIfNeeded();
  await cell.dblclick();
  await page.keyboard.type('Gulf Coast');
  await page.keyboard.press('Enter');
  await expect(cell).toHaveText('Gulf Coast');
  const areaRow = page.locator('[data-testid="region-rollups"] tr[data-area="Gulf Coast"]');
  await expect(areaRow).toContainText('1'); // one territory in the area
  await areaRow.click();
  await expect(areaRow).toHaveAttribute('aria-selected', 'true');
  await expect(grid).toHaveAttribute('data-row-count', /\d+/);
  await expect(grid.locator('[role="row"][row-id]')).toHaveCount(1);
  await page.getByTestId('clear-region').click();
  await expect(page.getByTestId('edit-status')).toContainText(/Set area of .+ to Gulf Coast/);
  await page.getByTestId('edit-undo').click();
  await expect(areaRow).toHaveCount(0);
  await expect(cell).toHaveText('');
});

