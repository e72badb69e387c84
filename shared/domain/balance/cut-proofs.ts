import type { Ctx } from './context';

/** A proof that the territory holding `units` cannot be inside the band on target j under contiguity. */
export type ClusterProof = { j: number; units: number[]; load: number; detail: string };

/** Connected supersets explored per cluster before giving up (no proof then). */
const MAX_STATES = 20_000;
/** Clusters and single units lighter than this share of the lower bound are not examined (they almost always fit). */
const MIN_SHARE = 0.5;

/**
 * Cut arguments for contiguous territories. (1) Forced clusters: when c is an articulation unit and a side S of the
 * graph without c is too light for a territory of its own on some target (load < lo), every territory touching S must
 * pass through c, so S ∪ {c} lies in one territory; overlapping forced sets merge (union–find over DFS preorder
 * intervals). (2) For each forced cluster F, and each heavy unit (≥ half the lower bound), the connected supersets of F
 * are enumerated by adding one neighbouring unit at a time while the load stays below lo; when every extension jumps
 * from below lo to above hi (attached whole islands considered), no territory holding F can be in the band.
 * Sound but incomplete: a cluster whose enumeration exceeds MAX_STATES is not reported.
 */
export function clusterProofs(ctx: Ctx): ClusterProof[] {
  if (!ctx.contiguity || !ctx.hasGraph) return [];
  const { n } = ctx;
  const T = ctx.targets.length;
  const band = ctx.targets.map((tg) => tg.lo > 0 && Number.isFinite(tg.hi));
  if (!band.some(Boolean)) return [];
  const uf = new Int32Array(n);
  for (let u = 0; u < n; u++) uf[u] = u;
  const find = (x: number): number => { while (uf[x] !== x) { uf[x] = uf[uf[x]!]!; x = uf[x]!; } return x; };
  const union = (a: number, b: number): void => { const ra = find(a); const rb = find(b); if (ra !== rb) uf[ra] = rb; };
  forcedClusters(ctx, band, union);
  // Clusters worth examining: forced sets of two or more units, and single units of at least MIN_SHARE·lo.
  const count = new Int32Array(n);
  for (let u = 0; u < n; u++) count[find(u)] = count[find(u)]! + 1;
  const heavy = (u: number): boolean => ctx.targets.some((tg, j) => band[j] && tg.values[u]! >= MIN_SHARE * tg.lo && tg.values[u]! <= tg.hi * (1 + 1e-9));
  const members = new Map<number, number[]>();
  for (let u = 0; u < n; u++) {
    const r = find(u);
    if (count[r]! < 2 && !heavy(u)) continue;
    const l = members.get(r); if (l) l.push(u); else members.set(r, [u]);
  }
  const out: ClusterProof[] = [];
  for (const units of members.values()) {
    for (let j = 0; j < T; j++) {
      if (!band[j]) continue;
      const tg = ctx.targets[j]!;
      let load = 0;
      for (const u of units) load += tg.values[u]!;
      if (units.length === 1 && load > tg.hi * (1 + 1e-9)) continue; // reported as a unit above the bound
      if (load < MIN_SHARE * tg.lo) continue;
      const detail = jumpsOverBand(ctx, j, units, load);
      if (detail) { out.push({ j, units, load, detail }); break; }
    }
  }
  return out;
}

