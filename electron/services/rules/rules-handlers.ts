import type { RulesApi } from '../../../shared/contracts/api/rules-api';
import { err, ok } from '../../../shared/contracts/result';
import type { ScenarioId } from '../../../shared/domain/ids';
import { ruleSetProblems } from '../../../shared/domain/rules/schema';
import { appendVersion, findScenario, readVersion } from '../../db/scenario-repo';
import { readOnlyError, resolveVersion, type ServiceContext } from '../context';
import { currentAuthor } from '../workspace';
import { routeCsvText } from './route-service';
import { readCursors, rulesOf, withRules } from './rules-store';

/** Handlers of rules.*: rules live in the scenario payload (settings.routing), so saving makes a version. */
export function rulesHandlers(ctx: ServiceContext): RulesApi {
  return {
    'rules.get': async (sel) => {
      const ws = ctx.ws();
      const v = resolveVersion(ws, sel);
      if (!v.ok) return v;
      const { rules, problems } = rulesOf(v.value.payload);
      return ok({ ref: { scenarioId: v.value.scenarioId, version: v.value.version }, rules, problems, cursors: readCursors(ws.db, v.value.scenarioId) });
    },
    'rules.save': async ({ scenarioId, baseVersion, rules, note }) => {
      const ws = ctx.ws();
      if (ws.readOnly) return readOnlyError(ws);
      const s = findScenario(ws.db, scenarioId);
      if (!s) return err('not-found', `No scenario with id ${scenarioId}.`);
      const base = readVersion(ws.db, s, baseVersion);
      if (!base) return err('not-found', `Scenario "${s.name}" has no version ${baseVersion}.`);
      const problems = ruleSetProblems(rules, {
        territories: new Set(base.payload.territories.map((t) => t.id)),
        reps: new Set(ws.reps().map((r) => r.id)),
      });
      if (problems.length) return err('invalid', problems[0]!, problems);
      const ref = appendVersion(ws.db, scenarioId as ScenarioId, baseVersion, withRules(base.payload, rules), currentAuthor(), note ?? `Routing rules (${rules.rules.length})`);
      if (!ref) return err('stale-base', `Scenario "${s.name}" was saved by someone else (now at version ${s.headVersion}); reload it and apply your change again.`);
      return ok(ref);
    },
    'rules.test': async ({ scenario, csv, rules, maxRows }) => {
      const ws = ctx.ws();
      const v = resolveVersion(ws, scenario);
      if (!v.ok) return v;
      return routeCsvText(ws, v.value, csv, { rules, commit: false, maxRows: maxRows ?? 5000 });
    },
  };
}
