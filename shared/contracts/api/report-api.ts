import { z } from 'zod';
import type { Dashboard } from '../../domain/kpi/dashboard';
import type { Result } from '../result';
import { selectorArg, type ScenarioSelector, type ArgSchemas } from './common';
import type { VersionRef } from './types';

/** A scenario version's KPI dashboard. */
export type DashboardView = { ref: VersionRef; scenarioName: string; dashboard: Dashboard; ms: number };

/** An exported executive report. */
export type ReportFile = { fileName: string; mime: 'application/pdf' | 'text/html'; base64: string; bytes: number; pages: number; ms: number; engine: string };

/** What a report covers: one scenario, or a comparison of it against a baseline. */
export type ReportRequest = { scenario: ScenarioSelector; baseline?: ScenarioSelector; title?: string };

/** KPI dashboard and executive reports (PDF, or the print-styled HTML page). */
export type ReportApi = {
  'dashboard.get': (a: ScenarioSelector) => Promise<Result<DashboardView, 'not-found' | 'cancelled'>>;
  'report.pdf': (a: ReportRequest) => Promise<Result<ReportFile, 'not-found' | 'unavailable' | 'cancelled'>>;
  'report.html': (a: ReportRequest) => Promise<Result<ReportFile, 'not-found' | 'cancelled'>>;
};

const reportArg = z.object({ scenario: selectorArg, baseline: selectorArg.optional(), title: z.string().max(200).optional() }).strict();

/** Argument validators of ReportApi. */
export const reportSchemas = {
  'dashboard.get': selectorArg,
  'report.pdf': reportArg,
  'report.html': reportArg,
} as const satisfies ArgSchemas<ReportApi>;
