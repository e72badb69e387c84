import type { Ctx } from './context';
import { territoryDiameters } from './diameter';
import { territoryPieces } from './graph';
import { boundKind, fmt } from './precheck';
import type { BalanceReport, DisruptionReport, TerritoryReport, Violation } from './types';

/** Everything of the report except run statistics. */
export type Evaluation = Omit<BalanceReport, 'runtimeMs' | 'iterations' | 'restarts' | 'cancelled' | 'stoppedBy' | 'score' | 'lowerBound'>;

/** Evaluates an assignment: loads, deviations, contiguity, compactness, disruption and violations. */
export function evaluate(ctx: Ctx, assign: Int32Array, centers: Int32Array, proven: Violation[]): Evaluation {
  const { n, k } = ctx;
  const M = ctx.input.measures.length;
  const loads = new Float64Array(k * M);
  ctx.input.fixedLoads?.forEach((col, m) => { if (col) for (let t = 0; t < k; t++) loads[t * M + m] = col[t]!; });
  const units = new Int32Array(k);
  const sumD = new Float64Array(k); const maxD = new Float64Array(k);
  for (let u = 0; u < n; u++) {
    const t = assign[u]!;
    if (t < 0) continue;
    units[t] = units[t]! + 1;
    for (let m = 0; m < M; m++) loads[t * M + m] = loads[t * M + m]! + (ctx.input.measures[m]!.values[u]!);
    const d = centers[t]! >= 0 ? ctx.dist(u, centers[t]!) : 0;
    sumD[t] = sumD[t]! + (ctx.weights[u]! * d); maxD[t] = Math.max(maxD[t]!, d);
  }
  const compSize = ctx.compSize;
  const pieces = territoryPieces(ctx.adj, assign, k, ctx.comp, compSize, centers);
  const hasCenter = new Uint8Array(ctx.compCount);
  for (let t = 0; t < k; t++) if (centers[t]! >= 0) hasCenter[ctx.comp[centers[t]!]!] = 1;
  const islands: number[] = [];
  if (ctx.hasGraph) for (let u = 0; u < n; u++) if (!hasCenter[ctx.comp[u]!]) islands.push(u);
  const diameters = ctx.diameter ? territoryDiameters(ctx, assign) : null;
  const violations: Violation[] = [...proven];
  const territories: TerritoryReport[] = [];
  let worst = 0; let nonContiguous = 0;
  for (let t = 0; t < k; t++) {
    const measures = Array.from(loads.subarray(t * M, (t + 1) * M));
    const deviations = ctx.targets.map((tg) => (tg.mean > 0 ? (measures[tg.measure]! - tg.mean) / tg.mean : 0));
    for (const d of deviations) worst = Math.max(worst, Math.abs(d));
    const locked = ctx.lockedTerritory[t] === 1;
    const who = locked ? `locked territory ${t}` : `territory ${t}`;
    ctx.targets.forEach((tg, j) => {
      const l = measures[tg.measure]!;
      const side = l > tg.hi * (1 + 1e-9) ? 'hi' : l < tg.lo * (1 - 1e-9) ? 'lo' : null;
      if (!side) return;
      // Out of band is either proven (the territory holds the units of a proof, or is locked) or a search failure.
      // A component proof (no whole number of territories fits) covers every territory centred on that component.
      const proof = proven.find((p) => p.units && p.measure === tg.name && (p.kind === 'disconnected-graph' ? p.units.includes(centers[t]!) : p.units.every((u) => assign[u] === t)))
        // The total alone breaks the band on this side (total above k × upper bound, or below k × lower bound): no plan fits.
        ?? proven.find((p) => !p.units && p.territory === -1 && p.kind !== 'disconnected-graph' && p.measure === tg.name && (side === 'hi') === (p.value > p.target));
      const why = proof ? `proven infeasible: ${proof.reason}` : locked ? 'locked' : 'not proven infeasible: the search found no in-band plan for it (search failure)';
      violations.push({
        territory: t, measure: tg.name, kind: boundKind(ctx, j, side), value: l, target: side === 'hi' ? tg.hi : tg.lo, ...(proof || locked ? { proven: true } : {}), ...(proof ? { units: proof.units } : {}),
        reason: `${who} has ${fmt(l)} ${tg.name}, ${side === 'hi' ? 'above' : 'below'} ${fmt(side === 'hi' ? tg.hi : tg.lo)} (${pct(deviations[j]!)} from the mean); ${why}`,
      });
    });
    const comps = pieces.components[t]!;
    if (comps > 1) {
      nonContiguous++;
      if (ctx.contiguity) violations.push({ territory: t, measure: '', kind: 'contiguity', value: comps, target: 1, reason: `${who} has ${comps} separate pieces${locked || hasFixedIn(ctx, assign, t) ? ' (locked units)' : ''}` });
    }
    territories.push({ territory: t, center: centers[t]!, units: units[t]!, measures, deviations, components: comps, islandPieces: pieces.islandPieces[t]!, sumDistance: sumD[t]!, maxDistance: maxD[t]!, ...(diameters ? { diameter: diameters[t]! } : {}), locked });
  }
  const disruption = ctx.baseline ? disruptionReport(ctx, assign) : null;
  if (disruption && ctx.input.maxDisruption) {
    const b = ctx.input.maxDisruption.basis;
    const share = b === 'units' ? disruption.unitsShare : disruption.measuresMoved[b]!.share;
    if (share > ctx.input.maxDisruption.share + 1e-9) violations.push({ territory: -1, measure: b === 'units' ? '' : ctx.input.measures[b]!.name, kind: 'disruption', value: share, target: ctx.input.maxDisruption.share, reason: `moved share ${pct(share)} exceeds the budget ${pct(ctx.input.maxDisruption.share)}` });
  }
  let sumDistance = 0; let maxDistance = 0;
  for (let t = 0; t < k; t++) { sumDistance += sumD[t]!; maxDistance = Math.max(maxDistance, maxD[t]!); }
  return {
    territories, targets: ctx.targets.map((tg) => ({ measure: tg.name, mean: tg.mean, lo: tg.lo, hi: tg.hi })),
    worstDeviation: worst, nonContiguous, islands, graphComponents: ctx.compCount, objective: ctx.diameter ? 'diameter' : ctx.objective,
    compactness: diameters ? Math.max(0, ...diameters) : ctx.objective === 'sum' ? sumDistance : maxDistance, sumDistance, maxDistance,
    disruption, violations, feasible: violations.length === 0,
  };
}

