import type { ReportApi } from '../../../shared/contracts/api/report-api';
import { ok } from '../../../shared/contracts/result';
import { resolveVersion, type ServiceContext } from '../context';
import { checkpoint } from '../long-call';
import { scenarioDashboard } from './dashboard-service';
import { reportHtmlFile, reportPdf } from './report-service';

/** Handlers of dashboard.get and report.*. */
export function reportHandlers(ctx: ServiceContext): ReportApi {
  return {
    'dashboard.get': async (sel) => {
      const started = performance.now();
      const v = resolveVersion(ctx.ws(), sel);
      if (!v.ok) return v;
      await checkpoint('Computing the dashboard', 0, 1);
      const dashboard = scenarioDashboard(ctx.ws(), v.value);
      return ok({ ref: { scenarioId: v.value.scenarioId, version: v.value.version }, scenarioName: v.value.scenarioName, dashboard, ms: Math.round(performance.now() - started) });
    },
    'report.pdf': async (req) => reportPdf(ctx.ws(), req),
    'report.html': async (req) => reportHtmlFile(ctx.ws(), req),
  };
}
