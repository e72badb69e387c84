import { haversineKm } from '../geo/distance';
import type { AccountId, TerritoryId, UnitId } from '../ids';
import { indexAlignment, resolveAccountTerritories } from '../territories/resolve';
import type { ScenarioPayload } from '../territories/types';
import type { AccountsTable, Rep } from './types';

/** Territory index of every account under a payload (override, else its segment's alignment), -1 when none. */
export function accountTerritories(payload: ScenarioPayload, unitIds: readonly UnitId[], accounts: AccountsTable): Int32Array {
  const ix = indexAlignment(payload, unitIds, accounts);
  return resolveAccountTerritories(Int32Array.from(accounts.unitIndex), ix.accountAlignment, ix.accountOverride, ix.unitTerritory);
}

/**
 * Named accounts for the demo: the `count` Mid-Market accounts with the most revenue, each kept by the
 * field territory whose rep lives nearest other than its own (a rep who "brought the relationship").
 */
export function pickNamedAccounts(
  payload: ScenarioPayload,
  unitIds: readonly UnitId[],
  accounts: AccountsTable,
  reps: readonly Rep[],
  count: number,
): Record<AccountId, TerritoryId> {
  const terr = accountTerritories(payload, unitIds, accounts);
  const repById = new Map(reps.map((r) => [r.id as string, r]));
  // Field territories only: enterprise territories are not where a Mid-Market account would be moved.
  const defaultKey = payload.alignments.find((a) => a.segments.length === 0)?.key;
  const field = new Set(Object.values(payload.alignments.find((a) => a.key === defaultKey)?.assignment ?? {}));
  const candidates = payload.territories.filter((t) => field.has(t.id) && t.repId && repById.has(t.repId));
  const order = accounts.ids
    .map((_, i) => i)
    .filter((i) => accounts.segment[i] === 'Mid-Market' && accounts.revenue[i]! > 0 && terr[i]! >= 0)
    .sort((a, b) => accounts.revenue[b]! - accounts.revenue[a]! || a - b);
  const out: Record<AccountId, TerritoryId> = {};
  for (const i of order.slice(0, count)) {
    const own = payload.territories[terr[i]!]!.id;
    let best: TerritoryId | null = null;
    let bestD = Infinity;
    for (const t of candidates) {
      if (t.id === own) continue;
      const r = repById.get(t.repId!)!;
      const d = haversineKm(accounts.x[i]!, accounts.y[i]!, r.homeX, r.homeY);
      if (d < bestD) [best, bestD] = [t.id, d];
    }
    if (best) out[accounts.ids[i]!] = best;
  }
  return out;
}

/** Owner rep id of every account = the rep of its territory under the payload ('' when none). */
export function ownersFromPayload(payload: ScenarioPayload, unitIds: readonly UnitId[], accounts: AccountsTable): string[] {
  const terr = accountTerritories(payload, unitIds, accounts);
  return Array.from(terr, (t) => (t >= 0 ? (payload.territories[t]!.repId ?? '') : ''));
}
