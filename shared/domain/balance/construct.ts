import type { Ctx } from './context';
import type { Control } from './control';
import { MinHeap } from './graph';

/** Buffers for repeated region growing on one instance. */
export type GrowBuffers = { dist: Float64Array; isCenter: Int32Array; heap: MinHeap };

/** Allocates region-growing buffers. */
export function createGrowBuffers(n: number): GrowBuffers {
  return { dist: new Float64Array(n), isCenter: new Int32Array(n), heap: new MinHeap(Math.max(16, n)) };
}

/**
 * Additively weighted graph Voronoi: multi-source Dijkstra where territory t starts at offset[t] from its centre.
 * Each unit takes the label of its shortest-path predecessor, so every grown territory is connected.
 * Fixed units keep their baseline; units no centre reaches (other graph components) join the nearest centre whole.
 */
export function growRegions(ctx: Ctx, centers: Int32Array, offset: Float64Array, assign: Int32Array, buf: GrowBuffers, radius?: Float64Array): void {
  const { n, k, adj, edgeLen } = ctx;
  const { dist, isCenter, heap } = buf;
  dist.fill(Infinity); isCenter.fill(-1); assign.fill(-1);
  heap.size = 0;
  if (ctx.baseline) for (let u = 0; u < n; u++) if (ctx.fixed[u]) assign[u] = ctx.baseline[u]!;
  for (let t = 0; t < k; t++) {
    const c = centers[t]!;
    if (ctx.lockedTerritory[t] || c < 0) continue;
    isCenter[c] = t; dist[c] = offset[t]!; assign[c] = -1;
    heap.push(offset[t]!, c);
  }
  const label = new Int32Array(n).fill(-1);
  for (let t = 0; t < k; t++) if (!ctx.lockedTerritory[t] && centers[t]! >= 0) label[centers[t]!] = t;
  if (radius) radius.fill(0);
  const count = radius ? new Int32Array(k) : null;
  const settled = new Uint8Array(n);
  while (heap.size > 0) {
    const key = heap.peekKey(); const u = heap.pop();
    if (settled[u] || key > dist[u]!) continue;
    settled[u] = 1; assign[u] = label[u]!;
    const t = label[u]!;
    if (radius) { radius[t] = radius[t]! + (key - offset[t]!); count![t] = count![t]! + 1; }
    for (let e = adj.offsets[u]!; e < adj.offsets[u + 1]!; e++) {
      const v = adj.neighbors[e]!;
      if (settled[v] || ctx.fixed[v] || (isCenter[v]! >= 0 && isCenter[v] !== t)) continue;
      const nd = key + edgeLen[e]!;
      if (nd < dist[v]!) { dist[v] = nd; label[v] = t; heap.push(nd, v); }
    }
  }
  if (radius) for (let t = 0; t < k; t++) radius[t] = count![t]! > 0 ? radius[t]! / count![t]! : 0;
  attachUnreached(ctx, centers, assign);
}

/** Assigns every unassigned unit, component by component, to the territory whose centre is nearest the component. */
export function attachUnreached(ctx: Ctx, centers: Int32Array, assign: Int32Array): void {
  const { n, k } = ctx;
  const target = new Int32Array(ctx.compCount).fill(-2);
  for (let u = 0; u < n; u++) {
    if (assign[u]! >= 0) continue;
    const c = ctx.comp[u]!;
    if (target[c] === -2) {
      let best = -1; let bd = Infinity;
      for (let t = 0; t < k; t++) {
        if (ctx.lockedTerritory[t] || centers[t]! < 0) continue;
        const d = ctx.geo(u, centers[t]!);
        if (d < bd) { bd = d; best = t; }
      }
      target[c] = best;
    }
    assign[u] = target[c]!;
  }
}

/**
 * Capacity-constrained weighted Voronoi: tunes the additive offsets until loads approach the mean
 * (location–allocation without an LP). Returns the best assignment found (smallest band excess, then worst deviation).
 */
export function tuneOffsets(ctx: Ctx, centers: Int32Array, offset: Float64Array, buf: GrowBuffers, ctl: Control, maxIter: number, eta0 = 0.5): Int32Array {
  const { n, k } = ctx;
  const T = ctx.targets.length;
  const assign = new Int32Array(n);
  let best = new Int32Array(n); let bestKey = Infinity;
  
  const radius = new Float64Array(k);
  const loads = new Float64Array(k * T);
  for (let it = 0; it < maxIter; it++) {
    growRegions(ctx, centers, offset, assign, buf, radius);
    loads.set(ctx.fixedLoad);
    for (let u = 0; u < n; u++) for (let j = 0; j < T; j++) loads[assign[u]! * T + j] = loads[assign[u]! * T + j]! + (ctx.targets[j]!.values[u]!);
    let excess = 0; let worst = 0;
    const rel = new Float64Array(k);
    for (let t = 0; t < k; t++) {
      let wsum = 0;
      for (let j = 0; j < T; j++) {
        const tg = ctx.targets[j]!; const l = loads[t * T + j]!;
        if (tg.mean === 0) continue;
        const dv = (l - tg.mean) / tg.mean;
        rel[t] = rel[t]! + (tg.weight * dv); wsum += tg.weight;
        worst = Math.max(worst, Math.abs(dv));
        excess += Math.max(0, l - tg.hi, tg.lo - l) / tg.mean;
      }
      if (wsum > 0) rel[t] = rel[t]! / wsum;
    }
    const key = excess * 1e6 + worst;
    if (key < bestKey - 1e-12) { bestKey = key; best = assign.slice(); }
    const eta = eta0 * Math.pow(0.93, it);
    ctl.iterations++;
    ctl.progress({ phase: 'construct', bestObjective: key, worstDeviation: worst, fraction: 0.1 + (0.4 * it) / maxIter });
    if (excess === 0 || ctl.stop()) break;
    for (let t = 0; t < k; t++) offset[t] = offset[t]! + (eta * radius[t]! * Math.max(-0.5, Math.min(0.5, rel[t]!)));
  }
  return best;
}
