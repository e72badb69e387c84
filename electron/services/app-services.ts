import type { AppApi, ScenarioSelector, ScenarioVersion, WorkspaceErrorCode } from '../../shared/contracts/app-api';
import { err, ok, type Result } from '../../shared/contracts/result';
import type { ScenarioId } from '../../shared/domain/ids';
import { payloadProblems } from '../../shared/schema/scenario-payload';
import { WorkspaceFileError, type OpenOptions } from '../db/connection';
import { appendVersion, findScenario, insertScenario, listScenarios, readVersion } from '../db/scenario-repo';
import { territoryKpis } from './kpi-service';
import { currentAuthor, Workspace } from './workspace';

/** Version of the app reported by app.info. */
export const APP_VERSION = '0.1.0';

/** Options of the service container. */
export type ServicesOptions = {
  mode: 'desktop' | 'browser' | 'direct';
  /** Workspace file to open; the in-memory built-in demo when absent. */
  workspace?: string;
  openOptions?: OpenOptions;
  /** Called after the open workspace changes (title bar updates). */
  onWorkspaceChanged?: (ws: Workspace) => void;
};

/** The app's services: one object implementing AppApi over the current workspace. */
export type Services = { api: AppApi; workspace: () => Workspace; close: () => void };

function fileError(e: unknown): Result<never, WorkspaceErrorCode> {
  if (e instanceof WorkspaceFileError) return err(e.code, e.message);
  return err('io', (e as Error).message);
}

/** Creates the services; throws WorkspaceFileError when the initial workspace cannot be opened. */
export function createServices(opts: ServicesOptions): Services {
  let ws = opts.workspace ? Workspace.open(opts.workspace, opts.openOptions) : Workspace.inMemory(true, opts.openOptions);

  const replace = (next: Workspace): void => {
    ws.close();
    ws = next;
    opts.onWorkspaceChanged?.(ws);
  };

  const resolveVersion = (sel: ScenarioSelector): Result<ScenarioVersion, 'not-found'> => {
    const s = findScenario(ws.db, sel.scenario);
    if (!s) return err('not-found', `No scenario named or numbered "${sel.scenario}" in ${ws.name}.`);
    const v = readVersion(ws.db, s, sel.version);
    if (!v) return err('not-found', `Scenario "${s.name}" has no version ${sel.version} (latest is ${s.headVersion}).`);
    return ok(v);
  };

  const api: AppApi = {
    'app.info': async () => ({ version: APP_VERSION, mode: opts.mode }),
    'workspace.info': async () => ws.info(),
    'workspace.open': async ({ path }) => {
      try {
        replace(Workspace.open(path, opts.openOptions));
        return ok(ws.info());
      } catch (e) {
        return fileError(e);
      }
    },
    'workspace.create': async ({ path, demo }) => {
      try {
        replace(Workspace.create(path, demo, opts.openOptions));
        return ok(ws.info());
      } catch (e) {
        return fileError(e);
      }
    },
    'workspace.saveAs': async ({ path }) => {
      try {
        replace(ws.saveAs(path, opts.openOptions));
        return ok(ws.info());
      } catch (e) {
        return fileError(e);
      }
    },
    'dataset.units': async () => ws.units(),
    'dataset.edges': async () => ws.edges(),
    'dataset.geometry': async () => ws.geometry(),
    'dataset.accounts': async () => ws.accounts(),
    'dataset.reps': async () => ws.reps(),
    'scenario.list': async () => listScenarios(ws.db),
    'scenario.get': async (sel) => resolveVersion(sel),
    'scenario.create': async ({ name, description, from }) => {
      if (ws.readOnly) return err('read-only', `${ws.name} is open read-only; save a copy to make changes.`);
      if (findScenario(ws.db, name)) return err('exists', `A scenario named "${name}" already exists; pick another name.`);
      const source = from ? resolveVersion(from) : null;
      if (source && !source.ok) return source;
      const head = listScenarios(ws.db)[0];
      const base = source?.value ?? (head ? readVersion(ws.db, head) : null);
      if (!base) return err('invalid', 'The workspace has no scenario to start from; import or create an alignment first.');
      const id = insertScenario(ws.db, {
        name,
        description: description ?? '',
        author: currentAuthor(),
        parent: { scenarioId: base.scenarioId, version: base.version },
        payload: base.payload,
        note: `Created from ${base.scenarioName} v${base.version}`,
      });
      return ok(findScenario(ws.db, id)!);
    },
    'scenario.saveVersion': async ({ scenarioId, baseVersion, payload, note }) => {
      if (ws.readOnly) return err('read-only', `${ws.name} is open read-only; save a copy to make changes.`);
      const s = findScenario(ws.db, scenarioId);
      if (!s) return err('not-found', `No scenario with id ${scenarioId}.`);
      const problems = payloadProblems(payload);
      if (problems.length) return err('invalid', problems[0]!, problems);
      const ref = appendVersion(ws.db, scenarioId as ScenarioId, baseVersion, payload, currentAuthor(), note);
      if (!ref) {
        return err('stale-base', `Scenario "${s.name}" was saved by someone else (now at version ${s.headVersion}); reload it and apply your change again.`);
      }
      return ok(ref);
    },
    'kpi.territories': async (sel) => {
      const v = resolveVersion(sel);
      return v.ok ? ok(territoryKpis(ws, v.value)) : v;
    },
  };

  return { api, workspace: () => ws, close: () => ws.close() };
}