function hasFixedIn(ctx: Ctx, assign: Int32Array, t: number): boolean {
  for (let u = 0; u < ctx.n; u++) if (ctx.fixed[u] && assign[u] === t) return true;
  return false;
}

/** Units and every measure moved vs the baseline (units with baseline -1 are not counted). */
export function disruptionReport(ctx: Ctx, assign: Int32Array): DisruptionReport {
  const base = ctx.baseline!;
  const M = ctx.input.measures.length;
  const moved = new Float64Array(M); const total = new Float64Array(M);
  let unitsMoved = 0; let unitsBase = 0;
  for (let u = 0; u < ctx.n; u++) {
    if (base[u]! < 0) continue;
    unitsBase++;
    const mv = assign[u] !== base[u];
    if (mv) unitsMoved++;
    for (let m = 0; m < M; m++) { const x = ctx.input.measures[m]!.values[u]!; total[m] = total[m]! + (x); if (mv) moved[m] = moved[m]! + (x); }
  }
  return {
    unitsMoved, unitsShare: unitsBase ? unitsMoved / unitsBase : 0,
    measuresMoved: ctx.input.measures.map((c, m) => ({ name: c.name, moved: moved[m]!, share: total[m]! > 0 ? moved[m]! / total[m]! : 0 })),
  };
}

function pct(x: number): string {
  return `${(x * 100).toFixed(2)}%`;
}
