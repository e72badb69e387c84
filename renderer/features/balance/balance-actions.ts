import { api } from '../../api/client';
import type { AccountId, UnitId } from '../../../shared/domain/ids';
import type { AccountsTable, UnitEdges, UnitsTable } from '../../../shared/domain/dataset/types';
import {
  applyBalanceResult, designSettlePass, explainRun, prepareBalance, runKpis, settledResult,
  type BalanceDataset, type BalanceResult, type BalanceSettings, type PreparedBalance,
} from '../../../shared/domain/balance';
import type { ScenarioPayload } from '../../../shared/domain/territories/types';
import { useDatasetStore } from '../../state/dataset-store';
import { applyScenarioDraft, deriveScenarioState, openScenario, refreshScenarioList } from '../../state/scenario-actions';
import { useScenarioStore } from '../../state/scenario-store';
import { messageOf, reportError } from '../../state/ui-actions';
import { useBalanceStore, type BalanceRun, type RunOutcome } from './balance-store';
import { CancelledError, runInWorker, type WorkerJob } from './balance-worker-pool';

// Keyed by the dataset's units table, which every (re)load of a workspace replaces: an import or another workspace reloads these.
let extra: { edges: UnitEdges; accounts: AccountsTable; units: UnitsTable } | null = null;
let nextRunId = 1;
const jobs = new Map<number, WorkerJob>();
const basePayloads = new Map<number, ScenarioPayload>();

const patchRun = (id: number, patch: Partial<BalanceRun>): void =>
  useBalanceStore.setState((s) => ({ runs: s.runs.map((r) => (r.id === id ? { ...r, ...patch } : r)) }));

/** Shows or hides the panel; the first open loads the adjacency and account columns the engine needs. */
export function setBalancePanelOpen(open: boolean): void {
  useBalanceStore.setState({ open });
  if (open) void ensureBalanceData();
}

/** Changes the panel's settings. */
export function updateBalanceSettings(patch: Partial<BalanceSettings>): void {
  useBalanceStore.setState((s) => ({ settings: { ...s.settings, ...patch } }));
}

/** Sets the disruption budgets of a sweep. */
export function setSweep(shares: number[]): void {
  useBalanceStore.setState({ sweep: shares });
}

/** Loads edges and full account columns once per loaded dataset (again after an import or a workspace switch). */
export async function ensureBalanceData(): Promise<BalanceDataset | null> {
  const { units, reps } = useDatasetStore.getState();
  if (!units) return null;
  if (!extra || extra.units !== units) {
    useBalanceStore.setState({ dataStatus: 'loading' });
    try {
      const split = { split: useDatasetStore.getState().split as UnitId[] };
      const [edges, accounts] = await Promise.all([api['dataset.edges'](split), api['dataset.accounts'](split)]);
      extra = { edges, accounts, units };
    } catch (e) {
      useBalanceStore.setState({ dataStatus: 'error' });
      reportError({ id: 'balance-data', title: 'The balance panel could not load the dataset', detail: messageOf(e), action: 'Reload the window and open the panel again.' });
      return null;
    }
  }
  useBalanceStore.setState({ dataStatus: 'ready' });
  return { units, edges: extra.edges, accounts: extra.accounts, reps };
}

/** Full account columns, once loaded (rep matching needs them). */
export function balanceAccounts(): AccountsTable | null {
  return extra?.accounts ?? null;
}

/** Label of a run from what distinguishes it. */
function runLabel(s: BalanceSettings): string {
  const budget = s.mode === 'rebalance' && s.maxDisruption ? ` · ≤${Math.round(s.maxDisruption.share * 100)}% moved` : '';
  return `${s.mode === 'design' ? 'Design' : 'Rebalance'} · ${s.measures.join('+')} ±${Math.round(s.tolerance * 100)}%${budget} · seed ${s.seed ?? 1}`;
}

