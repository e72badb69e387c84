// Writes a balancing result back into a scenario payload: territory identities (the naming rule), named accounts of
// territories that no longer exist, and which territories keep their rep and region.
import { territoryColor } from '../dataset/demo-alignment';
import type { AccountId, RepId, TerritoryId, UnitId } from '../ids';
import { alignmentIndexForSegment } from '../territories/resolve';
import type { ScenarioPayload, Territory } from '../territories/types';
import type { BalanceDataset, PreparedBalance } from './from-dataset';
import type { BalanceResult } from './types';

/**
 * A new territory keeps an old territory's identity (id, name, colour, rep, region) when it holds at least this
 * share of the old territory's accounts AND the old territory's accounts are at least this share of its own: both
 * ways, so a territory five times larger than the old one (most of the West) does not carry its name ("AL").
 */
export const KEEP_IDENTITY_SHARE = 0.5;

/** A named account whose territory no longer exists, moved to the territory of its unit. */
export type ReassignedAccount = { accountId: AccountId; accountName: string; from: string; to: string | null };

/** What applying a result changed besides the assignment, for the run report. */
export type BalanceApplied = {
  payload: ScenarioPayload;
  /** Territory id and name per engine territory index. */
  territories: { id: TerritoryId; name: string; kept: boolean }[];
  /** Old territories of the balanced alignment that no longer exist (no new territory holds most of them). */
  removed: { id: TerritoryId; name: string }[];
  reassigned: ReassignedAccount[];
  /** New territories with no rep (their shapes match no old territory): offer Match reps. */
  unstaffed: string[];
  /** The other alignments (e.g. an Enterprise overlay), unchanged, reported separately. */
  untouched: { label: string; territories: number; names: string[] }[];
};

type Dataset = { accounts: Pick<BalanceDataset['accounts'], 'ids' | 'unitIndex' | 'segment'> & { names?: readonly string[] } };

/**
 * Old territory (by id) whose identity each new territory keeps in a design run: the old territory with the largest
 * share of its accounts (by their units; units when it has no accounts) inside the new territory, if that share is at
 * least KEEP_IDENTITY_SHARE and the old territory also makes up at least that share of the new one (counted over the
 * accounts, or units, that had an old territory); pairs are taken by largest share first, so no identity is given
 * twice (a 50/50 split keeps it once).
 */
export function keptIdentities(
  data: Dataset, payload: ScenarioPayload, alignmentIndex: number, unitIds: readonly string[], assignment: Int32Array, k: number,
): (TerritoryId | null)[] {
  const old = payload.alignments[alignmentIndex]?.assignment ?? {};
  const oldIds = [...new Set<string>(Object.values(old))];
  const oIndex = new Map(oldIds.map((id, i) => [id, i]));
  const unitOld = Int32Array.from(unitIds, (id) => oIndex.get(old[id as UnitId] ?? '') ?? -1);
  const O = oldIds.length;
  const byAccounts = new Float64Array(O * k); const accTotal = new Float64Array(O);
  const byUnits = new Float64Array(O * k); const unitTotal = new Float64Array(O);
  for (let u = 0; u < unitIds.length; u++) {
    const o = unitOld[u]!; const t = assignment[u]!;
    if (o < 0) continue;
    unitTotal[o]!++;
    if (t >= 0 && t < k) byUnits[o * k + t]!++;
  }
  const segCache = new Map<string, boolean>();
  const acc = data.accounts;
  for (let i = 0; i < acc.ids.length; i++) {
    const u = acc.unitIndex[i]!;
    if (u < 0 || u >= unitIds.length) continue;
    const override = payload.accountOverrides[acc.ids[i]!];
    let o: number;
    if (override !== undefined) o = oIndex.get(override) ?? -1;
    else {
      const seg = acc.segment[i] ?? '';
      let follows = segCache.get(seg);
      if (follows === undefined) segCache.set(seg, (follows = alignmentIndexForSegment(payload, seg) === alignmentIndex));
      o = follows ? unitOld[u]! : -1;
    }
    if (o < 0) continue;
    accTotal[o]!++;
    const t = assignment[u]!;
    if (t >= 0 && t < k) byAccounts[o * k + t]!++;
  }
  // Greedy by share: each old identity goes to at most one new territory and each new territory takes at most one.
  const pairs: { o: number; t: number; share: number; count: number }[] = [];
  const newAcc = new Float64Array(k); const newUnits = new Float64Array(k);
  for (let o = 0; o < O; o++) {
    for (let t = 0; t < k; t++) {
      newAcc[t]! += byAccounts[o * k + t]!;
      newUnits[t]! += byUnits[o * k + t]!;
    }
  }
  for (let o = 0; o < O; o++) {
    const [counts, total] = accTotal[o]! > 0 ? [byAccounts, accTotal[o]!] : [byUnits, unitTotal[o]!];
    if (total === 0) continue;
    for (let t = 0; t < k; t++) {
      const share = counts[o * k + t]! / total;
      const newTotal = counts === byAccounts ? newAcc[t]! : newUnits[t]!;
      const reverse = newTotal > 0 ? counts[o * k + t]! / newTotal : 0;
      if (share >= KEEP_IDENTITY_SHARE && reverse >= KEEP_IDENTITY_SHARE) pairs.push({ o, t, share, count: counts[o * k + t]! });
    }
  }
  pairs.sort((a, b) => b.share - a.share || b.count - a.count || a.o - b.o || a.t - b.t);
  const out: (TerritoryId | null)[] = new Array<TerritoryId | null>(k).fill(null);
  const used = new Uint8Array(O);
  for (const p of pairs) {
    if (used[p.o] || out[p.t] !== null) continue;
    used[p.o] = 1;
    out[p.t] = oldIds[p.o]! as TerritoryId;
  }
  return out;
}

