import type { TerritoryId, UnitId } from '../ids';
import type { ScenarioPayload, Territory } from '../territories/types';

/** Colours offered to new territories (first unused wins). */
const NEW_COLORS = ['#0ea5e9', '#f97316', '#22c55e', '#a855f7', '#ef4444', '#eab308', '#14b8a6', '#ec4899', '#6366f1', '#84cc16'];

/** An id "T-<n>" not used by any territory of the payload. */
export function newTerritoryId(payload: Pick<ScenarioPayload, 'territories'>): TerritoryId {
  const used = new Set(payload.territories.map((t) => t.id as string));
  let n = payload.territories.length + 1;
  while (used.has(`T-${n}`)) n++;
  return `T-${n}` as TerritoryId;
}

function freshColor(payload: Pick<ScenarioPayload, 'territories'>): string {
  const used = new Set(payload.territories.map((t) => t.color.toLowerCase()));
  return NEW_COLORS.find((c) => !used.has(c)) ?? NEW_COLORS[payload.territories.length % NEW_COLORS.length]!;
}

/** Adds an empty territory (vacant, unlocked) in a region (and area, if given). */
export function createTerritory(payload: ScenarioPayload, name: string, region: string, area = ''): { payload: ScenarioPayload; id: TerritoryId } {
  const trimmed = name.trim();
  if (!trimmed) throw new Error('A territory needs a name');
  const id = newTerritoryId(payload);
  const territory: Territory = { id, name: trimmed, color: freshColor(payload), repId: null, region, ...(area ? { area } : {}), locked: false };
  return { payload: { ...payload, territories: [...payload.territories, territory] }, id };
}

/**
 * Merges territories into keep: their units (in every alignment) and named accounts go to keep and
 * they are removed. Throws for unknown ids or when keep is among the merged.
 */
export function mergeTerritories(payload: ScenarioPayload, keep: TerritoryId, merged: readonly TerritoryId[]): ScenarioPayload {
  const ids = new Set(payload.territories.map((t) => t.id as string));
  for (const id of [keep, ...merged]) if (!ids.has(id)) throw new Error(`Unknown territory id: ${id}`);
  if (merged.includes(keep)) throw new Error(`Cannot merge ${keep} into itself`);
  const gone = new Set<string>(merged);
  const remap = (t: TerritoryId): TerritoryId => (gone.has(t) ? keep : t);
  const alignments = payload.alignments.map((a) => {
    const assignment: Record<UnitId, TerritoryId> = {};
    for (const [u, t] of Object.entries(a.assignment)) assignment[u as UnitId] = remap(t);
    return { ...a, assignment };
  });
  const accountOverrides = Object.fromEntries(Object.entries(payload.accountOverrides).map(([acc, t]) => [acc, remap(t)])) as ScenarioPayload['accountOverrides'];
  return { ...payload, territories: payload.territories.filter((t) => !gone.has(t.id)), alignments, accountOverrides };
}

/** Splits units of one alignment off territory `from` into a new territory in the same region. */
export function splitTerritory(
  payload: ScenarioPayload,
  from: TerritoryId,
  alignmentKey: string,
  unitIds: readonly string[],
  name: string,
): { payload: ScenarioPayload; id: TerritoryId; moved: number } {
  const source = payload.territories.find((t) => t.id === from);
  if (!source) throw new Error(`Unknown territory id: ${from}`);
  const ai = payload.alignments.findIndex((a) => a.key === alignmentKey);
  if (ai < 0) throw new Error(`Unknown alignment key: ${alignmentKey}`);
  const created = createTerritory(payload, name, source.region, source.area ?? '');
  const assignment = { ...payload.alignments[ai]!.assignment };
  let moved = 0;
  for (const u of unitIds) {
    if (assignment[u as UnitId] !== from) continue;
    assignment[u as UnitId] = created.id;
    moved++;
  }
  const alignments = created.payload.alignments.map((a, i) => (i === ai ? { ...a, assignment } : a));
  return { payload: { ...created.payload, alignments }, id: created.id, moved };
}

/** Sums of a territory grid's numeric columns per region (the roll-up rows of the hierarchy). */
export type RegionRollup = { region: string; territories: number; units: number; accounts: number; potential: number; revenue: number; workload: number };

/** Adds one territory row to a roll-up. */
function addRow(g: RegionRollup, r: Omit<RegionRollup, 'territories' | 'region'>): void {
  g.territories++;
  g.units += r.units;
  g.accounts += r.accounts;
  g.potential += r.potential;
  g.revenue += r.revenue;
  g.workload += r.workload;
}

/** Rolls territory rows up to regions, in first-seen region order. */
export function regionRollups(rows: readonly Omit<RegionRollup, 'territories'>[]): RegionRollup[] {
  const by = new Map<string, RegionRollup>();
  for (const r of rows) {
    const g = by.get(r.region) ?? { region: r.region, territories: 0, units: 0, accounts: 0, potential: 0, revenue: 0, workload: 0 };
    addRow(g, r);
    by.set(r.region, g);
  }
  return [...by.values()];
}

/** Roll-up of one area (the optional middle level) of a region. */
export type AreaRollup = RegionRollup & { area: string };

/** Rolls territory rows up to the areas of their regions (rows without an area are left out), first-seen order. */
export function areaRollups(rows: readonly (Omit<RegionRollup, 'territories'> & { area: string })[]): AreaRollup[] {
  const by = new Map<string, AreaRollup>();
  for (const r of rows) {
    if (!r.area) continue;
    const key = `${r.region}\u0000${r.area}`;
    const g = by.get(key) ?? { region: r.region, area: r.area, territories: 0, units: 0, accounts: 0, potential: 0, revenue: 0, workload: 0 };
    addRow(g, r);
    by.set(key, g);
  }
  return [...by.values()];
}
