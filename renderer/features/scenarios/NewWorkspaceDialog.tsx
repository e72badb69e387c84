import { useRef, useState } from 'react';
import type { NewWorkspaceGeography } from '../../../shared/contracts/app-api';
import { err } from '../../../shared/contracts/result';
import { isCancelled, startLongCall, type CallProgress, type LongCall } from '../../api/long-call';
import { LongCallBar } from '../../app/LongCallBar';
import { uploadFile } from '../../api/upload';
import { switchWorkspace } from './scenarios-actions';
import { closeNewWorkspace, useNewWorkspaceStore } from './new-workspace-store';
import { useScenarioPanelStore } from './scenario-panel-store';

/** What a new workspace can start from: a built-in geography to import one's own data into, the demo, or one's own boundary file (geography null). */
export const NEW_WORKSPACE_CHOICES: readonly { key: string; demo: boolean; geography: NewWorkspaceGeography | null; title: string; detail: string }[] = [
  { key: 'counties', demo: false, geography: 'counties', title: 'US counties', detail: '3,144 counties of the 50 states and DC with population and business counts (Census). No accounts, reps or scenarios: import yours.' },
  { key: 'zips', demo: false, geography: 'zips', title: 'US ZIP areas', detail: '33,642 ZIP areas (approximate: cells around each ZIP centre, cut at county lines) with business counts (Census ZBP 2016). No accounts, reps or scenarios: import yours.' },
  { key: 'boundaries', demo: false, geography: null, title: 'Your own boundaries', detail: 'Polygons from an ESRI shapefile (.zip with .shp, .shx, .dbf and .prj; reprojected to lon/lat when needed) or a GeoJSON file: sales areas, ZCTAs, districts. Adjacent where they share a border.' },
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
  const [file, setFile] = useState<File | null>(null);
  const [idField, setIdField] = useState('');
  const [progress, setProgress] = useState<CallProgress | null>(null);
  const running = useRef<LongCall<unknown> | null>(null);
  const picked = NEW_WORKSPACE_CHOICES.find((c) => c.key === choice)!;
  const needsFile = picked.geography === null;
  const create = async () => {
    setBusy(true);
    setProblem(null);
    let note: string | null = null;
    let cancelled = false;
    const ok = await switchWorkspace(async () => {
      const target = { name: fileName(name.trim()) };
      if (picked.geography !== null) {
        // Building a ZIP demo takes seconds: progress shows, and Cancel stops it with no file left behind.
        const call = startLongCall('workspace.create', { ...target, demo: picked.demo, geography: picked.geography }, setProgress, { writes: true });
        running.current = call;
        const r = await call.result.finally(() => {
          running.current = null;
          setProgress(null);
        });
        if (isCancelled(r)) cancelled = true;
        return r;
      }
      if (!file) return err('invalid', 'Choose a shapefile .zip or a GeoJSON file first.');
      const up = await uploadFile(file);
      if (!up.ok) return up;
      // A whole-country boundary file takes seconds to check and join: the same progress and Cancel.
      const call = startLongCall('workspace.createFromBoundaries', { target, source: { upload: up.value }, ...(idField.trim() ? { idField: idField.trim() } : {}) }, setProgress, { writes: true });
      running.current = call;
      const r = await call.result.finally(() => {
        running.current = null;
        setProgress(null);
      });
      if (isCancelled(r)) cancelled = true;
      else if (r.ok) note = boundariesNote(file.name, r.value.boundaries);
      return r;
    });
    setBusy(false);
    if (ok && note) useScenarioPanelStore.setState({ message: note });
    // switchWorkspace reports a failure in the scenario panel; the dialog, still open, says it too.
    if (ok) closeNewWorkspace();
    else if (cancelled) setProblem('Cancelled: no workspace was created.');
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
        {needsFile ? (
          <div className="scn-row new-ws__file">
            <label htmlFor="new-workspace-file">Boundary file</label>
            <input id="new-workspace-file" data-testid="new-workspace-file" type="file" accept=".zip,.geojson,.json" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
            <label htmlFor="new-workspace-id-field">Id field</label>
            <input id="new-workspace-id-field" data-testid="new-workspace-id-field" placeholder="e.g. ZCTA5CE20 (optional: else id, or the feature's position)" value={idField} onChange={(e) => setIdField(e.target.value)} />
          </div>
        ) : null}
        <div className="scn-row">
          <label htmlFor="new-workspace-name">File name</label>
          <input id="new-workspace-name" data-testid="new-workspace-name" placeholder="e.g. hospitals-2026" value={name} onChange={(e) => setName(e.target.value)} autoFocus />
        </div>
        {problem ? <p className="share-dialog__error" data-testid="new-workspace-error">{problem}</p> : null}
        <div className="share-dialog__actions">
          <button type="submit" data-testid="new-workspace-create" className="share-dialog__primary" disabled={busy || !name.trim() || (needsFile && !file)}>
            {busy ? 'Creating…' : `Create ${fileName(name.trim() || 'name')}`}
          </button>
          <button type="button" onClick={() => { running.current?.cancel(); closeNewWorkspace(); }}>Cancel</button>
          <LongCallBar what="New workspace" progress={progress} onCancel={() => running.current?.cancel()} />
        </div>
      </form>
    </div>
  );
}

/** What a workspace made from a boundary file holds, and which features it left out (the first three named). */
function boundariesNote(file: string, b: { units: number; edges: number; issues: { line: number; reason: string }[] }): string {
  const head = `Created from ${file}: ${b.units.toLocaleString()} areas, ${b.edges.toLocaleString()} adjacencies.`;
  if (b.issues.length === 0) return `${head} Import your accounts and reps next (Import…).`;
  const shown = b.issues.slice(0, 3).map((i) => `feature ${i.line}: ${i.reason}`).join('; ');
  return `${head} ${b.issues.length} feature${b.issues.length === 1 ? '' : 's'} left out (${shown}${b.issues.length > 3 ? '; …' : ''}).`;
}
