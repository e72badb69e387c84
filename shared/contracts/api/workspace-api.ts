import { z } from 'zod';
import type { Result } from '../result';
import type { ImportIssue } from '../../domain/import/types';
import { emptyArg, exactlyOneOf, pathArg, uploadIdArg, workspaceNameArg, type ArgSchemas, type Empty, type FileSource, type WorkspaceTarget } from './common';
import type { WorkspaceErrorCode, WorkspaceInfo } from './types';

/** A workspace file in the browser-mode server's data folder. */
export type SavedWorkspace = { name: string; bytes: number; modifiedAt: string };

/**
 * App and workspace file calls. A workspace file is named by path (desktop, CLI) or by name in the
 * server's data folder (browser mode, which never takes a path; see ../server-paths.ts).
 */
export type WorkspaceApi = {
  'app.info': (a: Empty) => Promise<{ version: string; mode: 'desktop' | 'browser' | 'direct' }>;
  'workspace.info': (a: Empty) => Promise<WorkspaceInfo>;
  /** Workspaces in the data folder (empty without one). */
  'workspace.list': (a: Empty) => Promise<SavedWorkspace[]>;
  /** Opens a workspace file; readOnly opens a damaged one too, with its damaged parts left out and listed. */
  'workspace.open': (a: WorkspaceTarget & { readOnly?: boolean }) => Promise<Result<WorkspaceInfo, WorkspaceErrorCode>>;
  /**
   * Creates a workspace file: the demo (demo true; geography counties by default, or zips, mixed) or a built-in
   * geography with no accounts, reps or scenarios to import one's own data into (demo false; counties or zips).
   * demo false without a geography makes a workspace with no units at all.
   */
  'workspace.create': (a: WorkspaceTarget & { demo: boolean; geography?: NewWorkspaceGeography }) => Promise<Result<WorkspaceInfo, WorkspaceErrorCode | 'cancelled'>>;
  /**
   * Creates a workspace whose units are the polygons of a boundary file (an ESRI shapefile .zip, reprojected to
   * lon/lat when its .prj says so, or GeoJSON), adjacent where they share a border, and opens it. idField names the
   * attribute that identifies each polygon. Features with bad geometry are left out and listed with the reason.
   */
  'workspace.createFromBoundaries': (a: { target: WorkspaceTarget; source: FileSource; idField?: string }) => Promise<Result<WorkspaceInfo & { boundaries: BoundaryWorkspaceReport }, WorkspaceErrorCode | 'invalid' | 'empty' | 'cancelled'>>;
  'workspace.saveAs': (a: WorkspaceTarget) => Promise<Result<WorkspaceInfo, WorkspaceErrorCode>>;
  /** Closes a client share file opened with share.open and reopens the workspace that was open before it (its unsaved state intact). */
  'workspace.back': (a: Empty) => Promise<Result<WorkspaceInfo, 'not-found'>>;
};

/** What a workspace made from a boundary file holds, and the features it left out (line = feature position). */
export type BoundaryWorkspaceReport = { units: number; edges: number; measures: string[]; issues: ImportIssue[] };

/** Geographies a new workspace comes in (the demo in all three; an empty workspace in counties or zips). */
export const NEW_WORKSPACE_GEOGRAPHIES = ['counties', 'zips', 'mixed'] as const;
/** One of NEW_WORKSPACE_GEOGRAPHIES. */
export type NewWorkspaceGeography = (typeof NEW_WORKSPACE_GEOGRAPHIES)[number];

const one = 'give exactly one of path or name';
/** Schema of a WorkspaceTarget (plus extra fields). */
export const workspaceTarget = <E extends z.ZodRawShape = Record<never, never>>(extra: E = {} as E) =>
  exactlyOneOf(z.object({ path: pathArg.optional(), name: workspaceNameArg.optional(), ...extra }).strict(), 'path', 'name', one);

/** Argument validators of WorkspaceApi. */
export const workspaceSchemas = {
  'app.info': emptyArg,
  'workspace.info': emptyArg,
  'workspace.list': emptyArg,
  'workspace.open': workspaceTarget({ readOnly: z.boolean().optional() }),
  'workspace.create': workspaceTarget({ demo: z.boolean(), geography: z.enum(NEW_WORKSPACE_GEOGRAPHIES).optional() }),
  'workspace.createFromBoundaries': z.object({
    target: workspaceTarget(),
    source: exactlyOneOf(z.object({ path: pathArg.optional(), upload: uploadIdArg.optional() }).strict(), 'path', 'upload', 'give exactly one of path or upload'),
    idField: z.string().trim().min(1).max(100).optional(),
  }).strict(),
  'workspace.saveAs': workspaceTarget(),
  'workspace.back': emptyArg,
} as const satisfies ArgSchemas<WorkspaceApi>;
