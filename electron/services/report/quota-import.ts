import type { ScenarioVersion, VersionRef } from '../../../shared/contracts/app-api';
import { err, ok, type Result } from '../../../shared/contracts/result';
import type { ScenarioId } from '../../../shared/domain/ids';
import type { DashboardSettings, QuotaSettings } from '../../../shared/domain/kpi/dashboard';
import type { DistanceUnit, TravelSettings } from '../../../shared/domain/kpi/travel';
import { readCsvTable } from '../../../shared/domain/import/csv-reader';
import { parseNumber } from '../../../shared/domain/import/parse-values';
import { appendVersion } from '../../db/scenario-repo';
import { currentAuthor, type Workspace } from '../workspace';
import { dashboardSettings } from './dashboard-service';

/**
 * Reads a quota CSV (header `territory,quota` or `rep,quota`; ids or names) into imported quotas. Unknown
 * territories or reps and non-numeric quotas are reported by line; nothing is saved when any row is bad.
 */
export function readQuotaCsv(text: string, version: ScenarioVersion, reps: readonly { id: string; name: string }[]): Result<QuotaSettings, 'invalid'> {
  const table = readCsvTable(text);
  if (!table.ok) return err('invalid', table.message);
  const { headers, rows } = table.value;
  const h = headers.map((x) => x.trim().toLowerCase());
  const q = h.indexOf('quota');
  const t = h.findIndex((x) => x === 'territory' || x === 'territory id');
  const r = h.findIndex((x) => x === 'rep' || x === 'rep id');
  if (q < 0 || (t < 0 && r < 0)) return err('invalid', `The quota CSV needs a quota column and a territory or rep column; found ${headers.join(', ')}`);
  const territory = new Map(version.payload.territories.flatMap((x) => [[x.id.toLowerCase(), x.id], [x.name.toLowerCase(), x.id]] as [string, string][]));
  const rep = new Map(reps.flatMap((x) => [[x.id.toLowerCase(), x.id], [x.name.toLowerCase(), x.id]] as [string, string][]));
  const out: QuotaSettings = { mode: 'imported', byTerritory: {}, byRep: {} };
  const problems: string[] = [];
  for (const { cells: row, line } of rows) {
    const parsed = parseNumber(row[q] ?? '');
    const value = parsed.ok ? parsed.value : NaN;
    if (!Number.isFinite(value) || value < 0) {
      problems.push(`line ${line}: quota "${row[q] ?? ''}" is not a number`);
      continue;
    }
    const tKey = t >= 0 ? (row[t] ?? '').trim() : '';
    const rKey = r >= 0 ? (row[r] ?? '').trim() : '';
    if (tKey) {
      const id = territory.get(tKey.toLowerCase());
      if (id) out.byTerritory![id] = value;
      else problems.push(`line ${line}: unknown territory ${tKey}`);
    } else if (rKey) {
      const id = rep.get(rKey.toLowerCase());
      if (id) out.byRep![id] = value;
      else problems.push(`line ${line}: unknown rep ${rKey}`);
    } else problems.push(`line ${line}: no territory or rep`);
  }
  return problems.length ? err('invalid', problems[0]!, problems) : ok(out);
}

/** Saves part of the scenario's dashboard settings as a new version; null when the base is stale. */
function saveDashboardSettings(ws: Workspace, version: ScenarioVersion, patch: Partial<DashboardSettings>, note: string): VersionRef | null {
  const settings = { ...dashboardSettings(version.payload), ...patch };
  const payload = { ...version.payload, settings: { ...version.payload.settings, dashboard: settings } };
  return appendVersion(ws.db, version.scenarioId as ScenarioId, version.version, payload, currentAuthor(), note);
}

/** Saves imported quotas into the scenario's dashboard settings as a new version; null when the base is stale. */
export function saveQuotas(ws: Workspace, version: ScenarioVersion, quotas: QuotaSettings): VersionRef | null {
  return saveDashboardSettings(ws, version, { quotas }, `Imported quotas (${Object.keys(quotas.byTerritory ?? {}).length} territories, ${Object.keys(quotas.byRep ?? {}).length} reps)`);
}

/** Checks travel settings from the command line: unit km or mi, 1..50 accounts per day trip. */
export function checkTravelSettings(unit: string | undefined, visits: number | undefined, current: TravelSettings): Result<TravelSettings, 'invalid'> {
  if (unit !== undefined && unit !== 'km' && unit !== 'mi') return err('invalid', `Distance unit must be km or mi, got "${unit}"`);
  if (visits !== undefined && !(Number.isInteger(visits) && visits >= 1 && visits <= 50)) return err('invalid', `Visits per day trip must be a whole number from 1 to 50, got ${visits}`);
  return ok({ distanceUnit: (unit as DistanceUnit | undefined) ?? current.distanceUnit, visitsPerTrip: visits ?? current.visitsPerTrip });
}

/** Saves travel settings (distance unit, visits per day trip) into the scenario's dashboard settings as a new version; null when the base is stale. */
export function saveTravelSettings(ws: Workspace, version: ScenarioVersion, travel: TravelSettings): VersionRef | null {
  return saveDashboardSettings(ws, version, { travel }, `Travel settings: distances in ${travel.distanceUnit}, ${travel.visitsPerTrip} accounts per day trip`);
}
