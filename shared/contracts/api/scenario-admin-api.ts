import { z } from 'zod';
import type { Comparison } from '../../domain/scenario/compare';
import type { KpiDeltaRow } from '../../domain/scenario/kpi-table';
import type { DistanceUnit } from '../../domain/kpi/travel';
import type { Labels } from '../../domain/labels';
import type { Result } from '../result';
import { emptyArg, exactlyOneOf, pathArg, selectorArg, uploadIdArg, type ArgSchemas, type Empty, type FileSource, type ScenarioSelector, type WorkspaceTarget } from './common';
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
  /** False when account names, addresses and owners were left out (accounts placed at their unit; figures kept). */
  accountDetails: boolean;
  fingerprint: string;
  /** The key that signed the file (its name and fingerprint), or null when it is unsigned. */
  signedBy: { name: string; fingerprint: string } | null;
  seconds: number;
};

/** What share.export answers: with a path, the file written there; without, its bytes (base64) for a download. */
export type ShareExportResult = Omit<ShareExportReport, 'path'> & { path: string | null; fileName: string; content: string | null };

/** The own key that signs share files by default (the one `tessera keys default` chose), or null: files go out unsigned. */
export type ShareSigner = { name: string; fingerprint: string } | null;

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
  'compare.scenarios': (a: { scenarios: ScenarioSelector[]; baseline?: number; band?: number }) => Promise<Result<CompareResult, 'not-found' | 'invalid' | 'cancelled'>>;
  /** Writes the chosen scenarios (headOnly: latest version only; accountDetails false: figures without names and addresses) as a share file; without path the file comes back in the reply. */
  'share.export': (a: { scenarios: ScenarioSelector[]; path?: string; headOnly?: boolean; accountDetails?: boolean; overwrite?: boolean }) => Promise<Result<ShareExportResult, 'not-found' | 'exists' | 'io' | 'cancelled'>>;
  'share.signer': (a: Empty) => Promise<ShareSigner>;
  'share.inspect': (a: FileSource) => Promise<Result<ShareFileInfo, ShareErrorCode>>;
  /** Validates a file and opens it read-only as the current workspace (the client view). */
  'share.open': (a: FileSource) => Promise<Result<WorkspaceInfo, ShareErrorCode | WorkspaceErrorCode>>;
  /** Saves the open (read-only) workspace as a new, editable workspace file without the share markers. */
  'share.saveCopy': (a: WorkspaceTarget) => Promise<Result<WorkspaceInfo, WorkspaceErrorCode>>;
  'share.import': (a: FileSource & { scenarios?: string[] }) => Promise<Result<ShareImportReport, ShareErrorCode | 'dataset-mismatch' | 'read-only' | 'cancelled'>>;
};

const id = z.number().int().positive();
const name = z.string().trim().min(1).max(200);
const fileSource = <E extends z.ZodRawShape = Record<never, never>>(extra: E = {} as E) =>
  exactlyOneOf(z.object({ path: pathArg.optional(), upload: uploadIdArg.optional(), ...extra }).strict(), 'path', 'upload', 'give exactly one of path or upload');

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
  'share.export': z.object({ scenarios: z.array(selectorArg).min(1).max(1000), path: pathArg.optional(), headOnly: z.boolean().optional(), accountDetails: z.boolean().optional(), overwrite: z.boolean().optional() }).strict(),
  'share.signer': emptyArg,
  'share.inspect': fileSource(),
  'share.open': fileSource(),
  'share.saveCopy': workspaceTarget(),
  'share.import': fileSource({ scenarios: z.array(name).max(1000).optional() }),
} as const satisfies ArgSchemas<ScenarioAdminApi>;
