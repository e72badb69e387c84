// The app's one typed API: every call the UI can make, declared once per area in ./api/ and merged here.
// One JSON-safe argument per method, so IPC, HTTP and tests carry the same payload; every argument is
// validated by its zod schema before it reaches a service. To add an area: write ./api/<area>-api.ts with
// its type and schemas, then add it to AppApi and APP_API_SCHEMAS below (the compiler checks both match).
import type { z } from 'zod';
import { callSchemas, type CallApi } from './api/call-api';
import { datasetSchemas, type DatasetApi } from './api/dataset-api';
import { exportSchemas, type ExportApi } from './api/export-api';
import { importSchemas, type ImportApi } from './api/import-api';
import { reportSchemas, type ReportApi } from './api/report-api';
import { rulesSchemas, type RulesApi } from './api/rules-api';
import { scenarioAdminSchemas, type ScenarioAdminApi } from './api/scenario-admin-api';
import { scenarioSchemas, type ScenarioApi } from './api/scenario-api';
import { uploadSchemas, type UploadApi } from './api/upload-api';
import { workspaceSchemas, type WorkspaceApi } from './api/workspace-api';

export type * from './api/types';
export type { FileSource, ScenarioSelector, WorkspaceTarget } from './api/common';
export type { DatasetApi, ScenarioApi, WorkspaceApi };
export type { SplitChoice, DatasetViewArg } from './api/dataset-api';
export type * from './api/scenario-admin-api';
export type * from './api/rules-api';
export type * from './api/report-api';
export type * from './api/import-api';
export type * from './api/export-api';
export type * from './api/upload-api';
export type * from './api/call-api';
export type { NewWorkspaceGeography, SavedWorkspace } from './api/workspace-api';

/** Every call the UI can make. */
export type AppApi = WorkspaceApi & DatasetApi & ScenarioApi & ScenarioAdminApi & RulesApi & ReportApi & ImportApi & ExportApi & UploadApi & CallApi;

/** Name of an AppApi method. */
export type AppMethod = keyof AppApi;
/** Argument type of an AppApi method. */
export type AppArg<M extends AppMethod> = Parameters<AppApi[M]>[0];
/** Resolved return type of an AppApi method. */
export type AppReturn<M extends AppMethod> = Awaited<ReturnType<AppApi[M]>>;

/** Argument validators of every method; exhaustive by type (a method without a schema fails to compile). */
export const APP_API_SCHEMAS = {
  ...workspaceSchemas,
  ...datasetSchemas,
  ...scenarioSchemas,
  ...scenarioAdminSchemas,
  ...rulesSchemas,
  ...reportSchemas,
  ...importSchemas,
  ...exportSchemas,
  ...uploadSchemas,
  ...callSchemas,
} as const satisfies Record<AppMethod, z.ZodType>;

/** All method names, the runtime list the preload and the HTTP client build their objects from. */
export const APP_METHOD_NAMES = Object.keys(APP_API_SCHEMAS) as AppMethod[];

/** True when name is a method of the API (used by transports before dispatch). */
export function isAppMethod(name: string): name is AppMethod {
  return Object.prototype.hasOwnProperty.call(APP_API_SCHEMAS, name);
}
