import { z } from 'zod';
import { XLSX_NUMBER_FORMATS, type ExportTable, type NumberFormat } from '../../domain/export/table';
import type { Result } from '../result';
import { emptyArg, pathArg, selectorArg, type Empty, type ScenarioSelector, type ArgSchemas } from './common';

export type { ExportTable, NumberFormat, TableCell, TableColumn } from '../../domain/export/table';

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

/** Exports of a scenario (see electron/services/export/formats.ts for the registry), and of tables the UI shows. */
export type ExportApi = {
  'export.formats': (a: Empty) => Promise<ExportFormatInfo[]>;
  'export.run': (a: ScenarioSelector & { format: string; path?: string; overwrite?: boolean }) => Promise<Result<ExportResult, string>>;
  /** Tables as an .xlsx workbook (one sheet each, at most MAX_EXPORT_CELLS cells), returned as base64 content for a download. */
  'export.xlsx': (a: { fileName: string; tables: ExportTable[] }) => Promise<Result<ExportResult, 'too-large'>>;
};

const format = z.enum(Object.keys(XLSX_NUMBER_FORMATS) as [NumberFormat, ...NumberFormat[]]);
const cell = z.union([z.string().max(32767), z.number(), z.null(), z.object({ value: z.number(), format }).strict()]);
const table = z
  .object({ name: z.string().max(200), columns: z.array(z.object({ header: z.string().max(1000), format: format.optional() }).strict()).min(1).max(16384), rows: z.array(z.array(cell)).max(1_048_575) })
  .strict();

/** Argument validators of ExportApi. */
export const exportSchemas = {
  'export.formats': emptyArg,
  'export.run': selectorArg.extend({ format: z.string().min(1).max(64), path: pathArg.optional(), overwrite: z.boolean().optional() }).strict(),
  'export.xlsx': z.object({ fileName: z.string().min(1).max(200), tables: z.array(table).min(1).max(20) }).strict(),
} as const satisfies ArgSchemas<ExportApi>;
