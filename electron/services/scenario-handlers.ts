import type { ScenarioApi, ScenarioSelector, ScenarioSummary } from '../../shared/contracts/app-api';
import { err, ok, type Result } from '../../shared/contracts/result';
import type { ScenarioId } from '../../shared/domain/ids';
import type { ScenarioPayload } from '../../shared/domain/territories/types';
import { payloadProblems } from '../../shared/schema/scenario-payload';
import { appendVersion, findScenario, insertScenario, insertScenarioWithVersion, listScenarios, readVersion, type NewScenario } from '../db/scenario-repo';
import { readOnlyError, resolveVersion, type ServiceContext } from './context';
import { territoryKpis } from './kpi-service';
import { currentAuthor, type Workspace } from './workspace';

/** Handlers of scenario.* and kpi.territories. */
export function scenarioHandlers(ctx: ServiceContext): ScenarioApi {
  return {
    'scenario.list': async () => listScenarios(ctx.ws().db),
    'scenario.get': async (sel) => resolveVersion(ctx.ws(), sel),
    'scenario.create': async ({ name, description, from }) => {
      const ws = ctx.ws();
      const record = branchRecord(ws, name, description ?? '', from);
      if (!record.ok) return record;
      return ok(findScenario(ws.db, insertScenario(ws.db, record.value))!);
    },
    'scenario.saveVersion': async ({ scenarioId, baseVersion, payload, note }) => {
      const ws = ctx.ws();
      if (ws.readOnly) return readOnlyError(ws);
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
      const v = resolveVersion(ctx.ws(), sel);
      return v.ok ? ok(territoryKpis(ctx.ws(), v.value)) : v;
    },
  };
}

/** The new scenario NAME as a branch of FROM (default: the first scenario), checked: writable workspace, free name. */
function branchRecord(ws: Workspace, name: string, description: string, from: ScenarioSelector | undefined): Result<NewScenario, 'not-found' | 'exists' | 'invalid' | 'read-only'> {
  if (ws.readOnly) return readOnlyError(ws);
  if (findScenario(ws.db, name)) return err('exists', `A scenario named "${name}" already exists; pick another name.`);
  const source = from ? resolveVersion(ws, from) : null;
  if (source && !source.ok) return source;
  const head = listScenarios(ws.db)[0];
  const base = source?.value ?? (head ? readVersion(ws.db, head) : null);
  if (!base) return err('invalid', 'The workspace has no scenario to start from; import or create an alignment first.');
  return ok({
    name,
    description,
    author: currentAuthor(),
    parent: { scenarioId: base.scenarioId, version: base.version },
    payload: base.payload,
    note: `Created from ${base.scenarioName} v${base.version}`,
  });
}

/**
 * Creates scenario NAME as a branch of FROM (version 1) and saves PAYLOAD as its version 2, in one
 * transaction: a failure leaves no half-made scenario behind.
 */
export function createScenarioWithVersion(
  ws: Workspace,
  a: { name: string; from: ScenarioSelector; payload: ScenarioPayload; note: string },
): Result<ScenarioSummary & { version: number }, string> {
  const record = branchRecord(ws, a.name, '', a.from);
  if (!record.ok) return record;
  const problems = payloadProblems(a.payload);
  if (problems.length) return err('invalid', problems[0]!, problems);
  const ref = insertScenarioWithVersion(ws.db, record.value, { payload: a.payload, note: a.note });
  return ok({ ...findScenario(ws.db, ref.scenarioId)!, version: ref.version });
}
