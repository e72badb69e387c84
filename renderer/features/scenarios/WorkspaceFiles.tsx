import { useEffect, useState } from 'react';
import type { SavedWorkspace } from '../../../shared/contracts/app-api';
import { api } from '../../api/client';
import { useDatasetStore } from '../../state/dataset-store';
import { switchWorkspace } from './scenarios-actions';
import { openNewWorkspace } from './new-workspace-store';

/**
 * Workspace files in browser mode, which names no paths: the server's data folder by name (open, new
 * (the New workspace dialog), save as). The desktop app uses its File menu instead.
 */
export function WorkspaceFiles() {
  const current = useDatasetStore((s) => s.workspace?.name);
  const [saved, setSaved] = useState<SavedWorkspace[]>([]);
  const [name, setName] = useState('');
  useEffect(() => {
    void api['workspace.list']({}).then(setSaved);
  }, [current]);
  const run = (call: () => ReturnType<Parameters<typeof switchWorkspace>[0]>) => void switchWorkspace(call).then((ok) => ok && setName(''));
  return (
    <>
      <h4>Workspaces on the server</h4>
      <ul className="scn-history" data-testid="workspace-files">
        {saved.map((w) => (
          <li key={w.name} className={w.name === current ? 'is-current' : ''} data-workspace={w.name}>
            <button className="link" onClick={() => run(() => api['workspace.open']({ name: w.name }))}>{w.name}</button>{' '}
            <span className="muted">{w.modifiedAt.slice(0, 16).replace('T', ' ')}</span>
          </li>
        ))}
      </ul>
      <div className="scn-row">
        <input data-testid="workspace-file-name" placeholder="Workspace name" value={name} onChange={(e) => setName(e.target.value)} />
        <button data-testid="workspace-save-as" disabled={!name.trim()} onClick={() => run(() => api['workspace.saveAs']({ name: name.trim() }))}>Save as</button>
        <button data-testid="workspace-new" onClick={() => openNewWorkspace(name.trim())}>New…</button>
      </div>
    </>
  );
}
