import type { WorkspaceApi, WorkspaceErrorCode, WorkspaceInfo } from '../../shared/contracts/app-api';
import { err, ok, type Result } from '../../shared/contracts/result';
import { WorkspaceFileError } from '../db/connection';
import type { ServiceContext } from './context';
import { Workspace } from './workspace';

/** Version of the app reported by app.info. */
export const APP_VERSION = '0.1.0';

function fileError(e: unknown): Result<never, WorkspaceErrorCode> {
  if (e instanceof WorkspaceFileError) return err(e.code, e.message);
  return err('io', (e as Error).message);
}

/** Handlers of app.* and workspace.*. */
export function workspaceHandlers(ctx: ServiceContext): WorkspaceApi {
  const swap = async (make: () => Workspace): Promise<Result<WorkspaceInfo, WorkspaceErrorCode>> => {
    try {
      ctx.replace(make());
      return ok(ctx.ws().info());
    } catch (e) {
      return fileError(e);
    }
  };
  return {
    'app.info': async () => ({ version: APP_VERSION, mode: ctx.mode }),
    'workspace.info': async () => ctx.ws().info(),
    'workspace.open': ({ path, readOnly }) => swap(() => Workspace.open(path, readOnly ? { ...ctx.openOptions, readOnly: true } : ctx.openOptions)),
    'workspace.create': ({ path, demo }) => swap(() => Workspace.create(path, demo, ctx.openOptions)),
    'workspace.saveAs': ({ path }) => swap(() => ctx.ws().saveAs(path, ctx.openOptions)),
  };
}
