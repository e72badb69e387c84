import { z } from 'zod';
import type { Result } from '../result';
import { emptyArg, pathArg, type Empty } from './common';
import type { WorkspaceErrorCode, WorkspaceInfo } from './types';

/** App and workspace file calls. */
export type WorkspaceApi = {
  'app.info': (a: Empty) => Promise<{ version: string; mode: 'desktop' | 'browser' | 'direct' }>;
  'workspace.info': (a: Empty) => Promise<WorkspaceInfo>;
  /** Opens a workspace file; readOnly opens a damaged one too, with its damaged parts left out and listed. */
  'workspace.open': (a: { path: string; readOnly?: boolean }) => Promise<Result<WorkspaceInfo, WorkspaceErrorCode>>;
  'workspace.create': (a: { path: string; demo: boolean }) => Promise<Result<WorkspaceInfo, WorkspaceErrorCode>>;
  'workspace.saveAs': (a: { path: string }) => Promise<Result<WorkspaceInfo, WorkspaceErrorCode>>;
};

/** Argument validators of WorkspaceApi. */
export const workspaceSchemas = {
  'app.info': emptyArg,
  'workspace.info': emptyArg,
  'workspace.open': z.object({ path: pathArg, readOnly: z.boolean().optional() }).strict(),
  'workspace.create': z.object({ path: pathArg, demo: z.boolean() }).strict(),
  'workspace.saveAs': z.object({ path: pathArg }).strict(),
} as const satisfies Record<keyof WorkspaceApi, z.ZodType>;
