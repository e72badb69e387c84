import { z } from 'zod';
import type { Result } from '../result';
import { emptyArg, pathArg, selectorArg, type Empty, type ScenarioSelector } from './common';

/** What the export menu lists. */
export type ExportFormatInfo = { name: string; label: string; extension: string; mimeType: string };

/**
 * A finished export: written to path (desktop, CLI), or returned in content for the page to download
 * (text as is; binary formats such as the scenario file as base64, with encoding 'base64').
 */
export type ExportResult = {
  fileName: string;
  mimeType: string;
  bytes: number;
  summary: string;
  path: string | null;
  content: string | null;
  encoding: 'utf8' | 'base64' | null;
};

/** Exports of a scenario (see electron/services/export/formats.ts for the registry). */
export type ExportApi = {
  'export.formats': (a: Empty) => Promise<ExportFormatInfo[]>;
  'export.run': (a: ScenarioSelector & { format: string; path?: string; overwrite?: boolean }) => Promise<Result<ExportResult, string>>;
};

/** Argument validators of ExportApi. */
export const exportSchemas = {
  'export.formats': emptyArg,
  'export.run': selectorArg.extend({ format: z.string().min(1).max(64), path: pathArg.optional(), overwrite: z.boolean().optional() }).strict(),
} as const satisfies Record<keyof ExportApi, z.ZodType>;
