import { IMPORT_CHUNK_BYTES, type ImportKind, type ReadOptions } from '../../../shared/contracts/api/import-api';
import { fileMagic, MAX_WORKBOOK_BYTES } from '../../../shared/domain/import/workbook-detect';
import { api } from '../../api/client';
import { base64Of } from '../../api/upload';
import { loadWorkspace } from '../../state/dataset-actions';
import { initialImportState, useImportStore } from './import-store';

const PREVIEW_BYTES = 64 * 1024;
let file: File | null = null;
let sessionId: string | null = null;
let cancelRequested = false;

const set = useImportStore.setState;

/** Opens the wizard at its first step. */
export function openImportWizard(): void {
  file = null;
  set({ ...initialImportState, open: true });
  void api['import.presets']({}).then((p) => set({ savedPresets: p.map((x) => x.name) }));
}

/** Closes the wizard (a running import must be cancelled first). */
export function closeImportWizard(): void {
  if (useImportStore.getState().step === 'running') return;
  set({ open: false });
}

/** What the user corrected in the preview. */
type Corrections = { delimiter?: ReadOptions['delimiter']; headerRow?: number; preset?: string; sheet?: string };

/**
 * Reads the start of the chosen file and asks the main process for the preview. A workbook (ZIP/OLE
 * magic bytes) goes whole: its directory is at its end. One over the size limit goes as a head only, and is refused.
 */
export async function chooseFile(f: File, kind: ImportKind, corrections: Corrections = {}): Promise<void> {
  file = f;
  set({ busy: true, error: null, fileName: f.name, kind });
  try {
    const workbook = fileMagic(new Uint8Array(await f.slice(0, 8).arrayBuffer())) !== 'text' && f.size <= MAX_WORKBOOK_BYTES;
    const head = await base64Of(workbook ? f : f.slice(0, PREVIEW_BYTES));
    const res = await api['import.preview']({ kind, fileName: f.name, head, truncated: !workbook && f.size > PREVIEW_BYTES, ...corrections });
    if (!res.ok) return set({ busy: false, error: res.error.message, preview: null, step: 'pick' });
    set({ busy: false, preview: res.value, mapping: res.value.mapping, generateIds: false, step: 'preview' });
  } catch (e) {
    set({ busy: false, error: (e as Error).message });
  }
}

/** Re-reads the preview with a corrected delimiter or header row, or another sheet of a workbook (its header detected again). */
export function correctReading(c: { delimiter?: ReadOptions['delimiter']; headerRow?: number; sheet?: string }): Promise<void> {
  const s = useImportStore.getState();
  const read = s.preview?.read;
  if (!file) return Promise.resolve();
  if (c.sheet !== undefined) return chooseFile(file, s.kind, { sheet: c.sheet });
  return chooseFile(file, s.kind, { delimiter: c.delimiter ?? read?.delimiter, headerRow: c.headerRow ?? read?.headerRow, sheet: read?.sheet });
}

/** Replaces the mapping by a built-in or saved preset ('auto' = detect again). */
export function applyMappingPreset(preset: string): Promise<void> {
  const s = useImportStore.getState();
  if (!file || !s.preview) return Promise.resolve();
  const { delimiter, headerRow, sheet } = s.preview.read;
  return chooseFile(file, s.kind, { delimiter, headerRow, sheet, ...(preset === 'auto' ? {} : { preset }) });
}

/** Maps a column to a field ('' = ignore the column); a field keeps one column. */
export function mapColumn(column: string, field: string): void {
  const mapping = Object.fromEntries(Object.entries(useImportStore.getState().mapping).filter(([f, c]) => c !== column && f !== field));
  if (field) mapping[field] = column;
  set({ mapping });
}

/** Saves the current mapping as a named preset in the workspace. */
export async function saveMappingPreset(name: string): Promise<void> {
  const s = useImportStore.getState();
  const res = await api['import.savePreset']({ name, kind: s.kind, mapping: s.mapping });
  set({ presetNote: res.ok ? `Saved preset "${name}".` : res.error.message });
  if (res.ok && !s.savedPresets.includes(name)) set({ savedPresets: [...s.savedPresets, name] });
}

/** Whether ids are generated from name and address (the file has no id column). */
export function setGenerateIds(on: boolean): void {
  set({ generateIds: on });
}

/** Streams the file to the main process in ordered chunks, with progress and cancellation. */
export async function startImport(): Promise<void> {
  const s = useImportStore.getState();
  if (!file || !s.preview) return;
  cancelRequested = false;
  set({ step: 'running', error: null, progress: { bytes: 0, total: file.size, rows: 0 } });
  const { id: _id, ...withoutId } = s.mapping;
  const mapping = s.generateIds ? withoutId : s.mapping;
  const begin = await api['import.begin']({ kind: s.kind, read: s.preview.read, mapping, totalBytes: file.size, generateIds: s.generateIds });
  if (!begin.ok) return set({ step: 'preview', error: begin.error.message });
  sessionId = begin.value.sessionId;
  try {
    for (let offset = 0, seq = 0; offset < file.size; offset += IMPORT_CHUNK_BYTES, seq++) {
      if (cancelRequested) return;
      const data = await base64Of(file.slice(offset, offset + IMPORT_CHUNK_BYTES));
      const r = await api['import.chunk']({ sessionId, seq, data });
      if (!r.ok) break; // the run ended early (e.g. a bad mapping); finish reports why
      set({ progress: { bytes: r.value.bytes, total: file.size, rows: r.value.rows } });
    }
    if (cancelRequested) return;
    const done = await api['import.finish']({ sessionId });
    sessionId = null;
    if (!done.ok) return set({ step: 'preview', error: done.error.message });
    set({ step: 'summary', summary: done.value });
    await loadWorkspace();
  } catch (e) {
    set({ step: 'preview', error: (e as Error).message });
  }
}

/** Cancels the running import; the workspace is left as it was. */
export async function cancelImport(): Promise<void> {
  cancelRequested = true;
  if (sessionId) await api['import.cancel']({ sessionId });
  sessionId = null;
  set({ step: 'preview', error: 'Import cancelled; nothing was changed.' });
}
