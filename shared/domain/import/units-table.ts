import type { MeasureDef, UnitEdges, UnitsTable } from '../dataset/types';
import type { TerritoryId, UnitId } from '../ids';
import type { ScenarioPayload } from '../territories/types';
import { clip, parseNumber } from './parse-values';
import type { ImportIssue } from './types';

/** Attributes of custom units that are not measures. */
export type UnitAttributes = { territory: string[]; locked: boolean[]; center: boolean[] };

/** Units read from a units CSV (or GeoJSON properties), with every rejected or repaired row reported. */
export type ParsedUnits = { units: UnitsTable; attrs: UnitAttributes; issues: ImportIssue[]; ignoredColumns: string[] };

const RESERVED = new Set(['id', 'name', 'parent', 'x', 'y', 'lon', 'lng', 'longitude', 'lat', 'latitude', 'center', 'territory', 'locked']);
const truthy = (s: string) => /^(1|true|yes|y|x)$/i.test(s.trim());

/**
 * Reads unit rows given as records (header -> cell): `id`, `x,y` or `lon,lat` (optional when points come
 * from polygons), numeric columns as measures (a column is a measure when at least 80% of its filled cells
 * are numbers; the rest are repaired to 0 and reported), optional `name`, `parent`, `center`, `territory`, `locked`.
 */
export function parseUnitRecords(records: readonly Record<string, string>[], firstLine: number, points?: readonly (readonly [number, number])[]): ParsedUnits {
  const issues: ImportIssue[] = [];
  const headers = records.length ? Object.keys(records[0]!) : [];
  const pick = (...names: string[]) => headers.find((h) => names.includes(h.trim().toLowerCase()));
  const xCol = pick('x', 'lon', 'lng', 'longitude');
  const yCol = pick('y', 'lat', 'latitude');
  const idCol = pick('id');
  const candidates = headers.filter((h) => !RESERVED.has(h.trim().toLowerCase()));
  const measureCols = candidates.filter((h) => {
    const filled = records.map((r) => r[h] ?? '').filter((c) => c.trim() !== '');
    return filled.length > 0 && filled.filter((c) => parseNumber(c).ok).length >= 0.8 * filled.length;
  });
  const measureDefs: MeasureDef[] = measureCols.map((h) => ({ key: h.trim(), label: h.trim(), unit: '', source: 'imported units' }));
  const units: UnitsTable = { kind: 'custom', ids: [], names: [], parents: [], x: [], y: [], measures: Object.fromEntries(measureDefs.map((m) => [m.key, []])), measureDefs };
  const attrs: UnitAttributes = { territory: [], locked: [], center: [] };
  const seen = new Set<string>();
  records.forEach((r, i) => {
    const line = firstLine + i;
    const reject = (column: string | null, reason: string) => issues.push({ line, column, code: reason.startsWith('missing') ? 'missing-id' : reason.includes('again') ? 'duplicate-id' : 'bad-value', action: 'rejected', reason });
    const id = idCol ? (r[idCol] ?? '').trim() : '';
    if (!id) return reject(idCol ?? 'id', 'missing id');
    if (seen.has(id)) return reject(idCol!, `id "${clip(id)}" appears again; the first row with it was imported`);
    let x: number;
    let y: number;
    if (points) [x, y] = points[i]!;
    else {
      const px = parseNumber(xCol ? (r[xCol] ?? '') : '');
      const py = parseNumber(yCol ? (r[yCol] ?? '') : '');
      if (!px.ok || !py.ok) return reject(!px.ok ? (xCol ?? 'x') : (yCol ?? 'y'), `no valid coordinates (${!px.ok ? px.reason : (py as { reason: string }).reason})`);
      [x, y] = [px.value, py.value];
    }
    seen.add(id);
    units.ids.push(id as UnitId);
    units.names.push(r[pick('name') ?? '']?.trim() || id);
    units.parents.push(r[pick('parent') ?? '']?.trim() ?? '');
    units.x.push(x);
    units.y.push(y);
    for (const h of measureCols) {
      const cell = r[h] ?? '';
      const n = cell.trim() === '' ? ({ ok: true, value: 0 } as const) : parseNumber(cell);
      if (!n.ok) issues.push({ line, column: h, code: 'bad-number', action: 'repaired', reason: `${n.reason}; read as 0` });
      units.measures[h.trim()]!.push(n.ok ? n.value : 0);
    }
    attrs.territory.push((r[pick('territory') ?? ''] ?? '').trim());
    attrs.locked.push(truthy(r[pick('locked') ?? ''] ?? ''));
    attrs.center.push(truthy(r[pick('center') ?? ''] ?? ''));
  });
  return { units, attrs, issues, ignoredColumns: candidates.filter((h) => !measureCols.includes(h)) };
}

