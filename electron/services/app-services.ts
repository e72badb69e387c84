import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { AppApi } from '../../shared/contracts/app-api';
import type { OpenOptions } from '../db/connection';
import type { ServiceContext } from './context';
import { datasetHandlers } from './dataset-handlers';
import { exportHandlers } from './export/export-handlers';
import { callHandlers } from './call-handlers';
import { importHandlers } from './import/import-handlers';
import { reportHandlers } from './report/report-handlers';
import { rulesHandlers } from './rules/rules-handlers';
import { scenarioHandlers } from './scenario-handlers';
import { scenarioAdminHandlers } from './scenarios/scenario-admin-handlers';
import { uploadHandlers } from './uploads/upload-handlers';
import { UploadStore } from './uploads/upload-store';
import { Workspace } from './workspace';
import { LongCalls } from './long-call';
import { workspaceHandlers } from './workspace-handlers';

export { APP_VERSION } from './workspace-handlers';

/** Options of the service container. */
export type ServicesOptions = {
  mode: 'desktop' | 'browser' | 'direct';
  /** Workspace file to open; else firstRunDemo; else the in-memory built-in demo. */
  workspace?: string;
  /** Without `workspace`: open this file, writing the built-in demo to it first when it does not exist (the desktop app's first run). */
  firstRunDemo?: string;
  /** Folder of workspaces the client names by { name } (browser mode). */
  dataDir?: string;
  openOptions?: OpenOptions;
  /** Called after the open workspace changes (title bar updates). */
  onWorkspaceChanged?: (ws: Workspace) => void;
  /** Folder of signing keys and trusted public keys (default: TESSERA_KEYS_DIR or the config folder). */
  keysDir?: string;
};

function initialWorkspace(opts: ServicesOptions, openOptions: OpenOptions): Workspace {
  if (opts.workspace) return Workspace.open(opts.workspace, openOptions);
  if (!opts.firstRunDemo) return Workspace.inMemory(true, openOptions);
  if (existsSync(opts.firstRunDemo)) return Workspace.open(opts.firstRunDemo, openOptions);
  mkdirSync(dirname(opts.firstRunDemo), { recursive: true });
  return Workspace.create(opts.firstRunDemo, true, openOptions);
}

/** The app's services: one object implementing AppApi over the current workspace. */
export type Services = { api: AppApi; workspace: () => Workspace; close: () => void; /** Cancellable long calls by key (the host registers and runs them). */ calls: LongCalls };

/**
 * Creates the services; throws WorkspaceFileError when the initial workspace cannot be opened.
 * Each area contributes its handlers (./<area>-handlers.ts); the type checks that together they
 * implement the whole AppApi.
 */
export function createServices(opts: ServicesOptions): Services {
  const openOptions = opts.openOptions ?? {};
  let current = initialWorkspace(opts, openOptions);
  let previous: Workspace | null = null;
  const uploads = new UploadStore();
  const calls = new LongCalls();
  const ctx: ServiceContext = {
    mode: opts.mode,
    openOptions,
    uploads,
    ...(opts.dataDir ? { dataDir: opts.dataDir } : {}),
    ...(opts.keysDir ? { keysDir: opts.keysDir } : {}),
    ws: () => current,
    replace: (next, how) => {
      if (how?.keepPrevious && previous === null) previous = current;
      else {
        if (next !== current) current.close();
        if (!how?.keepPrevious && previous !== null && previous !== next) {
          previous.close();
          previous = null;
        }
      }
      current = next;
      opts.onWorkspaceChanged?.(current);
    },
    previous: () => previous,
    back: () => {
      if (previous === null) return false;
      const back = previous;
      previous = null;
      if (back !== current) current.close();
      current = back;
      opts.onWorkspaceChanged?.(current);
      return true;
    },
  };
  const api: AppApi = {
    ...workspaceHandlers(ctx),
    ...datasetHandlers(ctx),
    ...scenarioHandlers(ctx),
    ...scenarioAdminHandlers(ctx),
    ...rulesHandlers(ctx),
    ...reportHandlers(ctx),
    ...importHandlers(ctx),
    ...exportHandlers(ctx),
    ...uploadHandlers(ctx),
    ...callHandlers(calls),
  };
  const close = (): void => {
    previous?.close();
    current.close();
    uploads.close();
  };
  return { api, workspace: () => current, close, calls };
}
