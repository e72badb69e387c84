import { create } from 'zustand';
import type { ColumnMapping, ImportKind, ImportPreview, ImportSummary } from '../../../shared/contracts/app-api';

/** Where the wizard is: choosing a file, checking the mapping, importing, or showing the result. */
export type ImportStep = 'pick' | 'preview' | 'running' | 'summary';

/** State of the import wizard (the File itself stays in the actions module: it is not serialisable state). */
export type ImportState = {
  open: boolean;
  step: ImportStep;
  kind: ImportKind;
  fileName: string;
  preview: ImportPreview | null;
  mapping: ColumnMapping;
  /** The file has no id column: ids are derived from name and address (the same on every re-import). */
  generateIds: boolean;
  progress: { bytes: number; total: number; rows: number };
  summary: ImportSummary | null;
  error: string | null;
  busy: boolean;
  presetNote: string;
  /** Names of the mapping presets saved in the workspace. */
  savedPresets: string[];
};

/** Initial wizard state. */
export const initialImportState: ImportState = {
  open: false,
  step: 'pick',
  kind: 'accounts',
  fileName: '',
  preview: null,
  mapping: {},
  generateIds: false,
  progress: { bytes: 0, total: 0, rows: 0 },
  summary: null,
  error: null,
  busy: false,
  presetNote: '',
  savedPresets: [],
};

/** The import wizard's store; actions live in import-actions.ts. */
export const useImportStore = create<ImportState>(() => initialImportState);
