import { useState } from 'react';
import type { NewWorkspaceGeography } from '../../../shared/contracts/app-api';
import { api } from '../../api/client';
import { switchWorkspace } from './scenarios-actions';
import { closeNewWorkspace, useNewWorkspaceStore } from './new-workspace-store';
import { useScenarioPanelStore } from './scenario-panel-store';

/** What a new workspace can start from: a built-in geography to import one's own data into, or the demo. */
export const NEW_WORKSPACE_CHOICES: readonly { key: string; demo: boolean; geography: NewWorkspaceGeography; title: string; detail: string }[] = [
  { key: 'counties', demo: false, geography: 'counties', title: 'US counties', detail: '3,144 counties of the 50 states and DC with population and business counts (Census). No accounts, reps or scenarios: import yours.' },
  { key: 'zips', demo: false, geography: 'zips', title: 'US ZIP areas', detail: '33,642 ZIP areas (approximate: cells around each ZIP centre, cut at county lines) with business counts (Census ZBP 2016). No accounts, reps or scenarios: import yours.' },
  { key: 'demo-mixed', demo: true, geography: 'mixed', title: 'Demo: counties and ZIP areas', detail: 'Synthetic 50,000 accounts and 60 reps on counties, the heaviest metro counties split into ZIP areas, with two plans.' },
  { key: 'demo-counties', demo: true, geography: 'counties', title: 'Demo: US counties', detail: 'The same synthetic accounts, reps and plans on counties only.' },
  { key: 'demo-zips', demo: true, geography: 'zips', title: 'Demo: US ZIP areas', detail: 'The same synthetic accounts, reps and plans on ZIP areas.' },
];

const fileName = (name: string) => (/\.tessera$/i.test(name) ? name : `${name}.tessera`);

/**
 * New workspace (browser mode, where workspaces are named files in the server's data folder): pick a
 * geography with no data, or the demo, name the file, create it and open it.
 */
export function NewWorkspaceDialog() {
  const { open, name: initialName } = useNewWorkspaceStore();
  if (!open) return null;
  return <Dialog initialName={initialName} />;
}

function Dialog({ initialName }: { initialName: string }) {
  const [choice, setChoice] = useState(NEW_WORKSPACE_CHOICES[0]!.key);
  const [name, setName] = useState(initialName);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const picked = NEW_WORKSPACE_CHOICES.find((c) => c.key === choice)!;
  const create = async () => {
    setBusy(true);
    setProblem(null);
    const ok = await switchWorkspace(() => api['workspace.create']({ name: fileName(name.trim()), demo: picked.demo, geography: picked.geography }));
    setBusy(false);
    // switchWorkspace reports a failure in the scenario panel; the dialog, still open, says it too.
    if (ok) closeNewWorkspace();
    else setProblem(useScenarioPanelStore.getState().message ?? 'The workspace could not be created.');
  };
  return (
    <div className="share-backdrop" role="dialog" aria-label="New workspace" data-testid="new-workspace-dialog">
      <form className="share-dialog" onSubmit={(e) => { e.preventDefault(); void create(); }}>
        <header className="share-dialog__head">
          <h2>New workspace</h2>
          <button type="button" className="scn-panel__close" aria-label="Close" onClick={closeNewWorkspace}>×</button>
        </header>
        <p className="muted">Start from your own data: pick the units your territories are made of, then import your accounts and reps (Import…). The app then offers a starting scenario.</p>
        <fieldset className="share-dialog__list new-ws__choices">
          <legend>Start from</legend>
          {NEW_WORKSPACE_CHOICES.map((c) => (
            <label key={c.key} className="new-ws__choice" data-testid={`new-workspace-${c.key}`}>
              <input type="radio" name="new-workspace-kind" checked={c.key === choice} onChange={() => setChoice(c.key)} />
              <span>
                <strong>{c.title}</strong>
                <span className="muted new-ws__detail">{c.detail}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <div className="scn-row">
          <label htmlFor="new-workspace-name">File name</label>
          <input id="new-workspace-name" data-testid="new-workspace-name" placeholder="e.g. hospitals-2026" value={name} onChange={(e) => setName(e.target.value)} autoFocus />
        </div>
        {problem ? <p className="share-dialog__error" data-testid="new-workspace-error">{problem}</p> : null}
        <div className="share-dialog__actions">
          <button type="submit" data-testid="new-workspace-create" className="share-dialog__primary" disabled={busy || !name.trim()}>
            {busy ? 'Creating…' : `Create ${fileName(name.trim() || 'name')}`}
          </button>
          <button type="button" onClick={closeNewWorkspace}>Cancel</button>
        </div>
      </form>
    </div>
  );
}
