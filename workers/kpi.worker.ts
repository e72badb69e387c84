import { expose, transfer } from 'comlink';
import type { AccountMeasureKey, KpiAlignmentInput, KpiDatasetColumns, KpiWorkerApi } from '../shared/contracts/worker-api';
import { accountTerritoryOf, buildIncrementalKpis, currentKpis, moveUnits, setOverrides, unitMeasure, unitsPerTerritory, type IncrementalKpis } from '../shared/domain/editing/incremental-kpis';
import { computeTerritoryKpis } from '../shared/domain/kpi/territory-kpis';
import { resolveAccountTerritories, territoryGroups } from '../shared/domain/territories/resolve';

// Thin Comlink adapter: the dataset columns arrive once (transferred); each compute resolves
// account -> territory and sums KPIs here, so the UI thread never loops over all accounts.
// compute also keeps per-unit aggregates so that edits (applyDelta) cost O(changed units), not O(accounts).
let columns: KpiDatasetColumns | null = null;
let state: IncrementalKpis | null = null;

function requireState(): IncrementalKpis {
  if (!state) throw new Error('KPI worker has no scenario state: call compute first');
  return state;
}

function weights(c: KpiDatasetColumns, key: AccountMeasureKey): Float32Array {
  const n = c.accountUnit.length;
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const v = key === 'accounts' ? 1 : key === 'whiteSpace' ? c.potential[i]! - c.revenue[i]! : c[key][i]!;
    out[i] = Number.isFinite(v) && v > 0 ? v : 0;
  }
  return out;
}

const api: KpiWorkerApi = {
  loadDataset(c) {
    const n = c.accountUnit.length;
    if (c.potential.length !== n || c.revenue.length !== n || c.workload.length !== n) {
      throw new Error(`KPI columns differ in length: units ${n}, potential ${c.potential.length}, revenue ${c.revenue.length}, workload ${c.workload.length}`);
    }
    columns = c;
    state = null;
    return n;
  },
  compute(input: KpiAlignmentInput) {
    if (!columns) throw new Error('KPI worker has no dataset: call loadDataset first');
    if (input.accountAlignment.length !== columns.accountUnit.length) {
      throw new Error(`Alignment covers ${input.accountAlignment.length} accounts, dataset has ${columns.accountUnit.length}`);
    }
    const accountTerritory = resolveAccountTerritories(columns.accountUnit, input.accountAlignment, input.accountOverride, input.unitTerritory);
    // Deviations are relative to the territory's own alignment (an Enterprise overlay is not compared with geography),
    // exactly as the kpi.territories service computes them.
    const groups = territoryGroups(input.territoryCount, input.unitTerritory);
    const kpis = computeTerritoryKpis(input.territoryCount, { ...columns, accountTerritory }, groups);
    const unitCount = input.unitTerritory[0]?.length ?? 0;
    state = buildIncrementalKpis(columns, { ...input, unitCount });
    const result = { kpis, accountTerritory, unitsPerTerritory: unitsPerTerritory(state) };
    return transfer(result, [accountTerritory.buffer, result.unitsPerTerritory.buffer]);
  },
  applyDelta(delta) {
    const s = requireState();
    const t0 = performance.now();
    if (delta.kind === 'units') moveUnits(s, delta.alignment, delta.units, delta.territories);
    else setOverrides(s, delta.accounts, delta.territories);
    const kpis = currentKpis(s);
    const upt = unitsPerTerritory(s);
    return transfer({ kpis, unitsPerTerritory: upt, ms: performance.now() - t0 }, [upt.buffer]);
  },
  accountTerritory(account) {
    return accountTerritoryOf(requireState(), account);
  },
  accountTerritories() {
    const s = requireState();
    const out = new Int32Array(s.columns.accountUnit.length);
    for (let i = 0; i < out.length; i++) out[i] = accountTerritoryOf(s, i);
    return transfer(out, [out.buffer]);
  },
  unitMeasure(key) {
    const out = unitMeasure(requireState(), key);
    return transfer(out, [out.buffer]);
  },
  accountWeights(key) {
    if (!columns) throw new Error('KPI worker has no dataset: call loadDataset first');
    const out = weights(columns, key);
    return transfer(out, [out.buffer]);
  },
};

expose(api);
