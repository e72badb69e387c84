import { readFileSync } from 'node:fs';
import { expect, test } from './session';
import { overflowingElements, renderPdfPages } from './pdf-pages';

// Dashboard and executive report in browser mode: the server prints the report page with headless
// Chromium (playwright-core); the test downloads the PDF and counts its pages, and exports the map PNG.

/** Page objects of a PDF (/Type /Page, not /Pages). */
function pdfPages(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)\b/g) ?? []).length;
}

test.setTimeout(300_000);

/** The report's @page margin (electron/services/report/report-html.ts): nothing may be drawn in it. */
const MARGIN_MM = 14;

test('executive journey: the KPI dashboard, a comparison PDF whose every page fits its printable width (rendered and checked), and a PNG of the map', async ({ page, baseURL }) => {
  await page.goto('/');
  await expect(page.getByTestId('app')).toHaveAttribute('data-app-state', 'ready', { timeout: 150_000 });

  await page.getByTestId('tab-dashboard').click();
  const dash = page.getByTestId('dashboard-view');
  await expect(dash).toHaveAttribute('data-dashboard-state', 'ready', { timeout: 60_000 });
  // 56 bars of the default alignment's territories (the 4 Enterprise overlay territories are on another scale),
  // named, on an axis titled with its unit.
  const potential = page.getByTestId('chart-potential');
  await expect(potential.locator('g[aria-label="bar"]').first().locator('rect')).toHaveCount(56, { timeout: 10_000 });
  await expect(potential).toContainText('Potential (USD)');
  await expect(potential).toContainText('TX Dallas');
  await expect(page.getByTestId('chart-workload')).toContainText('Workload (hours)');
  await page.screenshot({ path: 'test-results/readme/dashboard.png' });
  expect(await page.getByTestId('rep-table').locator('tbody tr').count()).toBeGreaterThanOrEqual(50);
  await expect(page.getByTestId('card-Coverage ratio')).not.toContainText('—');

  await page.getByTestId('report-baseline').selectOption({ label: 'Nearest rep' });
  const started = Date.now();
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 180_000 }), page.getByTestId('export-pdf').click()]);
  expect(download.suggestedFilename()).toMatch(/^tessera-.*-vs-nearest-rep\.pdf$/);
  const pdf = readFileSync((await download.path())!);
  const pages = pdfPages(pdf);
  console.log(`report PDF: ${pages} pages, ${Math.round(pdf.length / 1024)} KB, ${Date.now() - started} ms from click to download`);
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  expect(pages).toBeGreaterThanOrEqual(5);
  await expect(page.getByTestId('report-buttons')).toHaveAttribute('data-pages', String(pages));

  // Each page rendered to an image (PDF.js): it has content, and no ink lies in the left or right margin, so no
  // card, table, chart or map runs past the printable width. The pages land in test-results/report-pages.
  const rendered = await renderPdfPages(page.context(), pdf, { marginMm: MARGIN_MM, saveTo: 'test-results/report-pages' });
  expect(rendered).toHaveLength(pages);
  rendered.forEach((p, i) => {
    expect(p.ink, `page ${i + 1} has content`).toBeGreaterThan(2000);
    expect({ page: i + 1, inkLeft: p.inkLeft, inkRight: p.inkRight }).toEqual({ page: i + 1, inkLeft: 0, inkRight: 0 });
  });
  // Chromium cuts what runs past the printable width at the margin, so the images alone cannot show a cut: the same
  // report's HTML is also laid out at the printable width (print media), and no element may end past it.
  const overflow = async (arg: object): Promise<string[]> => {
    const r = await page.request.post('/api/report.html', { headers: { origin: baseURL! }, data: arg });
    const html = Buffer.from(((await r.json()) as { result: { value: { base64: string } } }).result.value.base64, 'base64').toString('utf8');
    return overflowingElements(page.context(), html);
  };
  expect(await overflow({ scenario: { scenario: 'Current plan' }, baseline: { scenario: 'Nearest rep' } })).toEqual([]);
  // The check can fail: a title too wide for the page (one unbreakable word) is named.
  expect((await overflow({ scenario: { scenario: 'Current plan' }, title: 'W'.repeat(160) })).join(' ')).toMatch(/^header: W+ \(ends at \d+ px of 710\)$/);

  await page.getByTestId('tab-map').click();
  await expect(page.getByTestId('app')).toHaveAttribute('data-first-frame-ms', /^\d+$/, { timeout: 90_000 });
  const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png').click()]);
  const bytes = readFileSync((await png.path())!);
  expect(bytes.subarray(1, 4).toString()).toBe('PNG');
  const colours = await page.evaluate(async (b64) => {
    const bmp = await createImageBitmap(new Blob([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], { type: 'image/png' }));
    const ctx = new OffscreenCanvas(bmp.width, bmp.height).getContext('2d')!;
    ctx.drawImage(bmp, 0, 0);
    const d = ctx.getImageData(0, 0, bmp.width, bmp.height).data;
    const seen = new Set<number>();
    for (let i = 0; i < d.length; i += 16) seen.add((d[i]! << 16) | (d[i + 1]! << 8) | d[i + 2]!);
    return seen.size;
  }, bytes.toString('base64'));
  console.log(`map PNG: ${Math.round(bytes.length / 1024)} KB, ${colours} distinct colours`);
  expect(colours).toBeGreaterThan(20);
});