/**
 * Writes a result back: the balanced alignment gets the new assignment. Rebalancing keeps territories by index; a
 * design keeps an old territory (id, name, colour, rep, region) only for the new territory holding most of it
 * (keptIdentities), the others are new, neutrally named and without rep or region. Old territories of the alignment
 * that no longer exist are removed unless another alignment still assigns units to them; their named accounts move
 * to the territory of their unit in the new alignment and are listed in `reassigned`.
 */
export function applyBalanceResult(
  data: Dataset, payload: ScenarioPayload, prepared: Pick<PreparedBalance, 'alignmentIndex' | 'territoryIds' | 'input'>,
  result: Pick<BalanceResult, 'assignment'>, settings: Record<string, unknown> = {},
): BalanceApplied {
  const ids = prepared.input.ids ?? [];
  const k = prepared.territoryIds.length;
  const design = !prepared.input.baseline;
  const keep = design ? keptIdentities(data, payload, prepared.alignmentIndex, ids, result.assignment, k) : prepared.territoryIds;
  const byId = new Map(payload.territories.map((t) => [t.id as string, t]));
  const taken = new Set(payload.territories.map((t) => t.id as string));
  const names = new Set(payload.territories.map((t) => t.name));
  let nextId = 1; let nextName = 1;
  const created: Territory[] = [];
  const finalIds: TerritoryId[] = keep.map((id, t) => {
    if (id) return id;
    while (taken.has(`T-${nextId}`)) nextId++;
    while (names.has(`Territory ${nextName}`)) nextName++;
    const nid = `T-${nextId}` as TerritoryId;
    const name = `Territory ${nextName}`;
    taken.add(nid); names.add(name);
    created.push({ id: nid, name, color: territoryColor(payload.territories.length + created.length + t), repId: null as RepId | null, region: 'Unassigned', locked: false });
    return nid;
  });
  const assignment: Record<UnitId, TerritoryId> = {};
  const unitIndex = new Map<string, number>();
  for (let u = 0; u < result.assignment.length; u++) {
    const t = result.assignment[u]!;
    unitIndex.set(ids[u]!, u);
    if (t >= 0 && t < k) assignment[ids[u]! as UnitId] = finalIds[t]!;
  }
  const alignments = payload.alignments.map((a, i) => (i === prepared.alignmentIndex ? { ...a, assignment } : a));
  const stillUsed = new Set<string>();
  for (const a of alignments) for (const t of Object.values(a.assignment)) stillUsed.add(t);
  const before = new Set<string>(Object.values(payload.alignments[prepared.alignmentIndex]?.assignment ?? {}));
  const removedIds = new Set([...before].filter((id) => !stillUsed.has(id)));
  const accountRow = new Map<string, number>(data.accounts.ids.map((id, i) => [id, i]));
  const accountOverrides = { ...payload.accountOverrides };
  const reassigned: ReassignedAccount[] = [];
  for (const [accountId, to] of Object.entries(payload.accountOverrides) as [AccountId, TerritoryId][]) {
    if (!removedIds.has(to)) continue;
    const i = accountRow.get(accountId);
    const u = i === undefined ? -1 : data.accounts.unitIndex[i]!;
    const unitId = u >= 0 ? ids[u] : undefined;
    const next = unitId !== undefined && unitIndex.has(unitId) ? assignment[unitId as UnitId] : undefined;
    if (next) accountOverrides[accountId] = next;
    else delete accountOverrides[accountId];
    reassigned.push({ accountId, accountName: (i !== undefined ? data.accounts.names?.[i] : undefined) ?? accountId, from: byId.get(to)?.name ?? to, to: next ?? null });
  }
  const territories = [...payload.territories.filter((t) => !removedIds.has(t.id)), ...created];
  const nameOf = new Map(territories.map((t) => [t.id as string, t]));
  for (const r of reassigned) if (r.to) r.to = nameOf.get(r.to)?.name ?? r.to;
  return {
    payload: { ...payload, territories, alignments, accountOverrides, settings: { ...payload.settings, ...settings } },
    territories: finalIds.map((id, t) => ({ id, name: nameOf.get(id)!.name, kept: keep[t] !== null })),
    removed: [...removedIds].map((id) => ({ id: id as TerritoryId, name: byId.get(id)?.name ?? id })),
    reassigned,
    unstaffed: finalIds.filter((id) => !nameOf.get(id)!.repId).map((id) => nameOf.get(id)!.name),
    untouched: alignments.flatMap((a, i) => {
      if (i === prepared.alignmentIndex) return [];
      const used = [...new Set<string>(Object.values(a.assignment))];
      return [{ label: a.label, territories: used.length, names: used.map((id) => nameOf.get(id)?.name ?? id) }];
    }),
  };
}
