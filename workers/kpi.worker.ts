import { expose, transfer } from 'comlink';
import type { KpiAlignmentInput, KpiDatasetColumns, KpiWorkerApi } from '../shared/contracts/worker-api';
import { computeTerritoryKpis } from '../shared/domain/kpi/territory-kpis';
import { resolveAccountTerritories, territoryGroups } from '../shared/domain/territories/resolve';

// Thin Comlink adapter: the dataset columns arrive once (transferred); each compute resolves
// account -> territory and sums KPIs here, so the UI thread never loops over all accounts.
let columns: KpiDatasetColumns | null = null;

const api: KpiWorkerApi = {
  loadDataset(c) {
    const n = c.accountUnit.length;
    if (c.potential.length !== n || c.revenue.length !== n || c.workload.length !== n) {
      throw new Error(`KPI columns differ in length: units ${n}, potential ${c.potential.length}, revenue ${c.revenue.length}, workload ${c.workload.length}`);
    }
    columns = c;
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
    const unitsPerTerritory = new Int32Array(input.territoryCount);
    for (const arr of input.unitTerritory) for (const t of arr) if (t >= 0 && t < input.territoryCount) unitsPerTerritory[t]!++;
    const result = { kpis, accountTerritory, unitsPerTerritory };
    return transfer(result, [accountTerritory.buffer, unitsPerTerritory.buffer]);
  },
};

expose(api);