/** Starts one run with the panel settings, or a sweep: one parallel run per disruption budget. */
export async function startBalanceRuns(kind: 'single' | 'sweep'): Promise<number[]> {
  const data = await ensureBalanceData();
  // A run starts from a saved version, never from a preview of another run.
  if (useBalanceStore.getState().previewRunId !== null) await discardBalancePreview();
  const current = useScenarioStore.getState().current;
  if (!data || !current) return [];
  const { settings, sweep } = useBalanceStore.getState();
  const basis = settings.maxDisruption?.basis ?? 'units';
  const list: BalanceSettings[] = kind === 'single' ? [settings] : sweep.map((share) => ({ ...settings, mode: 'rebalance', maxDisruption: { share, basis } }));
  const ids: number[] = [];
  for (const s of list) {
    const id = nextRunId++;
    ids.push(id);
    const run: BalanceRun = {
      id, label: runLabel(s), settings: s, status: 'queued', progress: null, base: { scenarioId: current.scenarioId, version: current.version },
      prepared: null, result: null, error: null, elapsedMs: null, saved: null, outcome: null,
    };
    useBalanceStore.setState((st) => ({ runs: [...st.runs, run] }));
    const prepared = prepareBalance(data, current.payload, s);
    if (!prepared.ok) { patchRun(id, { status: 'error', error: prepared.error.message }); continue; }
    basePayloads.set(id, current.payload);
    patchRun(id, { prepared: keptPrepared(prepared.value, data) });
    let t0 = 0;
    const inWorker = (input: PreparedBalance['input']): Promise<BalanceResult> => {
      const job = runInWorker(input, (p) => patchRun(id, { progress: p }), () => { if (!t0) t0 = performance.now(); patchRun(id, { status: 'running' }); });
      jobs.set(id, job);
      return job.result;
    };
    const runAll = async (): Promise<BalanceResult> => {
      const first = await inWorker(prepared.value.input);
      // A design then settles the accounts assigned by name into the territories that keep them (designSettlePass).
      // It is prepared again: the first input's arrays went to the worker.
      const again = s.mode === 'design' && !first.report.cancelled ? prepareBalance(data, current.payload, s) : null;
      const settle = again?.ok ? designSettlePass(data, current.payload, again.value, first) : null;
      if (!settle) return first;
      patchRun(id, { prepared: keptPrepared(settle, data) });
      return settledResult(first, await inWorker(settle.input));
    };
    runAll().then(
      (result) => {
        const run = useBalanceStore.getState().runs.find((r) => r.id === id);
        const outcome = run ? runOutcome(data, current.payload, { ...run, result }) : null;
        patchRun(id, { status: 'done', result, outcome, elapsedMs: Math.round(performance.now() - t0) });
      },
      (e: unknown) => patchRun(id, e instanceof CancelledError ? { status: 'cancelled' } : { status: 'error', error: messageOf(e) }),
    ).finally(() => jobs.delete(id));
  }
  return ids;
}

/** What applying a result and its KPIs need of a prepared run, kept before its typed arrays are transferred to the worker. */
function keptPrepared(prepared: PreparedBalance, data: BalanceDataset): PreparedBalance {
  const measures = prepared.input.measures.map((m) => ({ name: m.name, values: m.values.slice() }));
  const fixedLoads = prepared.input.fixedLoads?.map((f) => f?.slice() ?? null);
  const baseline = prepared.input.baseline?.slice();
  return {
    ...prepared,
    input: { ...prepared.input, ids: data.units.ids, x: new Float64Array(0), y: new Float64Array(0), measures, ...(fixedLoads ? { fixedLoads } : {}), ...(baseline ? { baseline } : {}) },
  };
}

/** Stops a queued or running run. */
export function cancelBalanceRun(id: number): void {
  jobs.get(id)?.cancel();
}

/** Removes finished runs from the list. */
export function clearBalanceRuns(): void {
  useBalanceStore.setState((s) => ({ runs: s.runs.filter((r) => r.status === 'running' || r.status === 'queued') }));
}

/** A finished run applied to its base payload: identities, reassigned named accounts, its KPIs as the saved scenario will show them, issues in words. */
function runOutcome(data: BalanceDataset, payload: ScenarioPayload, run: BalanceRun): RunOutcome {
  const prepared = run.prepared!;
  const applied = applyBalanceResult(data, payload, prepared, run.result!);
  const names = useDatasetStore.getState().units?.names ?? [];
  const kpis = runKpis(data, applied, prepared, run.result!);
  const explanation = explainRun(run.result!.report, run.settings.tolerance, {
    unit: (u) => names[u] ?? data.units.ids[u] ?? `unit ${u}`,
    territory: (t) => applied.territories[t]?.name ?? `Territory ${t + 1}`,
    deviation: (t, m) => kpis.territories[t]?.deviations[m],
  });
  return { applied, kpis, explanation };
}

