import type { RoutingRun } from '../../../shared/contracts/api/rules-api';
import type { ScenarioVersion } from '../../../shared/contracts/app-api';
import { err, ok, type Result } from '../../../shared/contracts/result';
import { assignedUnitKey } from '../../../shared/domain/geo/mixed-geography';
import { readCsvTable } from '../../../shared/domain/import/csv-reader';
import { placeAddress, stateAbbr } from '../../../shared/domain/import/geocode';
import { repLabel, type AssigneeNames } from '../../../shared/domain/labels';
import { coverageReport } from '../../../shared/domain/rules/coverage';
import { routeLeads } from '../../../shared/domain/rules/evaluate';
import { mapLeadHeaders, readLeadRows, routedCsv, type LeadRow } from '../../../shared/domain/rules/leads-csv';
import type { RuleSet } from '../../../shared/domain/rules/types';
import { alignmentIndexForSegment } from '../../../shared/domain/territories/resolve';
import { usGazetteer } from '../import/gazetteer';
import { workspaceLocator } from '../import/record-store';
import type { Workspace } from '../workspace';
import { readCursors, rulesOf, writeCursors } from './rules-store';

/**
 * Resolves each lead's territory through its geo unit: the lead is placed like an import record (its
 * coordinates, else ZIP centroid, else city, else county), located in a unit (point in polygon), and the
 * unit's territory is read from the alignment the lead's segment follows. State-only placements are too
 * coarse for a unit, so those leads keep territory null, as do leads in a split county without a ZIP of it.
 * A missing state is taken from the unit's parent.
 */
export function placeLeads(ws: Workspace, payload: ScenarioVersion['payload'], rows: LeadRow[]): { unplaced: number } {
  const units = ws.units();
  const locator = workspaceLocator(ws);
  const gaz = locator ? usGazetteer() : null;
  let unplaced = 0;
  for (const { lead, address } of rows) {
    const placed = gaz ? placeAddress(address, gaz) : null;
    const unit = placed && locator && placed.placement !== 'none' && placed.placement !== 'state' ? locator.locate(placed.x, placed.y, { zip: address.zip }) : -1;
    if (unit < 0) {
      unplaced++;
      continue;
    }
    const unitId = units.ids[unit]!;
    if (!lead.state && units.kind === 'county') lead.state = stateAbbr(units.parents[unit] ?? '');
    const alignment = payload.alignments[alignmentIndexForSegment(payload, lead.segment)];
    // In a county the scenario split into ZIP areas, the lead follows its ZIP's area (a ZIP lies in the county holding its centroid).
    const key = assignedUnitKey(unitId, address.zip ?? '', payload.splitUnits, (zip) => {
      const c = gaz?.zip(zip);
      const u = c && locator ? locator.locate(c[0], c[1]) : -1;
      return u >= 0 ? units.ids[u] : undefined;
    });
    if (key === null) {
      unplaced++;
      continue;
    }
    lead.territoryId = alignment?.assignment[key] ?? null;
  }
  return { unplaced };
}

/** Rep and territory names of a scenario (reps by the workspace's rep list). */
export function assigneeNames(ws: Workspace, payload: ScenarioVersion['payload']): AssigneeNames {
  const repNames = new Map(ws.reps().map((r) => [r.id as string, r.name]));
  const reps: Record<string, string> = {};
  for (const t of payload.territories) if (t.repId) reps[t.repId] = repLabel(t.repId, repNames);
  for (const r of ws.reps()) reps[r.id] = r.name;
  return { reps, territories: Object.fromEntries(payload.territories.map((t) => [t.id, t.name])) };
}

/** Options of a routing run. */
export type RouteOptions = { rules?: RuleSet; commit: boolean; maxRows?: number };

/** Routes a leads CSV through a scenario version's rules (or a draft); commit saves the round-robin cursors. */
export function routeCsvText(ws: Workspace, version: ScenarioVersion, text: string, opts: RouteOptions): Result<RoutingRun, 'invalid'> {
  const started = performance.now();
  const rules = opts.rules ?? rulesOf(version.payload).rules;
  const table = readCsvTable(text);
  if (!table.ok) return err('invalid', table.message);
  const { headers, rows } = table.value;
  if (headers.length === 0) return err('invalid', 'The leads CSV is empty.');
  const mapped = mapLeadHeaders(headers);
  if (!mapped.ok) return err('invalid', mapped.message);
  const { leads, rejected } = readLeadRows(rows, mapped.columns);
  const { unplaced } = placeLeads(ws, version.payload, leads);
  const territoryRep = new Map(version.payload.territories.map((t) => [t.id as string, t.repId as string | null]));
  const names = assigneeNames(ws, version.payload);
  const route = (): RoutingRun => {
    const before = readCursors(ws.db, version.scenarioId);
    const run = routeLeads(rules, leads.map((l) => l.lead), { territoryRep, names }, before);
    if (opts.commit) writeCursors(ws.db, version.scenarioId, run.state);
    const byLine = new Map(leads.map((l, i) => [l.line, run.routed[i]!]));
    return {
      ref: { scenarioId: version.scenarioId, version: version.version },
      leads: leads.length,
      rejected,
      unplaced,
      routed: run.routed.slice(0, opts.maxRows ?? run.routed.length),
      coverage: coverageReport(rules, run.routed, run.stats),
      csv: routedCsv(headers, rows, byLine),
      ms: 0,
      committed: opts.commit,
      names,
    };
  };
  // Read cursors, route and write them back in one transaction so two runs never hand out the same turn.
  const run = opts.commit && !ws.readOnly ? ws.db.transaction(route).immediate() : route();
  return ok({ ...run, committed: opts.commit && !ws.readOnly, ms: Math.round(performance.now() - started) });
}
