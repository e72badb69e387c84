import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { FileSource, ScenarioAdminApi, WorkspaceErrorCode, WorkspaceInfo } from '../../../shared/contracts/app-api';
import { err, ok, type Result } from '../../../shared/contracts/result';
import type { ScenarioId } from '../../../shared/domain/ids';
import { WorkspaceFileError } from '../../db/connection';
import { deleteScenario, listVersions, setArchived, updateScenario } from '../../db/scenario-admin-repo';
import { appendVersion, findScenario, readVersion } from '../../db/scenario-repo';
import { readOnlyError, type ServiceContext } from '../context';
import { currentAuthor, Workspace } from '../workspace';
import { sourcePath, targetPath } from '../workspace-files';
import { APP_VERSION, withReturn } from '../workspace-handlers';
import { compareInWorkspace } from './compare-service';
import { importScenarios } from './share-import';
import { validateTesseraFile } from './share-validate';
import { defaultKeysDir, listOwnKeys } from './share-keys';
import { unmarkShareFile, writeShareFile } from './share-write';

function fileError(e: unknown): Result<never, WorkspaceErrorCode> {
  if (e instanceof WorkspaceFileError) return err(e.code, e.message);
  return err('io', (e as Error).message);
}

/** Handlers of scenario list administration, history, compare.* and share.*. */
export function scenarioAdminHandlers(ctx: ServiceContext): ScenarioAdminApi {
  const writable = (id: number): Result<Workspace, 'not-found' | 'read-only'> => {
    const ws = ctx.ws();
    if (ws.readOnly) return readOnlyError(ws);
    if (!findScenario(ws.db, id)) return err('not-found', `No scenario with id ${id}.`);
    return ok(ws);
  };
  return {
    'scenario.update': async ({ scenarioId, name, description }) => {
      const ws = writable(scenarioId);
      if (!ws.ok) return ws;
      if (!updateScenario(ws.value.db, scenarioId, { name, description })) return err('exists', `A scenario named "${name}" already exists; pick another name.`);
      return ok(findScenario(ws.value.db, scenarioId)!);
    },
    'scenario.archive': async ({ scenarioId, archived }) => {
      const ws = writable(scenarioId);
      if (!ws.ok) return ws;
      setArchived(ws.value.db, scenarioId, archived);
      return ok(findScenario(ws.value.db, scenarioId)!);
    },
    'scenario.delete': async ({ scenarioId, confirmName }) => {
      const ws = writable(scenarioId);
      if (!ws.ok) return ws;
      const s = findScenario(ws.value.db, scenarioId)!;
      if (confirmName !== s.name) return err('unconfirmed', `To delete "${s.name}" and its ${s.versionCount} versions, confirm by typing its name exactly.`);
      const deleted = deleteScenario(ws.value.db, scenarioId);
      // A new scenario may reuse the id, so results cached under it must go.
      ws.value.derived.clear();
      return ok({ deleted });
    },
    'scenario.history': async ({ scenario }) => {
      const s = findScenario(ctx.ws().db, scenario);
      if (!s) return err('not-found', `No scenario named or numbered "${scenario}".`);
      return ok(listVersions(ctx.ws().db, s.id));
    },
    'scenario.restore': async ({ scenarioId, version, baseVersion }) => {
      const ws = writable(scenarioId);
      if (!ws.ok) return ws;
      const s = findScenario(ws.value.db, scenarioId)!;
      const old = readVersion(ws.value.db, s, version);
      if (!old) return err('not-found', `Scenario "${s.name}" has no version ${version} (latest is ${s.headVersion}).`);
      const ref = appendVersion(ws.value.db, scenarioId as ScenarioId, baseVersion, old.payload, currentAuthor(), `Restored version ${version}`);
      if (!ref) return err('stale-base', `Scenario "${s.name}" changed meanwhile (now at version ${s.headVersion}); reload it and restore again.`);
      return ok(ref);
    },
    'compare.scenarios': async ({ scenarios, baseline, band }) => compareInWorkspace(ctx.ws(), scenarios, baseline, band),
    'share.export': async ({ scenarios, path, headOnly, accountDetails, overwrite }) => {
      const opts = { headOnly, accountDetails, overwrite, author: currentAuthor(), appVersion: APP_VERSION, keysDir: ctx.keysDir };
      if (path) {
        const r = await writeShareFile(ctx.ws(), scenarios, path, opts);
        return r.ok ? ok({ ...r.value, fileName: basename(r.value.path), content: null }) : r;
      }
      const dir = mkdtempSync(join(tmpdir(), 'tessera-share-'));
      try {
        const r = await writeShareFile(ctx.ws(), scenarios, join(dir, 'client.tessera'), { ...opts, overwrite: true });
        if (!r.ok) return r;
        const fileName = `${r.value.scenarios.length === 1 ? r.value.scenarios[0]!.replace(/[^\w.-]+/g, '_') : 'scenarios'}.tessera`;
        return ok({ ...r.value, path: null, fileName, content: readFileSync(r.value.path, 'base64') });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    'share.signer': async () => {
      const key = listOwnKeys(ctx.keysDir ?? defaultKeysDir()).find((k) => k.isDefault);
      return key ? { name: key.name, fingerprint: key.fingerprint } : null;
    },
    'share.inspect': async (source) => {
      const file = sourcePath(ctx, source);
      if (!file.ok) return file;
      const valid = validateTesseraFile(file.value.path, undefined, ctx.keysDir);
      return valid.ok && file.value.label ? ok({ ...valid.value, path: file.value.label }) : valid;
    },
    'share.open': async (source) => {
      const file = sourcePath(ctx, source);
      if (!file.ok) return file;
      const valid = validateTesseraFile(file.value.path, undefined, ctx.keysDir);
      if (!valid.ok) return valid;
      try {
        const ws = Workspace.open(valid.value.path, { ...ctx.openOptions, readOnly: true });
        if (valid.value.isShareFile) ws.share = { signature: valid.value.signature, createdBy: valid.value.createdBy, createdAt: valid.value.createdAt };
        ctx.replace(ws, { keepPrevious: true });
        return ok(withReturn(ctx));
      } catch (e) {
        return fileError(e);
      }
    },
    'share.saveCopy': async (target): Promise<Result<WorkspaceInfo, WorkspaceErrorCode>> => {
      const path = targetPath(ctx, target);
      if (!path.ok) return path;
      try {
        const copy = ctx.ws().saveAs(path.value, ctx.openOptions);
        unmarkShareFile(copy.db);
        ctx.replace(copy);
        return ok(copy.info());
      } catch (e) {
        return fileError(e);
      }
    },
    'share.import': async ({ scenarios, ...source }) => {
      const file = sourcePath(ctx, source as FileSource);
      return file.ok ? await importScenarios(ctx.ws(), file.value.path, scenarios, ctx.keysDir) : file;
    },
  };
}