/** Shows a finished run on the map and in the grid as an unsaved draft of its base version. */
export async function previewBalanceRun(id: number): Promise<void> {
  const run = useBalanceStore.getState().runs.find((r) => r.id === id);
  if (!run?.outcome) return;
  const current = useScenarioStore.getState().current;
  try {
    if (!current || current.scenarioId !== run.base.scenarioId || current.version !== run.base.version || useBalanceStore.getState().previewRunId !== null) {
      await openScenario(run.base.scenarioId, run.base.version);
    }
    const payload = run.outcome.applied.payload;
    applyScenarioDraft(payload, await deriveScenarioState(payload));
    useBalanceStore.setState({ previewRunId: id });
  } catch (e) {
    reportError({ id: 'balance-preview', title: 'The run could not be shown on the map', detail: messageOf(e), action: 'Save it as a new scenario to look at it, or run again.' });
  }
}

/** Ends a preview: reopens the version the run started from. */
export async function discardBalancePreview(): Promise<void> {
  const id = useBalanceStore.getState().previewRunId;
  const run = useBalanceStore.getState().runs.find((r) => r.id === id);
  useBalanceStore.setState({ previewRunId: null });
  if (run) await openScenario(run.base.scenarioId, run.base.version);
}

/** Re-runs a run's settings with the band widened to what its explanation suggests. */
export async function widenBalanceBand(id: number): Promise<number[]> {
  const run = useBalanceStore.getState().runs.find((r) => r.id === id);
  const widenTo = run?.outcome?.explanation.widenTo;
  if (!run || widenTo === null || widenTo === undefined) return [];
  if (useBalanceStore.getState().previewRunId !== null) await discardBalancePreview();
  updateBalanceSettings({ ...run.settings, tolerance: widenTo });
  return startBalanceRuns('single');
}

/** Saves a finished run as a new version of its scenario, or as a new scenario, and opens it. */
export async function pickBalanceRun(id: number, newScenarioName?: string): Promise<boolean> {
  const run = useBalanceStore.getState().runs.find((r) => r.id === id);
  const payload = basePayloads.get(id);
  if (!run?.result || !run.prepared || !payload) return false;
  const outcome = run.outcome;
  if (!outcome) return false;
  const r = run.result.report;
  const summary = { worstDeviation: outcome.kpis.worstDeviation, nonContiguous: r.nonContiguous, compactness: outcome.kpis.compactness, disruption: r.disruption?.unitsShare ?? null, runtimeMs: Math.round(r.runtimeMs) };
  const next = { ...outcome.applied.payload, settings: { ...outcome.applied.payload.settings, balance: { ...run.settings, result: summary } } };
  const note = `${run.label}: worst deviation ${(outcome.kpis.worstDeviation * 100).toFixed(1)}%`;
  try {
    let scenarioId = run.base.scenarioId;
    let baseVersion = run.base.version;
    if (newScenarioName) {
      const created = await api['scenario.create']({ name: newScenarioName, from: { scenario: run.base.scenarioId, version: run.base.version } });
      if (!created.ok) { reportError({ id: 'balance-save', title: 'The scenario could not be created', detail: created.error.message, action: 'Choose another name.' }); return false; }
      scenarioId = created.value.id;
      baseVersion = created.value.headVersion;
    }
    const saved = await api['scenario.saveVersion']({ scenarioId, baseVersion, payload: next, note });
    if (!saved.ok) {
      reportError({ id: 'balance-save', title: 'The balanced plan could not be saved', detail: saved.error.message, action: saved.error.code === 'stale-base' ? 'Save it as a new scenario instead, or run again on the latest version.' : 'Check the workspace is writable.' });
      return false;
    }
    patchRun(id, { saved: saved.value });
    useBalanceStore.setState({ previewRunId: null });
    await refreshScenarioList();
    await openScenario(saved.value.scenarioId, saved.value.version);
    return true;
  } catch (e) {
    reportError({ id: 'balance-save', title: 'The balanced plan could not be saved', detail: messageOf(e), action: 'Check that the Tessera server is still running, then pick the run again.' });
    return false;
  }
}

/** Unit ids and account ids/segments of the dataset (for resolving alignments). */
export function datasetKeys(): { unitIds: UnitId[]; accounts: { ids: AccountId[]; segment: string[] } } | null {
  const { units, accounts } = useDatasetStore.getState();
  return units && accounts ? { unitIds: units.ids as UnitId[], accounts: { ids: accounts.ids as AccountId[], segment: accounts.segment } } : null;
}
