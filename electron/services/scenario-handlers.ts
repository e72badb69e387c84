import type { ScenarioApi, ScenarioSelector, ScenarioSummary } from '../../shared/contracts/app-api';
import { err, ok, type Result } from '../../shared/contracts/result';
import type { ScenarioId } from '../../shared/domain/ids';
import type { ScenarioPayload } from '../../shared/domain/territories/types';
import { usStateByFips } from '../../shared/domain/dataset/us-states';
import { perRepPayload, stateGroupsPayload } from '../../shared/domain/territories/starter';
import { matchableReps } from '../../shared/domain/balance/rep-profiles';
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
    'scenario.createStarter': async (a) => createStarterScenario(ctx.ws(), a),
    'scenario.saveVersion': async ({ scenarioId, baseVersion, payload, note }) => {
      const ws = ctx.ws();
      if (ws.readOnly) return readOnlyError(ws);
      const s = findScenario(ws.db, scenarioId);
      if (!s) return err('not-found', `No scenario with id ${scenarioId}.`);
      const problems = payloadProblems(payload);
      if (problems.length) return err('invalid', problems[0]!, problems);
      const split = splitProblem(ws, payload);
      if (split) return err('invalid', split);
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
  if (!base) return err('invalid', NO_SCENARIO_HELP);
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
  const split = splitProblem(ws, a.payload);
  if (split) return err('invalid', split);
  const ref = insertScenarioWithVersion(ws.db, record.value, { payload: a.payload, note: a.note });
  return ok({ ...findScenario(ws.db, ref.scenarioId)!, version: ref.version });
}

/** Why the payload's split units cannot be split in this workspace (its view cannot be built), or null. */
function splitProblem(ws: Workspace, payload: ScenarioPayload): string | null {
  if (!payload.splitUnits?.length) return null;
  try {
    ws.viewOf(payload);
    return null;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

/** What to do when a workspace has no scenario (CLI and app say the same). */
export const NO_SCENARIO_HELP =
  'The workspace has no scenario to start from; create one with `tessera scenario starter --workspace FILE --territories K` (K territories of whole states) or `--per-rep` (one territory per rep), or with "Create a starting scenario" in the app.';

/** Creates a first scenario: K territories of whole states (about equal MEASURE), or one territory per rep. */
export function createStarterScenario(
  ws: Workspace,
  a: { name: string; method: 'state-groups' | 'per-rep'; k?: number; measure?: string },
): Result<ScenarioSummary, 'exists' | 'invalid' | 'read-only'> {
  if (ws.readOnly) return readOnlyError(ws);
  if (findScenario(ws.db, a.name)) return err('exists', `A scenario named "${a.name}" already exists; pick another name.`);
  const units = ws.units();
  if (units.ids.length === 0) return err('invalid', 'The workspace has no units; import a geography first.');
  const measure = a.measure ?? units.measureDefs[0]?.key;
  if (a.measure && !units.measures[a.measure]) return err('invalid', `No measure "${a.measure}"; the workspace has ${units.measureDefs.map((m) => m.key).join(', ') || 'none'}.`);
  let payload: ScenarioPayload | null;
  let leftOut = '';
  if (a.method === 'per-rep') {
    const usable = matchableReps(ws.reps());
    if (ws.reps().length > 0 && usable.reps.length === 0) return err('invalid', `None of the ${ws.reps().length} reps has a home location (no address or office was found); import the reps again with an address or an office city and state.`);
    payload = perRepPayload(units, usable.reps);
    if (!payload) return err('invalid', 'The workspace has no reps; import reps first, or make K territories of whole states.');
    if (usable.skipped.length) leftOut = ` Left out, with no home location: ${usable.skipped.map((r) => r.name).join(', ')}.`;
  } else {
    payload = stateGroupsPayload(units, a.k ?? Math.min(10, new Set(units.parents).size), measure);
  }
  const description = a.method === 'per-rep' ? `Starting point: one territory per rep, units to the nearest rep home.${leftOut}` : `Starting point: ${payload.territories.length} territor${payload.territories.length === 1 ? 'y' : 'ies'} of whole ${units.parents.every((p) => usStateByFips(p)) ? 'states' : 'parent groups'}${measure ? ` with about equal ${measure}` : ''}.`;
  const id = insertScenario(ws.db, { name: a.name, description, author: currentAuthor(), parent: null, payload, note: 'Starting scenario' });
  return ok(findScenario(ws.db, id)!);
}
