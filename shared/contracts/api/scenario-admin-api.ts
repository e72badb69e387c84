import { z } from 'zod';
import type { Comparison } from '../../domain/scenario/compare';
import type { KpiDeltaRow } from '../../domain/scenario/kpi-table';
import type { DistanceUnit } from '../../domain/kpi/travel';
import type { Labels } from '../../domain/labels';
import type { Result } from '../result';
import { exactlyOne, pathArg, selectorArg, uploadIdArg, type FileSource, type ScenarioSelector, type WorkspaceTarget } from './common';
import { workspaceTarget } from './workspace-api';
import type { ScenarioSummary, ShareSignature, VersionRef, WorkspaceErrorCode, WorkspaceInfo } from './types';

/** One version in a scenario's history (without its payload). */
export type VersionMeta = VersionRef & { parentVersion: number | null; createdAt: string; author: string; note: string };

/** A comparison as the compare view and `tessera compare --json` get it. */
export type CompareResult = Comparison & { refs: (VersionRef & { scenarioName: string })[]; rows: KpiDeltaRow[]; /** Distance unit of the baseline's dashboard settings. */ distanceUnit: DistanceUnit; /** Names for the ids listed (moved units and accounts, reps, territories per scenario). */ labels: Labels };

/** Why an outside file was refused. */
export type ShareErrorCode = 'not-found' | 'not-tessera' | 'corrupt' | 'newer-schema' | 'too-large' | 'unsafe' | 'inconsistent';

/** What a validated share (or workspace) file holds. */
export type ShareFileInfo = {
  /** The file's path, or an uploaded file's name. */
  path: string;
  bytes: number;
  isShareFile: boolean;
  schemaVersion: number;
  createdAt: string | null;
  createdBy: string | null;
  appVersion: string | null;
  datasetName: string;
  fingerprint: string;
  counts: { units: number; accounts: number; reps: number };
  scenarios: { name: string; description: string; versions: number }[];
  signature: ShareSignature;
  /**
   * 'verified': every table matches the content digest recorded when the file was written;
   * 'scenarios-only': a format-1 share file, whose checksum covers its scenarios only;
   * 'unverified': a workspace without a recorded digest (not closed cleanly, or from an older Tessera).
   */
  integrity: 'verified' | 'scenarios-only' | 'unverified';
};

/** Result of writing a share file. */
export type ShareExportReport = {
  path: string;
  bytes: number;
  scenarios: string[];
  versions: number;
  fingerprint: string;
  /** The key that signed the file (its name and fingerprint), or null when it is unsigned. */
  signedBy: { name: string; fingerprint: string } | null;
  seconds: number;
};

/** Result of importing a share file's scenarios. */
export type ShareImportReport = { imported: { from: string; as: string; id: number; versions: number }[] };

/** Scenario list administration, history, comparison and share files. */
export type ScenarioAdminApi = {
  'scenario.update': (a: { scenarioId: number; name?: string; description?: string }) => Promise<Result<ScenarioSummary, 'not-found' | 'exists' | 'read-only'>>;
  'scenario.archive': (a: { scenarioId: number; archived: boolean }) => Promise<Result<ScenarioSummary, 'not-found' | 'read-only'>>;
  /** Deletes a scenario and all its versions; confirmName must repeat its name (the confirmation). */
  'scenario.delete': (a: { scenarioId: number; confirmName: string }) => Promise<Result<{ deleted: number }, 'not-found' | 'unconfirmed' | 'read-only'>>;
  'scenario.history': (a: { scenario: number | string }) => Promise<Result<VersionMeta[], 'not-found'>>;
  /** Appends a new version whose payload equals an old one (history is never rewritten). */
  'scenario.restore': (a: { scenarioId: number; version: number; baseVersion: number }) => Promise<Result<VersionRef, 'not-found' | 'stale-base' | 'read-only'>>;
  'compare.scenarios': (a: { scenarios: ScenarioSelector[]; baseline?: number; band?: number }) => Promise<Result<CompareResult, 'not-found' | 'invalid'>>;
  'share.export': (a: { scenarios: ScenarioSelector[]; path: string; headOnly?: boolean; overwrite?: boolean }) => Promise<Result<ShareExportReport, 'not-found' | 'exists' | 'io'>>;
  'share.inspect': (a: FileSource) => Promise<Result<ShareFileInfo, ShareErrorCode>>;
  /** Validates a file and opens it read-only as the current workspace (the client view). */
  'share.open': (a: FileSource) => Promise<Result<WorkspaceInfo, ShareErrorCode | WorkspaceErrorCode>>;
  /** Saves the open (read-only) workspace as a new, editable workspace file without the share markers. */
  'share.saveCopy': (a: WorkspaceTarget) => Promise<Result<WorkspaceInfo, WorkspaceErrorCode>>;
  'share.import': (a: FileSource & { scenarios?: string[] }) => Promise<Result<ShareImportReport, ShareErrorCode | 'dataset-mismatch' | 'read-only'>>;
};

const id = z.number().int().positive();
const name = z.string().trim().min(1).max(200);
const fileSource = (extra: z.ZodRawShape = {}) =>
  z.object({ path: pathArg.optional(), upload: uploadIdArg.optional(), ...extra }).strict().refine(exactlyOne('path', 'upload'), 'give exactly one of path or upload');

/** Argument validators of ScenarioAdminApi. */
export const scenarioAdminSchemas = {
  'scenario.update': z.object({ scenarioId: id, name: name.optional(), description: z.string().max(2000).optional() }).strict(),
  'scenario.archive': z.object({ scenarioId: id, archived: z.boolean() }).strict(),
  'scenario.delete': z.object({ scenarioId: id, confirmName: z.string().max(200) }).strict(),
  'scenario.history': z.object({ scenario: z.union([id, name]) }).strict(),
  'scenario.restore': z.object({ scenarioId: id, version: id, baseVersion: z.number().int().nonnegative() }).strict(),
  'compare.scenarios': z
    .object({ scenarios: z.array(selectorArg).min(2).max(8), baseline: z.number().int().nonnegative().optional(), band: z.number().min(0).max(1).optional() })
    .strict(),
  'share.export': z.object({ scenarios: z.array(selectorArg).min(1).max(1000), path: pathArg, headOnly: z.boolean().optional(), overwrite: z.boolean().optional() }).strict(),
  'share.inspect': fileSource(),
  'share.open': fileSource(),
  'share.saveCopy': workspaceTarget(),
  'share.import': fileSource({ scenarios: z.array(name).max(1000).optional() }),
} as const satisfies Record<keyof ScenarioAdminApi, z.ZodType>;