/** Iterative Tarjan DFS; unions every light side of an articulation unit with it. */
function forcedClusters(ctx: Ctx, band: boolean[], union: (a: number, b: number) => void): void {
  const { n } = ctx;
  const { offsets, neighbors } = ctx.adj;
  const T = ctx.targets.length;
  const pre = new Int32Array(n).fill(-1); const low = new Int32Array(n); const size = new Int32Array(n);
  const parent = new Int32Array(n).fill(-1); const edge = new Int32Array(n);
  const order = new Int32Array(n);
  const sub = new Float64Array(n * T);
  const art = new Uint8Array(n);
  const rest = new Float64Array(T); const side = new Float64Array(T);
  const sep: number[] = [];
  // Interval linking over preorder positions: next[i] = first position ≥ i not yet linked to i + 1.
  const next = new Int32Array(n + 1);
  for (let i = 0; i <= n; i++) next[i] = i;
  const findNext = (i: number): number => { while (next[i] !== i) { next[i] = next[next[i]!]!; i = next[i]!; } return i; };
  const linkRange = (l: number, r: number): void => { // positions l..r-1 into one set
    for (let i = findNext(l); i < r - 1; i = findNext(i + 1)) { union(order[i]!, order[i + 1]!); next[i] = i + 1; }
  };
  // A side is too light for a territory of its own when even with every attachable island it stays below lo.
  const islandMax = new Float64Array(T);
  if (ctx.compCount > 1) {
    const cl = new Float64Array(ctx.compCount * T);
    for (let u = 0; u < n; u++) for (let j = 0; j < T; j++) cl[ctx.comp[u]! * T + j] = cl[ctx.comp[u]! * T + j]! + ctx.targets[j]!.values[u]!;
    for (let c = 0; c < ctx.compCount; c++) for (let j = 0; j < T; j++) if (cl[c * T + j]! <= ctx.targets[j]!.hi) islandMax[j] = islandMax[j]! + cl[c * T + j]!;
  }
  const loBound = ctx.targets.map((tg, j) => (band[j] ? tg.lo * (1 - 1e-9) - islandMax[j]! - ctx.fixedMax[j]! : -Infinity));
  const light = (arr: Float64Array, off: number): boolean => {
    for (let j = 0; j < T; j++) if (arr[off + j]! < loBound[j]!) return true;
    return false;
  };
  let time = 0;
  const stack = new Int32Array(n);
  for (let root = 0; root < n; root++) {
    if (pre[root] !== -1) continue;
    const compStart = time;
    let top = 0; stack[top++] = root; pre[root] = low[root] = time; order[time++] = root; edge[root] = offsets[root]!;
    while (top > 0) {
      const u = stack[top - 1]!;
      if (edge[u]! < offsets[u + 1]!) {
        const v = neighbors[edge[u]!]!; edge[u] = edge[u]! + 1;
        if (pre[v] === -1) { parent[v] = u; pre[v] = low[v] = time; order[time++] = v; edge[v] = offsets[v]!; stack[top++] = v; }
        else if (v !== parent[u]) low[u] = Math.min(low[u]!, pre[v]!);
        continue;
      }
      top--;
      size[u] = time - pre[u]!;
      for (let j = 0; j < T; j++) sub[u * T + j] = sub[u * T + j]! + ctx.targets[j]!.values[u]!;
      const p = parent[u]!;
      if (p >= 0) {
        low[p] = Math.min(low[p]!, low[u]!);
        for (let j = 0; j < T; j++) sub[p * T + j] = sub[p * T + j]! + sub[u * T + j]!;
        // u's subtree is a side of p when nothing in it reaches above p.
        if (low[u]! >= pre[p]!) {
          art[p] = 1;
          if (light(sub, u * T)) { linkRange(pre[u]!, pre[u]! + size[u]!); union(u, p); }
        }
      }
    }
    // Parent sides: the component without c's subtree and without c's separated child subtrees.
    const compEnd = time;
    const compLoad = new Float64Array(T);
    for (let j = 0; j < T; j++) compLoad[j] = sub[root * T + j]!;
    for (let i = compStart + 1; i < compEnd; i++) {
      const c = order[i]!;
      if (!art[c]) continue;
      sep.length = 0;
      for (let j = 0; j < T; j++) rest[j] = sub[c * T + j]!;
      for (let e = offsets[c]!; e < offsets[c + 1]!; e++) {
        const v = neighbors[e]!;
        if (parent[v] === c && low[v]! >= pre[c]! && !sep.includes(v)) { sep.push(v); for (let j = 0; j < T; j++) rest[j] = rest[j]! - sub[v * T + j]!; }
      }
      // The parent side's load: the component less c's subtree, plus c's children that are not separated.
      for (let j = 0; j < T; j++) side[j] = compLoad[j]! - sub[c * T + j]! + rest[j]! - ctx.targets[j]!.values[c]!;
      if (!light(side, 0)) continue;
      linkRange(compStart, pre[c]!);
      union(order[compStart]!, c);
      const end = pre[c]! + size[c]!;
      if (end < compEnd) { linkRange(end, compEnd); union(order[end]!, c); }
      for (let e = offsets[c]!; e < offsets[c + 1]!; e++) {
        const v = neighbors[e]!;
        if (parent[v] === c && !sep.includes(v)) { linkRange(pre[v]!, pre[v]! + size[v]!); union(v, c); }
      }
    }
  }
}

