import type { AppMethod } from './app-api';

/**
 * Methods that may run for hundreds of milliseconds or more (a pass over every account, a file written or read
 * whole). The services host runs every waiting quick call before the next of these, so a dashboard or a report
 * does not hold up the calls queued behind it.
 */
export const LONG_CALLS: ReadonlySet<AppMethod> = new Set<AppMethod>([
  'compare.scenarios',
  'dashboard.get',
  'kpi.territories',
  'report.html',
  'report.pdf',
  'export.run',
  'export.xlsx',
  'import.finish',
  'import.boundaries',
  'share.export',
  'share.import',
  'workspace.create',
  'workspace.saveAs',
  'workspace.createFromBoundaries',
]);

/** True when method is one of LONG_CALLS. */
export function isLongCall(method: string): boolean {
  return LONG_CALLS.has(method as AppMethod);
}

/**
 * Long calls that report progress and can be stopped while they run (see ./api/call-api.ts). Each answers a
 * stopped call with the value `{ ok: false, error: { code: 'cancelled' } }`, so 'cancelled' is among its error codes.
 */
export const CANCELLABLE_CALLS: ReadonlySet<AppMethod> = new Set<AppMethod>([
  'compare.scenarios',
  'dashboard.get',
  'report.html',
  'report.pdf',
  'export.run',
  'share.export',
  'share.import',
  'workspace.create',
  'workspace.createFromBoundaries',
  'import.boundaries',
]);
