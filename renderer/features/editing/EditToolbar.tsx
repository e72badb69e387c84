import { useEffect } from 'react';
import type { Territory } from '../../../shared/domain/territories/types';
import { useScenarioStore } from '../../state/scenario-store';
import { useDatasetStore } from '../../state/dataset-store';
import { undoRedoEdit } from './edit-engine';
import { mergeIntoCounties, splitIntoZipAreas } from './geography-actions';
import { clearSelection, lockSelection, overrideAccount, reassignUnits, setEditMode, setTarget } from './editing-actions';
import { useEditingStore, type EditMode } from './editing-store';
import { discardEdits, rebaseAndSave, saveEdits } from './save-actions';
import './editing.css';
import { useReadOnlyReason } from '../../state/read-only';

const NO_TERRITORIES: readonly Territory[] = [];

const MODES: { mode: EditMode; label: string; title: string }[] = [
  { mode: 'select', label: 'Select', title: 'Click units (shift adds, ctrl toggles); drag a selected unit onto a territory to move the selection' },
  { mode: 'lasso', label: 'Lasso', title: 'Draw around units to select them (shift adds)' },
  { mode: 'rect', label: 'Rectangle', title: 'Drag a rectangle to select units (shift adds)' },
  { mode: 'paint', label: 'Paint', title: 'Click or drag over units to move them into the target territory' },
];

function isTyping(e: KeyboardEvent): boolean {
  const t = e.target as HTMLElement | null;
  return !!t && (t.tagName === 'INPUT' || t.tagName === 'SELECT' || t.tagName === 'TEXTAREA' || t.isContentEditable);
}

/** Map tools, target territory, reassign/lock actions, undo/redo and save, with the last KPI update time. */
export function EditToolbar() {
  const e = useEditingStore();
  const territories = useScenarioStore((s) => s.current?.payload.territories) ?? NO_TERRITORIES;
  // Accounts per territory, as a compact signature tests and bug reports can compare.
  const kpiSignature = useScenarioStore((s) => s.kpis?.rows.map((r) => r.accounts).join(',') ?? '');
  const readOnlyReason = useReadOnlyReason();
  const readOnly = readOnlyReason !== null;
  const accountName = useDatasetStore((s) => (e.account !== null ? s.accounts?.names[e.account] : undefined));

  useEffect(() => {
    const onKey = (ev: KeyboardEvent) => {
      if (isTyping(ev)) return;
      const mod = ev.ctrlKey || ev.metaKey;
      if (mod && ev.key.toLowerCase() === 'z') {
        ev.preventDefault();
        void undoRedoEdit(ev.shiftKey ? 'redo' : 'undo');
      } else if (mod && ev.key.toLowerCase() === 'y') {
        ev.preventDefault();
        void undoRedoEdit('redo');
      } else if (ev.key === 'Escape') clearSelection();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const n = e.selectedUnits.length;
  const hasSplit = useScenarioStore((s) => (s.current?.payload.splitUnits?.length ?? 0) > 0);
  return (
    <div className="edit-toolbar" data-testid="edit-toolbar" data-dirty={e.dirty} data-selected-units={n} data-edit-ms={e.timing?.totalMs ?? ''} data-kpi-accounts={kpiSignature}>
      <div className="edit-toolbar__group" role="group" aria-label="Map tool">
        {MODES.map((m) => (
          <button key={m.mode} aria-pressed={e.mode === m.mode} data-testid={`tool-${m.mode}`} disabled={readOnly && m.mode === 'paint'} title={(m.mode === 'paint' ? readOnlyReason : null) ?? m.title} onClick={() => setEditMode(m.mode)}>{m.label}</button>
        ))}
      </div>
      <label className="edit-toolbar__target">
        to
        <select data-testid="edit-target" value={e.target ?? ''} onChange={(ev) => setTarget(ev.target.value || null)}>
          <option value="">(choose territory)</option>
          {territories.map((t) => <option key={t.id} value={t.id}>{t.locked ? '🔒 ' : ''}{t.name}</option>)}
        </select>
      </label>
      <button data-testid="reassign" disabled={readOnly || !n || !e.target} title={readOnlyReason ?? undefined} onClick={() => void reassignUnits(e.target)}>Move {n || ''} unit{n === 1 ? '' : 's'}</button>
      <button data-testid="lock-units" disabled={readOnly || !n} title={readOnlyReason ?? undefined} onClick={() => void lockSelection(true)}>Lock</button>
      <button data-testid="unlock-units" disabled={readOnly || !n} title={readOnlyReason ?? undefined} onClick={() => void lockSelection(false)}>Unlock</button>
      <button data-testid="split-zips" disabled={readOnly || !n} title={readOnlyReason ?? 'Split the selected counties into their ZIP areas (they keep the county\'s territory); right-click a county on the map does the same'} onClick={() => void splitIntoZipAreas()}>Split into ZIP areas</button>
      {hasSplit ? <button data-testid="merge-zips" disabled={readOnly || !n} title={readOnlyReason ?? 'Merge the counties of the selected ZIP areas back into whole counties'} onClick={() => void mergeIntoCounties()}>Merge into county</button> : null}
      {e.account !== null ? (
        <button data-testid="override-account" disabled={readOnly || !e.target} onClick={() => void overrideAccount(e.account!, e.target)} title={readOnlyReason ?? 'Make this a named account of the target territory'}>
          Assign {accountName ?? 'account'}
        </button>
      ) : null}
      <span className="edit-toolbar__spacer" />
      <button data-testid="edit-undo" disabled={!e.history.past.length} title={e.history.past.at(-1)?.label} onClick={() => void undoRedoEdit('undo')}>Undo</button>
      <button data-testid="edit-redo" disabled={!e.history.future.length} title={e.history.future.at(-1)?.label} onClick={() => void undoRedoEdit('redo')}>Redo</button>
      {e.dirty ? <span className="badge badge--warn" data-testid="unsaved">Unsaved · {e.history.past.length}</span> : null}
      <button data-testid="edit-save" className="edit-toolbar__primary" disabled={readOnly || !e.dirty || e.busy} title={readOnlyReason ?? undefined} onClick={() => void saveEdits()}>Save</button>
      {e.dirty ? <button data-testid="edit-discard" disabled={e.busy} onClick={() => void discardEdits()}>Discard</button> : null}
      {e.staleHead !== null ? <button data-testid="edit-rebase" disabled={e.busy} onClick={() => void rebaseAndSave()}>Rebase on v{e.staleHead} & save</button> : null}
      <div className="edit-toolbar__status" data-testid="edit-status">
        {e.splitWarning ? <span className="edit-toolbar__warn" role="alert" data-testid="split-warning">{e.splitWarning} </span> : null}
        {e.message}
        {e.timing ? <span className="edit-toolbar__muted"> · KPIs in {e.timing.totalMs} ms (worker {e.timing.workerMs} ms)</span> : null}
      </div>
    </div>
  );
}
