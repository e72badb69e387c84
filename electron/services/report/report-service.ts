import type { ReportFile, ReportRequest } from '../../../shared/contracts/api/report-api';
import { err, ok, type Result } from '../../../shared/contracts/result';
import { resolveVersion } from '../context';
import { checkpoint, inStep } from '../long-call';
import { compareInWorkspace } from '../scenarios/compare-service';
import type { Workspace } from '../workspace';
import { scenarioDashboard } from './dashboard-service';
import { countPdfPages, pdfPrinter } from './pdf-printer';
import { reportHtml } from './report-html';

const slug = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'scenario';

/** Builds the report page of a scenario (and its comparison with a baseline). */
export async function buildReportHtml(ws: Workspace, req: ReportRequest): Promise<Result<{ html: string; fileBase: string }, 'not-found'>> {
  const v = resolveVersion(ws, req.scenario);
  if (!v.ok) return v;
  let comparison = null;
  let baseline = null;
  if (req.baseline) {
    const b = resolveVersion(ws, req.baseline);
    if (!b.ok) return b;
    baseline = b.value;
    await checkpoint('Comparing with the baseline', 0, 3);
    const c = await inStep(0, 3, () => compareInWorkspace(ws, [req.baseline!, req.scenario], 0));
    if (!c.ok) return c.error.code === 'not-found' ? err('not-found', c.error.message) : err('not-found', `Cannot compare: ${c.error.message}`);
    comparison = c.value;
  }
  const title = req.title ?? (comparison ? `${v.value.scenarioName} vs ${comparison.refs[0]!.scenarioName}` : `${v.value.scenarioName} — territory report`);
  await checkpoint('Computing the dashboard', 1, 3);
  const dashboard = scenarioDashboard(ws, v.value);
  await checkpoint('Writing the report', 2, 3);
  const html = reportHtml(ws, { title, workspace: ws.name, version: v.value, baseline, dashboard, comparison, generatedAt: new Date().toISOString().slice(0, 16).replace('T', ' ') });
  return ok({ html, fileBase: `tessera-${slug(v.value.scenarioName)}-v${v.value.version}${comparison ? `-vs-${slug(comparison.refs[0]!.scenarioName)}` : ''}` });
}

/** The report page as a downloadable HTML file (browser mode's print fallback: open it and print). */
export async function reportHtmlFile(ws: Workspace, req: ReportRequest): Promise<Result<ReportFile, 'not-found'>> {
  const started = performance.now();
  const r = await buildReportHtml(ws, req);
  if (!r.ok) return r;
  const bytes = Buffer.from(r.value.html, 'utf8');
  return ok({ fileName: `${r.value.fileBase}.html`, mime: 'text/html', base64: bytes.toString('base64'), bytes: bytes.length, pages: 0, ms: Math.round(performance.now() - started), engine: 'html' });
}

/** The report as a PDF, printed by Electron (desktop) or headless Chromium (browser mode, CLI). */
export async function reportPdf(ws: Workspace, req: ReportRequest): Promise<Result<ReportFile, 'not-found' | 'unavailable'>> {
  const started = performance.now();
  const r = await inStep(0, 2, () => buildReportHtml(ws, req));
  if (!r.ok) return r;
  await checkpoint('Printing the PDF', 1, 2);
  const printer = await pdfPrinter();
  if (!printer) return err('unavailable', 'No PDF engine: install Chromium (or set TESSERA_CHROMIUM) to export PDFs in browser mode; the HTML report can be printed from any browser.');
  const pdf = await printer.print(r.value.html);
  return ok({
    fileName: `${r.value.fileBase}.pdf`,
    mime: 'application/pdf',
    base64: Buffer.from(pdf).toString('base64'),
    bytes: pdf.length,
    pages: countPdfPages(pdf),
    ms: Math.round(performance.now() - started),
    engine: printer.engine,
  });
}
