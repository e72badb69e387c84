import type { AccountsTable, Rep } from '../dataset/types';
import type { RepProfile, TerritoryProfile } from './rep-match';

const SENIORITY: Record<Rep['seniority'], number> = { junior: 0, mid: 0.5, senior: 1 };

/** Rep profiles for matching: home point, full expertise in each listed industry, languages, seniority 0/0.5/1. */
export function repProfiles(reps: readonly Rep[]): RepProfile[] {
  return reps.map((r) => ({
    id: r.id, homeX: r.homeX, homeY: r.homeY, languages: r.languages, seniority: SENIORITY[r.seniority],
    industries: Object.fromEntries(r.industries.map((i) => [i, 1])),
  }));
}

/** A rep that Match reps left without a territory, and why, in words. */
export type SkippedRep = { id: string; name: string; reason: string };

/**
 * Reps Match reps can weigh (those with a home) and the ones it leaves out, named with the reason: a rep the
 * import could not place (no address and no office) has no home to measure travel from.
 */
export function matchableReps(reps: readonly Rep[]): { reps: Rep[]; skipped: SkippedRep[] } {
  const out: Rep[] = [];
  const skipped: SkippedRep[] = [];
  for (const r of reps) {
    if (r.placement === 'none') skipped.push({ id: r.id, name: r.name, reason: 'no home location: the import found no address or office for them (import the reps again with an address or an office city and state)' });
    else out.push(r);
  }
  return { reps: out, skipped };
}

/** The reason for each rep the matcher assigned no territory because there were more reps than territories to match. */
export function surplusReps(unmatched: readonly string[], reps: readonly Rep[], repCount: number, territoryCount: number): SkippedRep[] {
  const byId = new Map(reps.map((r) => [r.id as string, r]));
  const why = `${repCount} reps for ${territoryCount} ${territoryCount === 1 ? 'territory' : 'territories'} with accounts: each territory went to a rep who fits it better`;
  return unmatched.map((id) => ({ id, name: byId.get(id)?.name ?? id, reason: why }));
}

/**
 * Territory profiles from the accounts resolved to each territory: potential-weighted centre (plain mean when a
 * territory has no potential), share of potential per industry, and total potential. Territories without accounts
 * are left out (nothing to match on).
 */
export function territoryProfiles(
  territoryCount: number,
  accounts: Pick<AccountsTable, 'x' | 'y' | 'potential' | 'industry'> & { placement?: AccountsTable['placement'] },
  accountTerritory: Int32Array,
): TerritoryProfile[] {
  const sx = new Float64Array(territoryCount); const sy = new Float64Array(territoryCount);
  const mx = new Float64Array(territoryCount); const my = new Float64Array(territoryCount);
  const pot = new Float64Array(territoryCount); const count = new Int32Array(territoryCount);
  const located = new Float64Array(territoryCount);
  const mix: Record<string, number>[] = Array.from({ length: territoryCount }, () => ({}));
  for (let i = 0; i < accountTerritory.length; i++) {
    const t = accountTerritory[i]!;
    if (t < 0 || t >= territoryCount) continue;
    const p = Math.max(0, accounts.potential[i] ?? 0);
    pot[t]! += p;
    const ind = accounts.industry[i] ?? '';
    mix[t]![ind] = (mix[t]![ind] ?? 0) + p;
    // An account the import could not place (stored at 0,0) must not pull the territory centre.
    if (accounts.placement?.[i] === 'none') continue;
    const x = accounts.x[i]!; const y = accounts.y[i]!;
    sx[t]! += p * x; sy[t]! += p * y; mx[t]! += x; my[t]! += y; count[t]!++;
    located[t]! += p;
  }
  const out: TerritoryProfile[] = [];
  for (let t = 0; t < territoryCount; t++) {
    if (count[t] === 0) continue; // no located account: no centre to match a rep's home against
    const industryMix: Record<string, number> = {};
    for (const [k, v] of Object.entries(mix[t]!)) industryMix[k] = pot[t]! > 0 ? v / pot[t]! : 0;
    out.push({
      territory: t, potential: pot[t]!, industryMix, languageNeeds: {},
      centerX: located[t]! > 0 ? sx[t]! / located[t]! : mx[t]! / count[t]!,
      centerY: located[t]! > 0 ? sy[t]! / located[t]! : my[t]! / count[t]!,
    });
  }
  return out;
}