/** Reads edges rows `from,to[,distance]` against unit ids; unknown ids and self loops are rejected. */
export function parseEdgeRecords(records: readonly Record<string, string>[], firstLine: number, unitIds: readonly string[]): { edges: UnitEdges; distance: (number | null)[]; issues: ImportIssue[] } {
  const index = new Map(unitIds.map((id, i) => [id, i]));
  const edges: UnitEdges = { a: [], b: [] };
  const distance: (number | null)[] = [];
  const issues: ImportIssue[] = [];
  const seen = new Set<string>();
  records.forEach((r, i) => {
    const line = firstLine + i;
    const from = (r.from ?? '').trim();
    const to = (r.to ?? '').trim();
    const a = index.get(from);
    const b = index.get(to);
    if (a === undefined || b === undefined) {
      issues.push({ line, column: a === undefined ? 'from' : 'to', code: 'bad-value', action: 'rejected', reason: `unknown unit "${clip(a === undefined ? from : to)}"` });
      return;
    }
    if (a === b) return void issues.push({ line, column: 'to', code: 'bad-value', action: 'rejected', reason: `edge from "${clip(from)}" to itself` });
    const key = a < b ? `${a}|${b}` : `${b}|${a}`;
    if (seen.has(key)) return;
    seen.add(key);
    const d = r.distance !== undefined && r.distance.trim() !== '' ? parseNumber(r.distance) : null;
    if (d && !d.ok) issues.push({ line, column: 'distance', code: 'bad-number', action: 'repaired', reason: `${d.reason}; distance left to the engine` });
    edges.a.push(Math.min(a, b));
    edges.b.push(Math.max(a, b));
    distance.push(d && d.ok ? d.value : null);
  });
  return { edges, distance, issues };
}

const PALETTE = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf'];

/** A starting scenario from a `territory` column (null when no unit names one), with locks and centres. */
export function scenarioFromAttributes(units: UnitsTable, attrs: UnitAttributes): ScenarioPayload | null {
  const names = [...new Set(attrs.territory.filter((t) => t !== ''))].sort((p, q) => p.localeCompare(q, 'en', { numeric: true }));
  if (names.length === 0) return null;
  const assignment: Record<UnitId, TerritoryId> = {};
  units.ids.forEach((id, i) => {
    if (attrs.territory[i]) assignment[id] = attrs.territory[i] as TerritoryId;
  });
  return {
    schemaVersion: 1,
    territories: names.map((t, i) => ({ id: t as TerritoryId, name: t, color: PALETTE[i % PALETTE.length]!, repId: null, region: '', locked: false })),
    alignments: [{ key: 'default', label: 'Default', segments: [], assignment }],
    accountOverrides: {},
    lockedUnits: units.ids.filter((_, i) => attrs.locked[i]),
    settings: { origin: 'import', centers: units.ids.filter((_, i) => attrs.center[i]) },
  };
}

/** Turns parsed CSV rows (header first) into records keyed by header, for the parsers above. */
export function rowsToRecords(rows: readonly (readonly string[])[]): Record<string, string>[] {
  const [head, ...body] = rows;
  if (!head) return [];
  return body.filter((r) => !(r.length === 1 && r[0]!.trim() === '')).map((r) => Object.fromEntries(head.map((h, i) => [h.trim(), r[i] ?? ''])));
}
