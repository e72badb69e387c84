import { csvLine } from '../../../shared/domain/export/csv';
import { plainCell, territoryKpiTable, type ExportTable } from '../../../shared/domain/export/table';
import type { Workspace } from '../workspace';
import type { ScenarioSelector } from '../../../shared/contracts/app-api';
import { err, ok, type Result } from '../../../shared/contracts/result';
import { territoryKpis } from '../kpi-service';
import type { ExportFormat } from './formats';
import { writeTextFile } from './file-sink';
import { resolveScenario } from './scenario-data';

/** Generic CSV of every account's territory and new owner, next to its current owner. */
export const assignmentsCsv: ExportFormat = async (ws, selector, outPath, opts) => {
  const r = resolveScenario(ws, selector);
  if (!r.ok) return r;
  const { version, accountTerritory, view } = r.value;
  const a = view.accounts;
  const units = view.units;
  const reps = new Map(view.reps.map((p) => [p.id as string, p.name]));
  const t = version.payload.territories;
  let changes = 0;
  const res = writeTextFile(outPath, opts?.overwrite, (out) => {
    out.write(csvLine(['account_id', 'account_name', 'territory_id', 'territory_name', 'region', 'new_owner_id', 'new_owner_name', 'current_owner_id', 'owner_changes', 'unit_id', 'placement']));
    for (let i = 0; i < a.ids.length; i++) {
      const ti = accountTerritory[i]!;
      const terr = ti >= 0 ? t[ti] : undefined;
      const owner = terr?.repId ?? '';
      const changed = owner !== '' && owner !== a.owner[i];
      if (changed) changes++;
      const u = a.unitIndex[i]!;
      out.write(csvLine([a.ids[i], a.names[i], terr?.id ?? '', terr?.name ?? '', terr?.region ?? '', owner, owner ? (reps.get(owner) ?? '') : '', a.owner[i], changed ? 'yes' : 'no', u >= 0 ? units.ids[u] : '', a.placement[i]]));
    }
  });
  if (!res.ok) return res;
  return { ok: true, value: { ...res.value, summary: `${a.ids.length} accounts of "${version.scenarioName}" v${version.version}, ${changes} with a new owner` } };
};

/**
 * Salesforce Data Loader update file: Id,OwnerId for each account whose territory has a rep. Accounts
 * without a territory or whose territory has no rep are left out (Data Loader would blank the owner).
 */
export const salesforceCsv: ExportFormat = async (ws, selector, outPath, opts) => {
  const r = resolveScenario(ws, selector);
  if (!r.ok) return r;
  const { version, accountTerritory, view } = r.value;
  const a = view.accounts;
  const t = version.payload.territories;
  let written = 0;
  const res = writeTextFile(outPath, opts?.overwrite, (out) => {
    out.write(csvLine(['Id', 'OwnerId']));
    for (let i = 0; i < a.ids.length; i++) {
      const ti = accountTerritory[i]!;
      const rep = ti >= 0 ? t[ti]?.repId : null;
      if (!rep) continue;
      out.write(csvLine([a.ids[i], rep]));
      written++;
    }
  });
  if (!res.ok) return res;
  const skipped = a.ids.length - written;
  return { ok: true, value: { ...res.value, summary: `${written} accounts for Data Loader (update Account: Id, OwnerId); ${skipped} without a territory rep left out` } };
};

/** The territory KPI table of a scenario and the line that sums it up (kpis-csv and kpis-xlsx). */
export function scenarioKpiTable(ws: Workspace, selector: ScenarioSelector): Result<{ table: ExportTable; summary: string }, string> {
  const r = resolveScenario(ws, selector);
  if (!r.ok) return r;
  const k = territoryKpis(ws, r.value.version);
  if (k.rows.length === 0) return err('empty', `Scenario "${r.value.version.scenarioName}" has no territories.`);
  return ok({ table: territoryKpiTable(k.rows), summary: `${k.rows.length} territories; worst potential deviation ${(k.potentialBalance.worstDeviation * 100).toFixed(1)}%` });
}

/** Territory KPIs as a table: one row per territory, with balance deviations. */
export const kpisCsv: ExportFormat = async (ws, selector, outPath, opts) => {
  const k = scenarioKpiTable(ws, selector);
  if (!k.ok) return k;
  const { table, summary } = k.value;
  const res = writeTextFile(outPath, opts?.overwrite, (out) => {
    out.write(csvLine(table.columns.map((c) => c.header)));
    for (const row of table.rows) out.write(csvLine(row.map(plainCell)));
  });
  if (!res.ok) return res;
  return { ok: true, value: { ...res.value, summary } };
};
