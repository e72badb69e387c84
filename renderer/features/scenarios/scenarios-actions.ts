import { api, canUsePaths } from '../../api/client';
import { uploadFile } from '../../api/upload';
import type { WorkspaceInfo } from '../../../shared/contracts/app-api';
import type { AppError, Result } from '../../../shared/contracts/result';
import { loadWorkspace } from '../../state/dataset-actions';
import { openScenario, refreshScenarioList } from '../../state/scenario-actions';
import { useScenarioStore } from '../../state/scenario-store';
import { useScenarioPanelStore, type MainView } from './scenario-panel-store';

function say(message: string | null): void {
  useScenarioPanelStore.setState({ message, busy: false });
}

async function guarded(run: () => Promise<AppError | null | void>): Promise<boolean> {
  useScenarioPanelStore.setState({ busy: true, message: null });
  try {
    const e = await run();
    if (e) {
      say(e.message);
      return false;
    }
    say(null);
    return true;
  } catch (error) {
    say((error as Error).message);
    return false;
  }
}

/** Switches between the map and the compare view. */
export function showView(view: MainView): void {
  // The Scenarios panel is a drawer over the view: going to another view closes it, as a drawer does.
  useScenarioPanelStore.setState({ view, panelOpen: false });
}

/** Opens or closes the scenario panel (and loads the open scenario's history). */
export function togglePanel(open = !useScenarioPanelStore.getState().panelOpen): void {
  useScenarioPanelStore.setState({ panelOpen: open });
  if (open) void loadHistory();
}

/** Loads the version history of the open scenario. */
export async function loadHistory(): Promise<void> {
  const current = useScenarioStore.getState().current;
  if (!current) return;
  const h = await api['scenario.history']({ scenario: current.scenarioId });
  useScenarioPanelStore.setState({ history: h.ok ? h.value : [] });
}

async function reopen(scenarioId: number, version?: number): Promise<void> {
  await refreshScenarioList();
  await openScenario(scenarioId, version);
  await loadHistory();
}

/** Creates a scenario from the open one (or from a given version of it: a branch). */
export function copyScenario(name: string, version?: number): Promise<boolean> {
  return guarded(async () => {
    const cur = useScenarioStore.getState().current;
    if (!cur) return { code: 'none', message: 'Open a scenario first.' };
    const r = await api['scenario.create']({ name, from: { scenario: cur.scenarioId, ...(version ? { version } : {}) } });
    if (!r.ok) return r.error;
    await reopen(r.value.id);
  });
}

/** Renames a scenario. */
export function renameScenario(scenarioId: number, name: string): Promise<boolean> {
  return guarded(async () => {
    const r = await api['scenario.update']({ scenarioId, name });
    if (!r.ok) return r.error;
    await refreshScenarioList();
  });
}

/** Archives or unarchives a scenario. */
export function archiveScenario(scenarioId: number, archived: boolean): Promise<boolean> {
  return guarded(async () => {
    const r = await api['scenario.archive']({ scenarioId, archived });
    if (!r.ok) return r.error;
    await refreshScenarioList();
  });
}

/** Deletes a scenario; confirmName must repeat its name. */
export function deleteScenario(scenarioId: number, confirmName: string): Promise<boolean> {
  return guarded(async () => {
    const r = await api['scenario.delete']({ scenarioId, confirmName });
    if (!r.ok) return r.error;
    const list = await refreshScenarioList();
    const next = list.find((s) => !s.archived) ?? list[0];
    if (next && useScenarioStore.getState().current?.scenarioId === scenarioId) await reopen(next.id);
  });
}

/** Restores an old version by appending a new version with its payload. */
export function restoreVersion(version: number): Promise<boolean> {
  return guarded(async () => {
    const cur = useScenarioStore.getState().current;
    if (!cur) return null;
    const head = useScenarioStore.getState().list.find((s) => s.id === cur.scenarioId)?.headVersion ?? cur.version;
    const r = await api['scenario.restore']({ scenarioId: cur.scenarioId, version, baseVersion: head });
    if (!r.ok) return r.error;
    await reopen(cur.scenarioId, r.value.version);
  });
}

/** Uploads a shared `.tessera` file, opens it read-only (validated on the Node side) and reloads the app on it. */
export function openSharedFile(file: File): Promise<boolean> {
  return guarded(async () => {
    const upload = await uploadFile(file);
    if (!upload.ok) return upload.error;
    const r = await api['share.open']({ upload: upload.value });
    if (!r.ok) return r.error;
    useScenarioPanelStore.setState({ view: 'map', history: [] });
    await loadWorkspace();
    // The panel may be open: show the history of the scenario now open, not the previous workspace's.
    await loadHistory();
  });
}

/** Saves the read-only workspace as an editable copy (a path on the desktop, a name in the server's folder in browser mode) and reloads on it. */
export function saveCopy(where: string): Promise<boolean> {
  return guarded(async () => {
    const r = await api['share.saveCopy'](canUsePaths ? { path: where } : { name: where });
    if (!r.ok) return r.error;
    await loadWorkspace();
  });
}

/** Closes the client share file and reopens the workspace it was opened over. */
export function goBackToWorkspace(): Promise<boolean> {
  return switchWorkspace(() => api['workspace.back']({}));
}

/** Switches to another workspace file (open, new or save as, by name in browser mode) and reloads the app on it. */
export function switchWorkspace(run: () => Promise<Result<WorkspaceInfo, string>>): Promise<boolean> {
  return guarded(async () => {
    const r = await run();
    if (!r.ok) return r.error;
    useScenarioPanelStore.setState({ view: 'map', history: [] });
    await loadWorkspace();
    // The panel may be open: show the history of the scenario now open, not the previous workspace's.
    await loadHistory();
  });
}