/**
 * Null when some connected superset of F (plus whole islands) has a load in [lo, hi] on target j, or the search is
 * too large; otherwise the reason why none exists.
 */
function jumpsOverBand(ctx: Ctx, j: number, units: number[], load: number): string | null {
  const tg = ctx.targets[j]!;
  const { offsets, neighbors } = ctx.adj;
  const v = tg.values;
  // A territory's units are in band when their load is in [lo - its fixed load, hi - its fixed load] ⊆ [lo - fixedMax, hi].
  const lo = tg.lo * (1 - 1e-9) - ctx.fixedMax[j]!; const hi = tg.hi * (1 + 1e-9);
  if (load > hi) return `together hold ${fmtLoad(load, tg.mean)} of the mean, above the upper bound`;
  const islands = islandSums(ctx, j, ctx.comp[units[0]!]!);
  if (!islands) return null;
  const fits = (l: number): boolean => {
    if (l >= lo && l <= hi) return true;
    // Smallest island sum ≥ lo - l.
    let a = 0; let b = islands.length;
    while (a < b) { const m = (a + b) >> 1; if (islands[m]! < lo - l) a = m + 1; else b = m; }
    return a < islands.length && l + islands[a]! <= hi;
  };
  if (fits(load)) return null;
  const seen = new Set<string>();
  const stack: { set: number[]; load: number }[] = [{ set: units.slice().sort((p, q) => p - q), load }];
  seen.add(stack[0]!.set.join(','));
  let smallestOver = Infinity; let largestUnder = load;
  while (stack.length > 0) {
    if (seen.size > MAX_STATES) return null;
    const st = stack.pop()!;
    const inSet = new Set(st.set);
    const frontier = new Set<number>();
    for (const u of st.set) for (let e = offsets[u]!; e < offsets[u + 1]!; e++) { const w = neighbors[e]!; if (!inSet.has(w)) frontier.add(w); }
    for (const w of frontier) {
      const l = st.load + v[w]!;
      if (fits(l)) return null;
      if (l > hi) { smallestOver = Math.min(smallestOver, l); continue; }
      const set = [...st.set, w].sort((p, q) => p - q);
      const key = set.join(',');
      if (seen.has(key)) continue;
      seen.add(key);
      largestUnder = Math.max(largestUnder, l);
      stack.push({ set, load: l });
    }
  }
  return `must share one territory, and every contiguous extension of them jumps from at most ${fmtLoad(largestUnder, tg.mean)} to at least ${fmtLoad(smallestOver, tg.mean)} of the mean, past the band`;
}

/** Sorted subset sums of the loads of the other graph components (whole islands a territory may carry), or null when too many. */
function islandSums(ctx: Ctx, j: number, home: number): number[] | null {
  if (ctx.compCount <= 1) return [];
  const load = new Float64Array(ctx.compCount);
  for (let u = 0; u < ctx.n; u++) load[ctx.comp[u]!] = load[ctx.comp[u]!]! + ctx.targets[j]!.values[u]!;
  let sums = [0];
  for (let c = 0; c < ctx.compCount; c++) {
    if (c === home || load[c]! > ctx.targets[j]!.hi) continue;
    sums = Array.from(new Set([...sums, ...sums.map((s) => s + load[c]!)]));
    if (sums.length > 4096) return null;
  }
  return sums.filter((s) => s > 0).sort((p, q) => p - q);
}

function fmtLoad(l: number, mean: number): string {
  return mean > 0 ? `${(l / mean).toFixed(3)}×` : String(l);
}
