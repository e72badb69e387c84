import { z } from 'zod';
import type { ImportIssue, ImportKind, ImportPreview, ImportSummary, ColumnMapping, ReadOptions } from '../../domain/import/types';
import type { Result } from '../result';
import { MAX_WORKBOOK_BYTES } from '../../domain/import/workbook-detect';
import { base64Arg, emptyArg, exactlyOneOf, pathArg, uploadIdArg, type Empty, type ArgSchemas, type FileSource } from './common';

export type { ImportKind, ImportPreview, ImportSummary, ColumnMapping, ReadOptions, ImportIssue } from '../../domain/import/types';

/** Largest chunk of file bytes one 'import.chunk' call carries (before base64). */
export const IMPORT_CHUNK_BYTES = 1 << 20;

/** A mapping saved in the workspace. */
export type ImportPreset = { name: string; kind: ImportKind; mapping: ColumnMapping; createdAt: string };

/** Where a running import is; bytes of totalBytes read so far. */
export type ImportStatus = { sessionId: string; state: 'running' | 'done' | 'failed' | 'cancelled'; bytes: number; totalBytes: number | null; rows: number };

/** Why an import failed (see ImportSummary for row-level problems, which never fail an import). */
export type ImportErrorCode =
  | 'empty' | 'binary' | 'too-many-columns' | 'bad-mapping' | 'read-only' | 'cancelled' | 'unreadable' | 'not-found' | 'busy' | 'out-of-order'
  | 'unsupported-workbook' | 'too-large' | 'unknown-sheet' | 'unreadable-workbook'
  /** The file cannot be read whole (an unclosed quote, a row past the limits): nothing was imported. */
  | 'malformed'
  /** The workspace changed under the import so that it cannot be applied: nothing was imported. */
  | 'conflict'
  /** The session was idle too long and was dropped: nothing was imported. */
  | 'expired';

/**
 * User corrections of what the preview detected; preset names a built-in (salesforce, hubspot, plain) or saved mapping;
 * sheet picks a workbook's sheet by name or 1-based number.
 */
export type PreviewCorrections = { encoding?: ReadOptions['encoding']; delimiter?: ReadOptions['delimiter']; headerRow?: number; mapping?: ColumnMapping; preset?: string; sheet?: string };

/**
 * CRM imports. The wizard (a) previews the first ~64 KB (sent as base64, or read by path on the desktop;
 * a workbook is sent whole, up to MAX_WORKBOOK_BYTES, since its ZIP directory is at the end),
 * then (b) begins a session: with a path the main process reads the file itself; without one the
 * renderer streams the file in 'import.chunk' calls (base64, at most IMPORT_CHUNK_BYTES each, in
 * order; each call returns when its chunk is processed, which bounds memory), then 'import.finish'.
 */
/** What a boundary import did (import.boundaries; `tessera import boundaries`). */
export type BoundaryReport = {
  source: string;
  idField: string;
  /** Units whose polygon was replaced. */
  matched: number;
  /** Ids in the file that are no unit of the workspace (left out). */
  unmatched: string[];
  /** Units of the workspace that still have an approximate area (null when its areas were not approximate). */
  approximateLeft: number | null;
  edgesBefore: number;
  edgesAfter: number;
  /** Adjacencies between two replaced units, now from their real shared boundaries. */
  edgesBetweenReplaced: number;
  /** Features left out, each named with its problem (bad geometry, no id, duplicate id). */
  issues: ImportIssue[];
};

/** Why a boundary import was refused (nothing is written then). */
export type BoundaryError = 'invalid' | 'read-only' | 'no-geometry' | 'no-match' | 'not-found' | 'cancelled';

export type ImportApi = {
  'import.preview': (a: { kind: ImportKind; fileName: string; head: string; truncated: boolean } & PreviewCorrections) => Promise<Result<ImportPreview, ImportErrorCode>>;
  'import.previewPath': (a: { kind: ImportKind; path: string } & PreviewCorrections) => Promise<Result<ImportPreview, ImportErrorCode>>;
  'import.begin': (a: { kind: ImportKind; read: ReadOptions; mapping: ColumnMapping; path?: string; totalBytes?: number; generateIds?: boolean }) => Promise<Result<ImportStatus, ImportErrorCode>>;
  'import.chunk': (a: { sessionId: string; seq: number; data: string }) => Promise<Result<ImportStatus, ImportErrorCode>>;
  'import.finish': (a: { sessionId: string }) => Promise<Result<ImportSummary, ImportErrorCode>>;
  'import.status': (a: { sessionId: string }) => Promise<Result<ImportStatus, ImportErrorCode>>;
  'import.cancel': (a: { sessionId: string }) => Promise<Result<ImportStatus, ImportErrorCode>>;
  'import.presets': (a: Empty) => Promise<ImportPreset[]>;
  'import.savePreset': (a: { name: string; kind: ImportKind; mapping: ColumnMapping }) => Promise<Result<ImportPreset, 'read-only'>>;
  /**
   * Replaces the polygons of the open workspace's units whose ids match a boundary file's features (a
   * shapefile zip or a GeoJSON FeatureCollection, e.g. Census ZCTAs over approximate ZIP areas); scenarios
   * are untouched. The client reloads the dataset's geometry afterwards.
   */
  'import.boundaries': (a: FileSource & { idField?: string }) => Promise<Result<BoundaryReport, BoundaryError>>;
};

const kind = z.enum(['accounts', 'reps', 'leads']);
const encoding = z.enum(['utf-8', 'utf-16le', 'utf-16be', 'windows-1252']);
const delimiter = z.enum([',', ';', '\t', '|']);
const mapping = z.record(z.string().min(1).max(64), z.string().max(1000));
const sheet = z.string().min(1).max(200);
const corrections = { encoding: encoding.optional(), delimiter: delimiter.optional(), headerRow: z.number().int().min(0).max(1000).optional(), mapping: mapping.optional(), preset: z.string().min(1).max(100).optional(), sheet: sheet.optional() };
const sessionId = z.string().min(1).max(64);

/** Argument validators of ImportApi. */
export const importSchemas = {
  'import.preview': z.object({ kind, fileName: z.string().max(1000), head: base64Arg(MAX_WORKBOOK_BYTES), truncated: z.boolean(), ...corrections }).strict(),
  'import.previewPath': z.object({ kind, path: pathArg, ...corrections }).strict(),
  'import.begin': z
    .object({ kind, read: z.object({ encoding, delimiter, headerRow: z.number().int().min(0).max(1000), sheet: sheet.optional() }).strict(), mapping, path: pathArg.optional(), totalBytes: z.number().int().nonnegative().optional(), generateIds: z.boolean().optional() })
    .strict(),
  'import.chunk': z.object({ sessionId, seq: z.number().int().nonnegative(), data: base64Arg(IMPORT_CHUNK_BYTES) }).strict(),
  'import.finish': z.object({ sessionId }).strict(),
  'import.status': z.object({ sessionId }).strict(),
  'import.cancel': z.object({ sessionId }).strict(),
  'import.presets': emptyArg,
  'import.savePreset': z.object({ name: z.string().trim().min(1).max(100), kind, mapping }).strict(),
  'import.boundaries': exactlyOneOf(
    z.object({ path: pathArg.optional(), upload: uploadIdArg.optional(), idField: z.string().trim().min(1).max(100).optional() }).strict(),
    'path',
    'upload',
    'give exactly one of path or upload',
  ),
} as const satisfies ArgSchemas<ImportApi>;
