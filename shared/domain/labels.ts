import type { GeoKind } from './dataset/types';

/**
 * What a person reads instead of an id: units, territories, reps and accounts by name. Ids stay in CRM exports,
 * next to these labels; everything shown on screen or in the report goes through here.
 */

/** A unit as read: counties by their name ("Los Angeles County, CA"), ZIPs as "ZIP 90012, Los Angeles". */
export function unitLabel(kind: GeoKind, id: string, name: string | undefined): string {
  const n = name?.trim() ?? '';
  if (kind === 'zip') return n && n !== id ? `ZIP ${id}, ${n}` : `ZIP ${id}`;
  return n || `Unit ${id}`;
}

/** A territory as read: its name; a territory not in the scenario (or no territory) says so instead of showing an id. */
export function territoryLabel(id: string | null, names: ReadonlyMap<string, string>): string {
  if (id === null) return 'No territory';
  const n = names.get(id)?.trim();
  return n || `Unnamed territory (${id})`;
}

/** A rep as read: the name; null is a vacant territory (no rep); an unknown id is named as such. */
export function repLabel(id: string | null, names: ReadonlyMap<string, string>): string {
  if (id === null || id === '') return 'Vacant (no rep)';
  const n = names.get(id)?.trim();
  return n || `Unknown rep (${id})`;
}

/** An account as read: its name, the id only when it has none. */
export function accountLabel(id: string, name: string | undefined): string {
  const n = name?.trim();
  return n || `Account ${id}`;
}

/** Labels for the ids a view shows, keyed by id (territories per scenario, since scenarios may name an id differently). */
export type Labels = {
  units: Record<string, string>;
  accounts: Record<string, string>;
  reps: Record<string, string>;
  /** One map per scenario, aligned with the scenarios shown. */
  territories: Record<string, string>[];
};

const NONE: ReadonlyMap<string, string> = new Map();

function pick(map: Record<string, string> | undefined, id: string | null): string | undefined {
  return id !== null && map && Object.hasOwn(map, id) ? map[id] : undefined;
}

/** A unit's label from a Labels set ("Unit <id>" when it is not there). */
export function unitFrom(l: Labels, id: string): string {
  return pick(l.units, id) ?? `Unit ${id}`;
}

/** A rep's label from a Labels set, with repLabel's rule for vacant and unknown reps. */
export function repFrom(l: Labels, id: string | null): string {
  return pick(l.reps, id) ?? repLabel(id, NONE);
}

/** An account's label from a Labels set. */
export function accountFrom(l: Labels, id: string): string {
  return pick(l.accounts, id) ?? accountLabel(id, undefined);
}

/** A territory's label in scenario i of a Labels set, with territoryLabel's rule for none and unknown. */
export function territoryFrom(l: Labels, scenario: number, id: string | null): string {
  return pick(l.territories[scenario], id) ?? territoryLabel(id, NONE);
}

/** Names of the reps and territories a routing run can assign to. */
export type AssigneeNames = { reps: Record<string, string>; territories: Record<string, string> };

/** Who a lead went to, as read: "Dana Kim (CA South)", "CA South (no rep)", or "Queue: Unassigned leads". */
export function assigneeLabel(a: { territoryId: string | null; repId: string | null; queue: string | null }, names: AssigneeNames): string {
  const l: Labels = { units: {}, accounts: {}, reps: names.reps, territories: [names.territories] };
  if (a.repId) return a.territoryId ? `${repFrom(l, a.repId)} (${territoryFrom(l, 0, a.territoryId)})` : repFrom(l, a.repId);
  if (a.territoryId) return `${territoryFrom(l, 0, a.territoryId)} (no rep)`;
  return `Queue: ${a.queue ?? 'none'}`;
}
