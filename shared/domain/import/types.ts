import type { Placement } from '../dataset/types';

/** What a CSV import creates or updates in the workspace. */
export type ImportKind = 'accounts' | 'reps' | 'leads';

/** How a cell is read: text as is, numbers leniently, codes with their leading zeros kept. */
export type FieldType = 'id' | 'text' | 'number' | 'zip' | 'lat' | 'lon' | 'list' | 'address-json';

/** A target field an input column can be mapped to. */
export type FieldDef = { key: string; label: string; type: FieldType; required?: boolean };

/** Field key -> column header (exact text of the header cell); a field may stay unmapped. */
export type ColumnMapping = Record<string, string>;

/** Text encodings the importer reads. */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** Delimiters the importer detects. */
export type Delimiter = ',' | ';' | '\t' | '|';

/** How a file is to be read: what the preview detected, possibly corrected by the user. */
export type ReadOptions = {
  encoding: TextEncoding;
  delimiter: Delimiter;
  /** 0-based index of the header row among the parsed rows (rows above it are skipped, e.g. report titles). */
  headerRow: number;
  /** Workbooks only: the sheet read (encoding and delimiter do not apply to them). */
  sheet?: string;
};

/** Why a row was rejected or repaired. */
export type IssueCode =
  | 'bad-number'
  | 'ambiguous-number'
  | 'encoding'
  | 'missing-id'
  | 'duplicate-id'
  | 'coordinates-out-of-range'
  | 'unknown-rep'
  | 'bad-value'
  | 'too-many-fields'
  | 'zip-repaired'
  | 'unplaced'
  | 'outside-geography'
  | 'office-placement';

/** One problem in one row: rejected rows are not imported; repaired ones are, with the named field fixed. */
export type ImportIssue = {
  /** 1-based physical line of the file where the row starts (in a workbook: the sheet's row number). */
  line: number;
  /** Header of the column, or null for row-level problems. */
  column: string | null;
  code: IssueCode;
  action: 'rejected' | 'repaired' | 'kept';
  reason: string;
  /** The record as the file names it (its name, else its id), so a person can find the row; absent when it has neither. */
  record?: string;
};

/** Counts and details of a finished (or cancelled) import. */
export type ImportSummary = {
  kind: ImportKind;
  /** Data rows read (empty lines not counted). */
  rows: number;
  imported: number;
  added: number;
  updated: number;
  unchanged: number;
  rejected: number;
  repaired: number;
  /** Records whose field changed, by field (re-imports). */
  fieldChanges: Record<string, number>;
  /** Accounts and leads by how they were placed. */
  placement: Record<Placement, number>;
  /** Records that could not be placed or have no unit: kept, listed here (capped like issues). */
  unplaced: { line: number; id: string; name: string; reason: string }[];
  issues: ImportIssue[];
  /** Issues beyond the cap are counted, not listed, so a broken 1M-row file stays small in memory. */
  issuesOmitted: number;
  cancelled: boolean;
  seconds: number;
};

/** What the wizard shows after reading the start of a file. */
export type ImportPreview = {
  read: ReadOptions;
  hadBom: boolean;
  columns: string[];
  /** First data rows (cells as text) below the header. */
  sample: string[][];
  fields: FieldDef[];
  mapping: ColumnMapping;
  /** Which built-in preset the headers look like. */
  detectedPreset: 'salesforce' | 'hubspot' | 'plain';
  /** Columns no field is mapped to (shown so the user can map them). */
  unmapped: string[];
  /** Workbooks only: the names of its sheets, in order (read.sheet is the one previewed). */
  sheets?: string[];
  /** Workbooks only: the sheet row number of the header row (read.headerRow counts non-empty rows). */
  headerLine?: number;
};
