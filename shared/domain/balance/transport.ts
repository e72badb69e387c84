import type { Ctx } from './context';
import { MinHeap } from './graph';

/** Result of the transportation LP for fixed centres: rounded assignment, LP value and the number of split units. */
export type TransportResult = { assign: Int32Array; lpCost: number; splits: number };

/**
 * Optimal balanced allocation for fixed centres as a transportation problem (Hess & Samuels; Fleischmann & Paraschis):
 * unit u supplies m_u (its load on the single balance target), centre t takes between lo and hi, a unit of flow from u to t
 * costs w_u·d(u, c_t)/m_u. Solved exactly by successive shortest paths with Dijkstra potentials on the bipartite graph
 * restricted to each unit's `nearest` nearest centres. Lower bounds are modelled by cost shifting (arc [0, lo] at cost 0,
 * arc [lo, hi] at +M, overflow at +2M), so an infeasible band still yields an allocation. The LP splits few units
 * (at most about k); each goes to the centre that received most of it. Returns null when the model does not apply
 * (several targets, locks, fixed territory loads) — callers then keep their own allocation.
 */
export function transportAssign(ctx: Ctx, centers: Int32Array, nearest = 12): TransportResult | null {
  const { n, k } = ctx;
  if (ctx.targets.length !== 1 || ctx.baseline || ctx.fixedMax[0]! > 0) return null;
  const tg = ctx.targets[0]!;
  const m = tg.values;
  const L = Math.min(k, nearest);
  const assign = new Int32Array(n).fill(-1);
  // Nodes: 0 source, 1..n units, n+1..n+k centres, n+k+1 sink.
  const S = 0; const T = n + k + 1; const V = n + k + 2;
  const arcs = 2 * (n * (L + 1) + 3 * k);
  const cap = new Float64Array(arcs); const cost = new Float64Array(arcs); const to = new Int32Array(arcs); const next = new Int32Array(arcs);
  const head = new Int32Array(V).fill(-1);
  let used = 0;
  const addArc = (a: number, b: number, c: number, w: number): void => {
    to[used] = b; cap[used] = c; cost[used] = w; next[used] = head[a]!; head[a] = used++;
    to[used] = a; cap[used] = 0; cost[used] = -w; next[used] = head[b]!; head[b] = used++;
  };
  let lpCost = 0;
  let maxCost = 0;
  const near = new Int32Array(n * L); const nearCost = new Float64Array(n * L);
  const d = new Float64Array(k);
  const order = Array.from({ length: k }, (_, t) => t);
  for (let u = 0; u < n; u++) {
    for (let t = 0; t < k; t++) d[t] = ctx.dist(u, centers[t]!);
    order.sort((p, q) => d[p]! - d[q]!);
    for (let i = 0; i < L; i++) {
      const t = order[i]!;
      near[u * L + i] = t;
      nearCost[u * L + i] = m[u]! > 0 ? (ctx.weights[u]! * d[t]!) / m[u]! : 0;
      maxCost = Math.max(maxCost, nearCost[u * L + i]!);
    }
    if (m[u]! <= 0) { assign[u] = order[0]!; lpCost += ctx.weights[u]! * d[order[0]!]!; }
  }
  const M = 2 * maxCost + 1;
  let supply = 0;
  for (let u = 0; u < n; u++) {
    if (m[u]! <= 0) continue;
    supply += m[u]!;
    addArc(S, 1 + u, m[u]!, 0);
    for (let i = 0; i < L; i++) addArc(1 + u, n + 1 + near[u * L + i]!, m[u]!, nearCost[u * L + i]! + M);
  }
  const lo = Math.min(tg.lo, supply / k); const hi = Math.max(tg.hi, lo);
  for (let t = 0; t < k; t++) {
    addArc(n + 1 + t, T, lo, 0);
    if (Number.isFinite(hi)) addArc(n + 1 + t, T, hi - lo, M);
    addArc(n + 1 + t, T, Infinity, Number.isFinite(hi) ? 2 * M : M);
  }
  const pot = new Float64Array(V);
  const dist = new Float64Array(V);
  const prevArc = new Int32Array(V);
  const heap = new MinHeap(64);
  const eps = 1e-9 * Math.max(1, supply);
  let sent = 0;
  while (sent < supply - eps) {
    dist.fill(Infinity); prevArc.fill(-1);
    dist[S] = 0; heap.size = 0; heap.push(0, S);
    while (heap.size > 0) {
      const key = heap.peekKey(); const a = heap.pop();
      if (key > dist[a]!) continue;
      for (let e = head[a]!; e >= 0; e = next[e]!) {
        if (cap[e]! <= 1e-12) continue;
        const b = to[e]!;
        const nd = key + cost[e]! + pot[a]! - pot[b]!;
        if (nd < dist[b]! - 1e-12) { dist[b] = nd; prevArc[b] = e; heap.push(nd, b); }
      }
    }
    if (dist[T] === Infinity) return null;
    for (let v = 0; v < V; v++) if (dist[v]! < Infinity) pot[v] = pot[v]! + dist[v]!;
    let f = supply - sent;
    for (let v = T; v !== S; v = to[prevArc[v]! ^ 1]!) f = Math.min(f, cap[prevArc[v]!]!);
    for (let v = T; v !== S; v = to[prevArc[v]! ^ 1]!) { const e = prevArc[v]!; cap[e] = cap[e]! - f; cap[e ^ 1] = cap[e ^ 1]! + f; }
    sent += f;
  }
  // Read the flow back: unit u -> centre with the largest share.
  let splits = 0;
  for (let u = 0; u < n; u++) {
    if (m[u]! <= 0) continue;
    let best = -1; let bf = 0; let parts = 0;
    for (let e = head[1 + u]!; e >= 0; e = next[e]!) {
      const b = to[e]!;
      if (b <= n || b > n + k || (e & 1) === 1) continue;
      const flow = cap[e ^ 1]!;
      if (flow <= 1e-9 * m[u]!) continue;
      parts++;
      lpCost += flow * (cost[e]! - M);
      if (flow > bf) { bf = flow; best = b - n - 1; }
    }
    if (parts > 1) splits++;
    assign[u] = best;
  }
  // Centres stay in their own territory (the engine's model).
  for (let t = 0; t < k; t++) if (centers[t]! >= 0) assign[centers[t]!] = t;
  return { assign, lpCost, splits };
}
