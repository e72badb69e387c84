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
