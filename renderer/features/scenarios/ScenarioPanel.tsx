import { useState } from 'react';
import { canUsePaths } from '../../api/client';
import { openScenario } from '../../state/scenario-actions';
import { useScenarioStore } from '../../state/scenario-store';
import { useSelectionStore } from '../../state/selection-store';
import { undoRedoEdit } from '../editing/edit-engine';
import { patchTerritory } from '../editing/editing-actions';
import { useEditingStore } from '../editing/editing-store';
import { archiveScenario, copyScenario, deleteScenario, openSharedFile, renameScenario, restoreVersion, saveCopy, togglePanel } from './scenarios-actions';
import { useScenarioPanelStore } from './scenario-panel-store';
import { RecentWorkspaces } from './RecentWorkspaces';
import { WorkspaceFiles } from './WorkspaceFiles';
import { useReadOnlyReason } from '../../state/read-only';

/** Scenario list (copy, branch, rename, archive, delete), history with restore, undo/redo, and shared files. */
export function ScenarioPanel() {
  const list = useScenarioStore((s) => s.list);
  const current = useScenarioStore((s) => s.current);
  const readOnlyReason = useReadOnlyReason();
  const readOnly = readOnlyReason !== null;
  const selected = useSelectionStore((s) => s.territoryId);
  const { history, busy, message } = useScenarioPanelStore();
  // One undo path: the panel's undo/redo and lock toggle act on the editing draft (saved with Save), not a version per edit.
  const edits = useEditingStore((s) => s.history);
  const [newName, setNewName] = useState('');
  const [copyPath, setCopyPath] = useState('');
  const [showArchived, setShowArchived] = useState(false);
  const territory = current?.payload.territories.find((t) => t.id === selected);
  const byId = new Map(list.map((s) => [s.id as number, s.name]));

  return (
    <aside className="scn-panel" data-testid="scenario-panel" aria-busy={busy}>
      <div className="scn-panel__head">
        <strong>Scenarios</strong>
        <button data-testid="undo" disabled={readOnly || !edits.past.length} onClick={() => void undoRedoEdit('undo')} title={readOnlyReason ?? edits.past.at(-1)?.label}>Undo</button>
        <button data-testid="redo" disabled={readOnly || !edits.future.length} onClick={() => void undoRedoEdit('redo')} title={readOnlyReason ?? edits.future.at(-1)?.label}>Redo</button>
        <button className="scn-panel__close" onClick={() => togglePanel(false)} aria-label="Close">×</button>
      </div>
      {message ? <div className="scn-panel__msg" role="alert" data-testid="scenario-message">{message}</div> : null}
      <table className="scn-table" data-testid="scenario-list">
        <thead><tr><th>Name</th><th>Author</th><th>Updated</th><th>Parent</th><th /></tr></thead>
        <tbody>
          {list.filter((s) => showArchived || !s.archived).map((s) => (
            <tr key={s.id} className={s.id === current?.scenarioId ? 'is-current' : ''} data-scenario={s.name}>
              <td title={s.description}><button className="link" onClick={() => void openScenario(s.id)}>{s.name}</button>{s.archived ? ' (archived)' : ''}<div className="muted">v{s.headVersion} · {s.description.slice(0, 60)}</div></td>
              <td>{s.author}</td>
              <td>{s.updatedAt.slice(0, 16).replace('T', ' ')}</td>
              <td>{s.parentId ? `${byId.get(s.parentId) ?? s.parentId} v${s.parentVersion}` : ''}</td>
              <td className="scn-actions">
                <button disabled={readOnly} title={readOnlyReason ?? undefined} onClick={() => { const n = window.prompt('New name', s.name); if (n) void renameScenario(s.id, n); }}>Rename</button>
                <button disabled={readOnly} title={readOnlyReason ?? undefined} onClick={() => void archiveScenario(s.id, !s.archived)}>{s.archived ? 'Unarchive' : 'Archive'}</button>
                <button disabled={readOnly} title={readOnlyReason ?? undefined} onClick={() => { const n = window.prompt(`Delete "${s.name}" and all ${s.versionCount} versions? Type its name to confirm.`); if (n !== null) void deleteScenario(s.id, n); }}>Delete</button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <label className="muted"><input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} /> Show archived</label>
      <div className="scn-row">
        <input data-testid="copy-name" placeholder="Name of a copy of the open scenario" value={newName} onChange={(e) => setNewName(e.target.value)} disabled={readOnly} />
        <button data-testid="copy-scenario" disabled={readOnly || !newName.trim()} title={readOnlyReason ?? undefined} onClick={() => void copyScenario(newName.trim()).then((ok) => ok && setNewName(''))}>Create copy</button>
      </div>
      {territory ? (
        <div className="scn-row">
          <span>Selected: {territory.name}</span>
          <button data-testid="toggle-lock" disabled={readOnly} title={readOnlyReason ?? undefined} onClick={() => void patchTerritory(territory.id, { locked: !territory.locked }, `${territory.locked ? 'Unlock' : 'Lock'} ${territory.name}`)}>
            {territory.locked ? 'Unlock territory' : 'Lock territory'}
          </button>
        </div>
      ) : null}
      <h4>History of {current?.scenarioName ?? '—'}</h4>
      <ol className="scn-history" data-testid="scenario-history">
        {history.map((v) => (
          <li key={v.version} className={v.version === current?.version ? 'is-current' : ''}>
            <button className="link" onClick={() => current && void openScenario(current.scenarioId, v.version)}>v{v.version}</button> {v.note} <span className="muted">{v.author} · {v.createdAt.slice(0, 16).replace('T', ' ')}</span>
            <button disabled={readOnly} title={readOnlyReason ?? undefined} onClick={() => void restoreVersion(v.version)}>Restore</button>
            <button disabled={readOnly} title={readOnlyReason ?? undefined} onClick={() => { const n = window.prompt(`Name of a branch from v${v.version}`); if (n) void copyScenario(n, v.version); }}>Branch</button>
          </li>
        ))}
      </ol>
      <h4>Shared files</h4>
      <div className="scn-row">
        <label className="muted">Open read-only:{' '}
          <input data-testid="share-file" type="file" accept=".tessera" onChange={(e) => { const f = e.target.files?.[0]; e.target.value = ''; if (f) void openSharedFile(f); }} />
        </label>
      </div>
      {readOnly ? (
        <div className="scn-row">
          <input data-testid="copy-path" placeholder={canUsePaths ? '/path/to/my-copy.tessera' : 'Name of the copy'} value={copyPath} onChange={(e) => setCopyPath(e.target.value)} />
          <button data-testid="save-copy" disabled={!copyPath.trim()} onClick={() => void saveCopy(copyPath.trim())}>Save a copy</button>
        </div>
      ) : null}
      <RecentWorkspaces />
      {canUsePaths ? null : <WorkspaceFiles />}
    </aside>
  );
}
