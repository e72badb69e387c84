import type { ScenarioApi } from '../../shared/contracts/app-api';
import { err, ok } from '../../shared/contracts/result';
import type { ScenarioId } from '../../shared/domain/ids';
import { payloadProblems } from '../../shared/schema/scenario-payload';
import { appendVersion, findScenario, insertScenario, listScenarios, readVersion } from '../db/scenario-repo';
import { readOnlyError, resolveVersion, type ServiceContext } from './context';
import { territoryKpis } from './kpi-service';
import { currentAuthor } from './workspace';

/** Handlers of scenario.* and kpi.territories. */
export function scenarioHandlers(ctx: ServiceContext): ScenarioApi {
  return {
    'scenario.list': async () => listScenarios(ctx.ws().db),
    'scenario.get': async (sel) => resolveVersion(ctx.ws(), sel),
    'scenario.create': async ({ name, description, from }) => {
      const ws = ctx.ws();
      if (ws.readOnly) return readOnlyError(ws);
      if (findScenario(ws.db, name)) return err('exists', `A scenario named "${name}" already exists; pick another name.`);
      const source = from ? resolveVersion(ws, from) : null;
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
