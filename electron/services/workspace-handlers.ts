import type { WorkspaceApi, WorkspaceErrorCode, WorkspaceInfo, WorkspaceTarget } from '../../shared/contracts/app-api';
import { err, ok, type Result } from '../../shared/contracts/result';
import { WorkspaceFileError } from '../db/connection';
import type { ServiceContext } from './context';
import { checkNewWorkspace, newWorkspaceFill, type NewWorkspaceKind } from './geography/new-workspace';
import { isCallCancelled } from './long-call';
import { demoFill, Workspace } from './workspace';
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { importBoundaryFile } from './import/geography-import';
import { listSavedWorkspaces, sourcePath, targetPath } from './workspace-files';

/** Version of the app reported by app.info. */
export const APP_VERSION = '0.1.0';

function fileError(e: unknown): Result<never, WorkspaceErrorCode> {
  if (e instanceof WorkspaceFileError) return err(e.code, e.message);
  return err('io', (e as Error).message);
}

/** The workspace's info, naming the workspace 'workspace.back' returns to (if one is set aside). */
export function withReturn(ctx: ServiceContext): WorkspaceInfo {
  const prev = ctx.previous();
  return prev ? { ...ctx.ws().info(), returnTo: prev.name } : ctx.ws().info();
}

/** Handlers of app.* and workspace.*. */
export function workspaceHandlers(ctx: ServiceContext): WorkspaceApi {
  const swap = async (target: WorkspaceTarget, make: (path: string) => Workspace | Promise<Workspace>): Promise<Result<WorkspaceInfo, WorkspaceErrorCode>> => {
    const path = targetPath(ctx, target);
    if (!path.ok) return path;
    try {
      ctx.replace(await make(path.value));
      return ok(ctx.ws().info());
    } catch (e) {
      if (isCallCancelled(e)) throw e;
      return fileError(e);
    }
  };
  return {
    'app.info': async () => ({ version: APP_VERSION, mode: ctx.mode }),
    'workspace.info': async () => withReturn(ctx),
    'workspace.back': async () => {
      if (!ctx.back()) return err('not-found', 'There is no workspace to go back to: it returns only from a client share file opened over one.');
      return ok(ctx.ws().info());
    },
    'workspace.list': async () => listSavedWorkspaces(ctx),
    'workspace.open': ({ readOnly, ...t }) => swap(t as WorkspaceTarget, (path) => Workspace.open(path, readOnly ? { ...ctx.openOptions, readOnly: true } : ctx.openOptions)),
    'workspace.create': async ({ demo, geography, ...t }) => {
      if (geography === undefined) return swap(t as WorkspaceTarget, (path) => Workspace.createWithProgress(path, demoFill(demo), ctx.openOptions));
      const bad = checkNewWorkspace(demo, geography);
      if (bad) return err('invalid', bad);
      return swap(t as WorkspaceTarget, (path) => Workspace.createWithProgress(path, newWorkspaceFill({ demo, geography } as NewWorkspaceKind), ctx.openOptions));
    },
    'workspace.createFromBoundaries': async ({ target, source, idField }) => {
      const dest = targetPath(ctx, target);
      if (!dest.ok) return dest;
      if (existsSync(dest.value)) return err('exists', `${basename(dest.value)} already exists; pick another name.`);
      const file = sourcePath(ctx, source);
      if (!file.ok) return err('not-found', file.error.message);
      if (!existsSync(file.value.path)) return err('not-found', `No file at ${file.value.path}.`);
      const label = (file.value.label ?? basename(file.value.path)).replace(/\.(zip|geojson|json)$/i, '');
      const made = await importBoundaryFile(dest.value, readFileSync(file.value.path), label, idField);
      if (!made.ok) return made;
      const opened = await swap(target, (path) => Workspace.open(path, ctx.openOptions));
      if (!opened.ok) return opened;
      const { units, edges, measures, issues } = made.value;
      return ok({ ...opened.value, boundaries: { units, edges, measures, issues } });
    },
    'workspace.saveAs': (t) => swap(t, (path) => ctx.ws().saveAs(path, ctx.openOptions)),
  };
}
