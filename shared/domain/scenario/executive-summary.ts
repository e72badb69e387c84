import { formatMoney } from '../format/numbers';
import { repFrom, territoryFrom, type Labels } from '../labels';
import type { Comparison } from './compare';

// A no-break space keeps a figure and its unit on one line.
const pct = (v: number): string => `${(v * 100).toFixed(1)}\u00a0%`;
const signedPct = (v: number): string => `${v > 0 ? '+' : v < 0 ? '−' : '±'}${Math.abs(v * 100).toFixed(1)}\u00a0%`;
const ratio = (v: number): string => (Number.isFinite(v) ? `${v.toFixed(2)}×` : 'unbounded (a territory has no potential)');

/**
 * The report's written summary, from the numbers of a comparison: balance before -> after, disruption, the reps
 * who gain and lose most, and which territories stay outside the target band. One sentence per paragraph.
 */
export function executiveSummary(c: Comparison, labels: Labels, planIndex: number): string[] {
  const base = c.scenarios[c.baselineIndex];
  const plan = c.scenarios[planIndex];
  if (!base || !plan || planIndex === c.baselineIndex) throw new Error(`executiveSummary: scenario ${planIndex} is not a plan to compare with the baseline.`);
  const b = base.metrics.potentialBalance;
  const p = plan.metrics.potentialBalance;
  const out: string[] = [];
  const better = p.worstDeviation < b.worstDeviation;
  out.push(
    `${plan.name} ${better ? 'improves' : p.worstDeviation === b.worstDeviation ? 'keeps' : 'worsens'} potential balance against ${base.name}: ` +
      `the furthest territory from the mean moves from ${pct(b.worstDeviation)} to ${pct(p.worstDeviation)}, ` +
      `and the largest territory holds ${ratio(p.maxMinRatio)} the smallest (was ${ratio(b.maxMinRatio)}).`,
  );
  const d = plan.metrics.disruption;
  out.push(
    `Disruption: ${d.accounts.toLocaleString('en-US')} ${d.accounts === 1 ? 'account' : 'accounts'} (${pct(d.accountsShare)}) ${d.accounts === 1 ? 'changes' : 'change'} territory, ` +
      `carrying ${formatMoney(d.potential)} of potential (${pct(d.potentialShare)}) and ${formatMoney(d.revenue)} of revenue (${pct(d.revenueShare)}).`,
  );
  const net = plan.reps.map((r) => ({ r, net: r.potentialGained - r.potentialLost })).filter((x) => x.r.repId !== null && x.net !== 0);
  const gains = [...net].filter((x) => x.net > 0).sort((x, y) => y.net - x.net).slice(0, 3);
  const losses = [...net].filter((x) => x.net < 0).sort((x, y) => x.net - y.net).slice(0, 3);
  const list = (xs: typeof net): string => xs.map((x) => `${repFrom(labels, x.r.repId)} (${x.net > 0 ? '+' : '−'}${formatMoney(Math.abs(x.net))})`).join(', ');
  if (gains.length || losses.length) {
    out.push(`Net potential by rep: biggest gains ${gains.length ? list(gains) : 'none'}; biggest losses ${losses.length ? list(losses) : 'none'}.`);
  } else {
    out.push('No rep gains or loses potential.');
  }
  const outside = plan.territories.filter((t) => Math.abs(t.potentialDeviation) > c.band).sort((x, y) => Math.abs(y.potentialDeviation) - Math.abs(x.potentialDeviation));
  if (outside.length === 0) {
    out.push(`Every territory is within the target band of ±${pct(c.band)} of mean potential.`);
  } else {
    const named = outside.slice(0, 3).map((t) => `${territoryFrom(labels, planIndex, t.territoryId)} (${signedPct(t.potentialDeviation)})`).join(', ');
    const worst = outside[0]!;
    const why = worst.accounts === 0
      ? ` ${territoryFrom(labels, planIndex, worst.territoryId)} holds no accounts.`
      : ` The band is ${formatMoney(plan.band.low)}–${formatMoney(plan.band.high)} of potential per territory; ${territoryFrom(labels, planIndex, worst.territoryId)} holds ${formatMoney(worst.potential)}.`;
    out.push(`Not met: ${outside.length} of ${plan.territories.length} territories are outside the ±${pct(c.band)} band, furthest ${named}.${why}`);
  }
  return out;
}
