import { distanceFn, type DistanceMetric } from '../geo/distance';
import { hungarian } from './hungarian';
import { formatDistance } from '../kpi/travel';

/** A rep as the matcher sees them. */
export type RepProfile = {
  id: string;
  /** Home base coordinates (same metric as the territories). */
  homeX: number;
  homeY: number;
  /** Expertise per industry, 0..1. */
  industries: Record<string, number>;
  languages: readonly string[];
  /** Seniority 0 (junior) .. 1 (most senior). */
  seniority: number;
};

/** A territory as the matcher sees it. */
export type TerritoryProfile = {
  territory: number;
  centerX: number;
  centerY: number;
  /** Share of the territory's potential per industry (sums to ~1). */
  industryMix: Record<string, number>;
  /** Share of accounts needing each language. */
  languageNeeds: Record<string, number>;
  potential: number;
};

/** Weights of the fit components and the travel scale (distance at which the travel fit is 1/e). */
export type FitWeights = { travel: number; industry: number; language: number; seniority: number; travelScale: number };

/** Default weights: travel and industry matter most; travel scale 150 km (planar: map units). */
export const DEFAULT_FIT_WEIGHTS: FitWeights = { travel: 0.4, industry: 0.3, language: 0.15, seniority: 0.15, travelScale: 150 };

/** One explained part of a fit score: value in 0..1, weight, weighted contribution, and why. */
export type FitComponent = { name: 'travel' | 'industry' | 'language' | 'seniority'; value: number; weight: number; contribution: number; detail: string };

/** Fit of one rep to one territory, explained. */
export type FitScore = { rep: string; territory: number; score: number; components: FitComponent[] };

/** Result of rep matching: optimal pairs plus who is left without a match. */
export type RepMatch = { pairs: FitScore[]; total: number; unmatchedReps: string[]; unmatchedTerritories: number[] };

/** Scores one rep against one territory; potentialRank is the territory's potential percentile (0..1). */
export function fitScore(rep: RepProfile, t: TerritoryProfile, potentialRank: number, metric: DistanceMetric, w: FitWeights = DEFAULT_FIT_WEIGHTS): FitScore {
  const km = distanceFn(metric)(rep.homeX, rep.homeY, t.centerX, t.centerY);
  const travel = Math.exp(-km / w.travelScale);
  let industry = 0; let mixTotal = 0;
  for (const [ind, share] of Object.entries(t.industryMix)) { industry += share * (rep.industries[ind] ?? 0); mixTotal += share; }
  industry = mixTotal > 0 ? industry / mixTotal : 1;
  let need = 0; let met = 0;
  for (const [lang, share] of Object.entries(t.languageNeeds)) { need += share; if (rep.languages.includes(lang)) met += share; }
  const language = need > 0 ? met / need : 1;
  const seniority = 1 - Math.abs(rep.seniority - potentialRank);
  const top = Object.entries(t.industryMix).sort((a, b) => b[1] - a[1])[0]?.[0];
  const components: FitComponent[] = [
    { name: 'travel', value: travel, weight: w.travel, contribution: w.travel * travel, detail: `${formatDistance(km, 'km', metric)} from home to territory centre` },
    { name: 'industry', value: industry, weight: w.industry, contribution: w.industry * industry, detail: top ? `largest industry ${top}: expertise ${(rep.industries[top] ?? 0).toFixed(2)}` : 'no industry mix' },
    { name: 'language', value: language, weight: w.language, contribution: w.language * language, detail: need > 0 ? `covers ${(language * 100).toFixed(0)}% of language needs` : 'no language needs' },
    { name: 'seniority', value: seniority, weight: w.seniority, contribution: w.seniority * seniority, detail: `seniority ${rep.seniority.toFixed(2)} vs potential rank ${potentialRank.toFixed(2)}` },
  ];
  return { rep: rep.id, territory: t.territory, score: components.reduce((s, c) => s + c.contribution, 0), components };
}

/** Assigns reps to territories maximising the total fit (Hungarian); more reps or more territories both allowed. */
export function matchReps(reps: readonly RepProfile[], territories: readonly TerritoryProfile[], metric: DistanceMetric, w: FitWeights = DEFAULT_FIT_WEIGHTS): RepMatch {
  const sorted = territories.map((t) => t.potential).sort((a, b) => a - b);
  const rank = (p: number): number => (sorted.length > 1 ? sorted.indexOf(p) / (sorted.length - 1) : 0.5);
  const scores = reps.map((r) => territories.map((t) => fitScore(r, t, rank(t.potential), metric, w)));
  const pick = hungarian(scores.map((row) => row.map((s) => -s.score)));
  const pairs: FitScore[] = [];
  const taken = new Set<number>();
  const unmatchedReps: string[] = [];
  pick.forEach((c, r) => {
    if (c < 0) unmatchedReps.push(reps[r]!.id);
    else { pairs.push(scores[r]![c]!); taken.add(c); }
  });
  return {
    pairs, total: pairs.reduce((s, p) => s + p.score, 0), unmatchedReps,
    unmatchedTerritories: territories.filter((_, i) => !taken.has(i)).map((t) => t.territory),
  };
}
