import type { ScenarioSelector, ScenarioVersion } from '../../shared/contracts/app-api';
import { err, ok, type Result } from '../../shared/contracts/result';
import type { OpenOptions } from '../db/connection';
import { findScenario, readVersion } from '../db/scenario-repo';
import type { UploadStore } from './uploads/upload-store';
import type { Workspace } from './workspace';

/** What every area's handlers share: the current workspace and how to replace it. */
export type ServiceContext = {
  mode: 'desktop' | 'browser' | 'direct';
  openOptions: OpenOptions;
  /** Folder of signing keys and trusted public keys (default: see defaultKeysDir). */
  keysDir?: string;
  /** Folder of workspaces named by { name } (browser mode); none elsewhere. */
  dataDir?: string;
  /** Files uploaded by the client ({ upload } arguments). */
  uploads: UploadStore;
  /** The open workspace (changes after open / create / save as). */
  ws: () => Workspace;
  /**
   * Makes next the current workspace. The current one is closed, unless keepPrevious (opening a
   * client share file): then it stays open, set aside for back(); any other replace closes it.
   */
  replace: (next: Workspace, opts?: { keepPrevious?: boolean }) => void;
  /** The workspace set aside by a replace with keepPrevious, if any. */
  previous: () => Workspace | null;
  /** Closes the current workspace and makes the set-aside one current again; false when there is none. */
  back: () => boolean;
};

/** Finds a scenario version by selector, with a message naming what is missing. */
export function resolveVersion(ws: Workspace, sel: ScenarioSelector): Result<ScenarioVersion, 'not-found'> {
  const s = findScenario(ws.db, sel.scenario);
  if (!s) return err('not-found', `No scenario named or numbered "${sel.scenario}" in ${ws.name}.`);
  const v = readVersion(ws.db, s, sel.version);
  if (!v) return err('not-found', `Scenario "${s.name}" has no version ${sel.version} (latest is ${s.headVersion}).`);
  return ok(v);
}

/** The standard refusal for writes to a read-only workspace. */
export function readOnlyError(ws: Workspace): { ok: false; error: { code: 'read-only'; message: string } } {
  return err('read-only', `${ws.name} is open read-only; save a copy to make changes.`);
}
