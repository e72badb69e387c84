import { err, ok, type Result } from '../../../shared/contracts/result';
import type { VersionRef } from '../../../shared/contracts/app-api';
import {
  applyBalanceResult, BalanceInputError, boundGap, designSettlePass, explainRun, prepareBalance, runBalance, runKpis, settledResult,
  type BalanceApplied, type BalanceResult, type RunExplanation, type RunKpis, type BalanceSettings, type LowerBoundReport, type LpBound, type PreparedBalance,
} from '../../../shared/domain/balance';
import type { Services } from '../app-services';
import { createScenarioWithVersion, NO_SCENARIO_HELP } from '../scenario-handlers';
import { lpBoundFor } from './lower-bound';
import { checkRunNumbers } from './run-files';

/** A balancing run on a workspace scenario. */
export type WorkspaceBalanceOptions = {
  /** Scenario to write (created when missing). */
  scenario: string;
  /** Scenario to start from (default: NEW itself when it exists, else the first scenario). */
  from?: string;
  settings: BalanceSettings;
  bound?: boolean;
};

/** What a workspace run wrote and measured. */
export type WorkspaceBalanceOutcome = {
  saved: VersionRef & { scenarioName: string; created: boolean };
  base: VersionRef & { scenarioName: string };
  prepared: PreparedBalance;
  result: BalanceResult;
  /** Territory names per engine index (after applying). */
  names: string[];
  /** Identities kept, territories removed, named accounts reassigned. */
  applied: BalanceApplied;
  /** The run's figures on the saved payload (the KPIs every view shows). */
  kpis: RunKpis;
  /** Unmet constraints in plain words, and the band the pre-check allows. */
  explanation: RunExplanation;
  lowerBound: LowerBoundReport;
};

const selector = (s: string): number | string => (/^\d+$/.test(s) ? Number(s) : s);

/** Runs the engine on a scenario's alignment and saves the result as a new version of scenario NEW. */
export async function balanceWorkspace(services: Services, o: WorkspaceBalanceOptions): Promise<Result<WorkspaceBalanceOutcome, string>> {
  const { api } = services;
  const target = await api['scenario.get']({ scenario: selector(o.scenario) });
  const list = await api['scenario.list']({});
  const baseKey = o.from ?? (target.ok ? o.scenario : list.find((s) => !s.archived)?.name);
  if (!baseKey) return err('not-found', NO_SCENARIO_HELP);
  const base = target.ok && o.from === undefined ? target : await api['scenario.get']({ scenario: selector(baseKey) });
  if (!base.ok) return err('not-found', `--from: ${base.error.message}`);
  const ws = services.workspace();
  const payload = base.value.payload;
  // The scenario's own units: counties it split are its ZIP areas.
  const { units, edges, accounts, reps } = ws.viewOf(payload);
  const data = { units, edges, accounts, reps };
  const bad = checkRunNumbers({ k: o.settings.k ?? 1, tolerance: o.settings.tolerance, maxDisruption: o.settings.maxDisruption?.share, timeLimitMs: o.settings.timeLimitMs }, data.units.ids.length);
  if (bad) return err('bad-input', bad);
  const first = prepareBalance(data, payload, o.settings);
  if (!first.ok) return first;
  let prepared = first;
  let lp: LpBound = o.bound === false ? { skipped: 'not requested (--no-bound)' } : await lpBoundFor(prepared.value.input);
  let result: BalanceResult;
  try {
    result = runBalance(prepared.value.input, 'bound' in lp ? { lowerBound: lp.bound } : {});
    // A design settles the accounts assigned by name into the territories that keep them (see designSettlePass).
    const settle = result.report.cancelled ? null : designSettlePass(data, payload, prepared.value, result);
    if (settle) {
      result = settledResult(result, runBalance(settle.input));
      prepared = ok(settle);
      // The settled run has other bands (named accounts as fixed loads): the first bound does not hold for it.
      if (o.bound !== false) lp = await lpBoundFor(settle.input);
    }
  } catch (e) {
    if (e instanceof BalanceInputError) return err('bad-input', e.message);
    throw e;
  }
  const r = result.report;
  const applied = applyBalanceResult(data, payload, prepared.value, result);
  const kpis = runKpis(data, applied, prepared.value, result);
  const summary = { worstDeviation: kpis.worstDeviation, nonContiguous: r.nonContiguous, compactness: kpis.compactness, disruption: r.disruption?.unitsShare ?? null, runtimeMs: Math.round(r.runtimeMs) };
  const next = { ...applied.payload, settings: { ...applied.payload.settings, balance: { ...o.settings, result: summary } } };
  const note = `Balanced ${o.settings.mode === 'design' ? 'from scratch' : 'by rebalancing'} (${o.settings.measures.join(', ')} ±${(o.settings.tolerance * 100).toFixed(1)}%, seed ${o.settings.seed ?? 1}): worst deviation ${(kpis.worstDeviation * 100).toFixed(1)}%`;
  let saved: Result<VersionRef & { scenarioName: string; created: boolean }, string>;
  if (target.ok) {
    const v = await api['scenario.saveVersion']({ scenarioId: target.value.scenarioId, baseVersion: target.value.version, payload: next, note });
    saved = v.ok ? ok({ ...v.value, scenarioName: target.value.scenarioName, created: false }) : v;
  } else {
    // Creating NEW and saving the balanced plan happen in one transaction.
    const c = createScenarioWithVersion(ws, { name: o.scenario, from: { scenario: base.value.scenarioId, version: base.value.version }, payload: next, note });
    saved = c.ok ? ok({ scenarioId: c.value.id, version: c.value.version, scenarioName: c.value.name, created: true }) : c;
  }
  if (!saved.ok) return saved;
  const lowerBound = boundGap(lp, result);
  const names = applied.territories.map((t) => t.name);
  const explanation = explainRun(result.report, o.settings.tolerance, { unit: (u) => data.units.names[u] ?? data.units.ids[u]!, territory: (t) => names[t] ?? `Territory ${t + 1}`, deviation: (t, m) => kpis.territories[t]?.deviations[m] });
  return ok({
    saved: saved.value,
    base: { scenarioId: base.value.scenarioId, version: base.value.version, scenarioName: base.value.scenarioName },
    prepared: prepared.value, result, names, applied, kpis, explanation, lowerBound,
  });
}
