import { createRng } from '../random';
import { bestCenter } from './centers';
import type { Ctx } from './context';
import type { Control } from './control';
import { unitCost, type State } from './state';

/** Random spanning trees drawn per recombination step. */
const TREES_PER_STEP = 8;
const EPS = 1e-12;

/** What one repair run did (for tests and the bench). */
export type RecomStats = {
  steps: number;
  accepted: number;
  /** Steps whose split failed the connectivity check and were undone (0 unless there is a bug). */
  brokenRejected: number;
  /** Steps rejected because they would exceed the disruption budget. */
  budgetRejected: number;
};

/** Relative amount outside the band of territory t (Σ over targets). */
export function territoryExcess(ctx: Ctx, loads: ArrayLike<number>, t: number): number {
  const T = ctx.targets.length;
  let e = 0;
  for (let j = 0; j < T; j++) {
    const tg = ctx.targets[j]!; const l = loads[t * T + j]!;
    if (tg.mean > 0) e += Math.max(0, l - tg.hi, tg.lo - l) / tg.mean;
  }
  return e;
}

/**
 * Territories the recombination may not change: locked territories and territories holding a unit that alone is above
 * an upper bound (their excess is proven and cannot be repaired by moving other units).
 */
export function frozenTerritories(ctx: Ctx, assign: Int32Array): Uint8Array {
  const frozen = new Uint8Array(ctx.k);
  for (let t = 0; t < ctx.k; t++) if (ctx.lockedTerritory[t]) frozen[t] = 1;
  for (let u = 0; u < ctx.n; u++) {
    const t = assign[u]!;
    if (t < 0) continue;
    for (const tg of ctx.targets) if (tg.values[u]! > tg.hi * (1 + 1e-9)) frozen[t] = 1;
  }
  return frozen;
}

/** Band excess over the territories that are not frozen. */
export function repairableExcess(ctx: Ctx, s: State, frozen: Uint8Array): number {
  let e = 0;
  for (let t = 0; t < ctx.k; t++) if (!frozen[t]) e += territoryExcess(ctx, s.loads, t);
  return e;
}

/**
 * Band repair by recombination (ReCom, DeFord–Duchin–Solomon), in place on s. While repairable territories are outside
 * the band, a territory near one of them (the territory itself or one up to two hops away in the territory graph) is
 * merged with a random neighbouring territory. The merged region R is the connected piece of the two territories'
 * units that holds their common boundary (pieces elsewhere — attached islands — stay where they are; a pair with
 * another piece in R's graph component is not contiguous and is skipped). Random spanning trees of R's induced
 * subgraph are drawn (Kruskal on random keys over edges with both ends in R) and the tree edge whose cut leaves the
 * least band excess, then the least moment of inertia, splits R again; cuts that would put a fixed unit in the other
 * territory or exceed the disruption budget are not eligible. A step is kept when it does not raise the excess
 * (equal-excess steps let slack drift towards the problem), after a BFS inside R confirms both pieces are connected;
 * the two centres are then re-optimised. Deterministic for a seed; stops on cancellation, at the time limit, at
 * `until` (a clock value) or after maxSteps.
 */
export function recomRepair(ctx: Ctx, s: State, ctl: Control, seed: number, until = Infinity, maxSteps = 20_000): RecomStats {
  const stats: RecomStats = { steps: 0, accepted: 0, brokenRejected: 0, budgetRejected: 0 };
  const { n, k } = ctx;
  if (!ctx.contiguity || k < 2) return stats;
  const frozen = frozenTerritories(ctx, s.assign);
  if (repairableExcess(ctx, s, frozen) <= EPS) return stats;
  const rng = createRng((seed ^ 0x5bd1e995) >>> 0);
  const members: number[][] = Array.from({ length: k }, () => []);
  for (let u = 0; u < n; u++) if (s.assign[u]! >= 0) members[s.assign[u]!]!.push(u);
  const { offsets, neighbors } = ctx.adj;
  const local = new Int32Array(n).fill(-1);
  const work = createWork(ctx);
  const nbrTerritories = (a: number): number[] => {
    const out = new Set<number>();
    for (const u of members[a]!) for (let e = offsets[u]!; e < offsets[u + 1]!; e++) {
      const b = s.assign[neighbors[e]!]!;
      if (b >= 0 && b !== a && !frozen[b]) out.add(b);
    }
    return Array.from(out).sort((p, q) => p - q);
  };
  for (let step = 0; step < maxSteps; step++) {
    if ((step & 7) === 0 && (ctl.stop() || ctl.now() > until)) break;
    const bad: number[] = [];
    for (let t = 0; t < k; t++) if (!frozen[t] && territoryExcess(ctx, s.loads, t) > EPS) bad.push(t);
    if (bad.length === 0) break;
    stats.steps++;
    ctl.iterations++;
    // Half the steps start at an out-of-band territory, the others anywhere within two hops of one.
    let a = bad[Math.floor(rng() * bad.length)]!;
    if (rng() < 0.5) {
      const near = new Set<number>(bad);
      let ring = bad;
      for (let hop = 0; hop < 2; hop++) {
        const next: number[] = [];
        for (const t of ring) for (const b of nbrTerritories(t)) if (!near.has(b)) { near.add(b); next.push(b); }
        ring = next;
      }
      const list = Array.from(near).sort((p, q) => p - q);
      a = list[Math.floor(rng() * list.length)]!;
    }
    const nbrs = nbrTerritories(a);
    if (nbrs.length === 0) continue;
    const b = nbrs[Math.floor(rng() * nbrs.length)]!;
    const region = mergedRegion(ctx, s.assign, members, a, b, local);
    if (!region) continue;
    const before = territoryExcess(ctx, s.loads, a) + territoryExcess(ctx, s.loads, b);
    const cut = bestCut(ctx, s, region, a, b, rng, work, stats);
    if (cut && cut.excess <= before + EPS) {
      // Apply, then verify both pieces are connected inside R (they are, for a spanning-tree cut; checked anyway).
      const old = region.nodes.map((u) => s.assign[u]!);
      for (let i = 0; i < region.nodes.length; i++) s.assign[region.nodes[i]!] = cut.side[i] ? a : b;
      const connected = pieceConnected(ctx, s.assign, region.nodes, local, a) && pieceConnected(ctx, s.assign, region.nodes, local, b);
      if (connected && commit(ctx, s, members, region, old, a, b)) stats.accepted++;
      else {
        for (let i = 0; i < region.nodes.length; i++) s.assign[region.nodes[i]!] = old[i]!;
        if (!connected) stats.brokenRejected++;
      }
    }
    for (const u of region.nodes) local[u] = -1;
  }
  return stats;
}

type Region = { nodes: number[]; offA: Float64Array; offB: Float64Array; offMoved: number };

/**
 * The merged region of territories a and b: BFS over units of a or b from a unit of a touching b. Returns null when a
 * or b has another piece in the same graph component (the pair is not contiguous; the cut could not fix that). Loads
 * of the units outside R (attached islands) are returned per side; local[u] = index in nodes for u in R.
 */
function mergedRegion(ctx: Ctx, assign: Int32Array, members: number[][], a: number, b: number, local: Int32Array): Region | null {
  const { offsets, neighbors } = ctx.adj;
  let start = -1;
  for (const u of members[a]!) {
    for (let e = offsets[u]!; e < offsets[u + 1]!; e++) if (assign[neighbors[e]!] === b) { start = u; break; }
    if (start >= 0) break;
  }
  if (start < 0) return null;
  const nodes: number[] = [start];
  local[start] = 0;
  for (let q = 0; q < nodes.length; q++) {
    const u = nodes[q]!;
    for (let e = offsets[u]!; e < offsets[u + 1]!; e++) {
      const v = neighbors[e]!;
      if (local[v] === -1 && (assign[v] === a || assign[v] === b)) { local[v] = nodes.length; nodes.push(v); }
    }
  }
  const T = ctx.targets.length;
  // What stays with a and b whatever the split: their fixed loads, and their pieces outside the region (below).
  const offA = ctx.fixedLoad.slice(a * T, (a + 1) * T); const offB = ctx.fixedLoad.slice(b * T, (b + 1) * T);
  let offMoved = 0;
  const home = ctx.comp[start]!;
  for (const t of [a, b]) for (const u of members[t]!) {
    if (local[u] !== -1) continue;
    if (ctx.comp[u] === home) { for (const v of nodes) local[v] = -1; return null; }
    const off = t === a ? offA : offB;
    for (let j = 0; j < T; j++) off[j] = off[j]! + ctx.targets[j]!.values[u]!;
    if (ctx.baseline && ctx.baseline[u]! >= 0 && ctx.baseline[u] !== t) offMoved += ctx.basis![u]!;
  }
  return { nodes, offA, offB, offMoved };
}

type Work = { loadsA: Float64Array; loadsB: Float64Array };

function createWork(ctx: Ctx): Work {
  const T = ctx.targets.length;
  return { loadsA: new Float64Array(T), loadsB: new Float64Array(T) };
}

/** Relative amount outside the band of two territories with loads la and lb (one value per target each). */
export function pairExcess(ctx: Ctx, la: Float64Array, lb: Float64Array): number {
  let e = 0;
  for (let j = 0; j < ctx.targets.length; j++) {
    const tg = ctx.targets[j]!;
    if (tg.mean <= 0) continue;
    e += (Math.max(0, la[j]! - tg.hi, tg.lo - la[j]!) + Math.max(0, lb[j]! - tg.hi, tg.lo - lb[j]!)) / tg.mean;
  }
  return e;
}

/**
 * Draws TREES_PER_STEP random spanning trees of R's induced subgraph and returns the best admissible cut over all of
 * them: side[i] = 1 when node i goes to a. Null when no cut is admissible.
 */
function bestCut(ctx: Ctx, s: State, r: Region, a: number, b: number, rng: () => number, w: Work, stats: RecomStats): { side: Uint8Array; excess: number } | null {
  const T = ctx.targets.length;
  const { offsets, neighbors } = ctx.adj;
  const nodes = r.nodes; const m = nodes.length;
  if (m < 2) return null;
  // Induced edges of R (both ends in R), by local index.
  const idx = new Map<number, number>();
  for (let i = 0; i < m; i++) idx.set(nodes[i]!, i);
  const eu: number[] = []; const ev: number[] = [];
  for (let i = 0; i < m; i++) {
    const u = nodes[i]!;
    for (let e = offsets[u]!; e < offsets[u + 1]!; e++) {
      const j = idx.get(neighbors[e]!);
      if (j !== undefined && j > i) { eu.push(i); ev.push(j); }
    }
  }
  const geo = ctx.input.metric === 'geographic';
  const px = new Float64Array(m); const py = new Float64Array(m); const wt = new Float64Array(m);
  // Per node: fixed to a / fixed to b, and disruption cost when it ends in a / in b.
  const fa = new Int32Array(m); const fb = new Int32Array(m);
  const ca = new Float64Array(m); const cb = new Float64Array(m);
  let FA = 0; let FB = 0;
  const total = new Float64Array(T);
  for (let i = 0; i < m; i++) {
    const u = nodes[i]!;
    px[i] = geo ? ctx.x[u]! * Math.cos((ctx.y[u]! * Math.PI) / 180) : ctx.x[u]!; py[i] = ctx.y[u]!; wt[i] = ctx.weights[u]! + 1e-12;
    if (ctx.fixed[u]) { if (s.assign[u] === a) { fa[i] = 1; FA++; } else { fb[i] = 1; FB++; } }
    if (ctx.baseline) {
      const base = ctx.baseline[u]!;
      if (base >= 0) { ca[i] = base !== a ? ctx.basis![u]! : 0; cb[i] = base !== b ? ctx.basis![u]! : 0; }
    }
    for (let j = 0; j < T; j++) total[j] = total[j]! + ctx.targets[j]!.values[u]!;
  }
  // Disruption moved outside the two territories: the state's total less what a and b currently contribute.
  let movedElsewhere = s.moved;
  if (ctx.baseline) for (let i = 0; i < m; i++) movedElsewhere -= s.assign[nodes[i]!] === a ? ca[i]! : cb[i]!;
  let totalCB = 0;
  for (let i = 0; i < m; i++) totalCB += cb[i]!;
  const budget = Math.max(ctx.budget, s.moved);
  const E = eu.length;
  const key = new Float64Array(E); const ord = new Int32Array(E);
  const uf = new Int32Array(m);
  const find = (x: number): number => { while (uf[x] !== x) { uf[x] = uf[uf[x]!]!; x = uf[x]!; } return x; };
  const deg = new Int32Array(m); const adjStart = new Int32Array(m + 1); const adjList = new Int32Array(2 * (m - 1));
  const sub = new Float64Array(m * T); const sw = new Float64Array(m); const sx = new Float64Array(m); const sy = new Float64Array(m); const sq = new Float64Array(m);
  const sfa = new Int32Array(m); const sfb = new Int32Array(m); const sca = new Float64Array(m); const scb = new Float64Array(m);
  const par = new Int32Array(m); const order = new Int32Array(m);
  const inertia = (W: number, X: number, Y: number, Q: number): number => (W > 0 ? Q - (X * X + Y * Y) / W : 0);
  const { loadsA, loadsB } = w;
  let bestEx = Infinity; let bestCost = Infinity; let bestMoved = Infinity; let best: Uint8Array | null = null;
  let sawBudget = false;
  const tu = new Int32Array(m - 1); const tv = new Int32Array(m - 1);
  for (let tree = 0; tree < TREES_PER_STEP; tree++) {
    for (let e = 0; e < E; e++) { key[e] = rng(); ord[e] = e; }
    ord.sort((p, q) => key[p]! - key[q]!);
    for (let i = 0; i < m; i++) uf[i] = i;
    deg.fill(0);
    let te = 0;
    for (let q = 0; q < E && te < m - 1; q++) {
      const e = ord[q]!; const ra = find(eu[e]!); const rb = find(ev[e]!);
      if (ra === rb) continue;
      uf[ra] = rb; tu[te] = eu[e]!; tv[te] = ev[e]!; te++;
      deg[eu[e]!] = deg[eu[e]!]! + 1; deg[ev[e]!] = deg[ev[e]!]! + 1;
    }
    if (te !== m - 1) return null; // R is connected by construction; defensive
    adjStart[0] = 0;
    for (let i = 0; i < m; i++) adjStart[i + 1] = adjStart[i]! + deg[i]!;
    const fill = adjStart.slice(0, m);
    for (let q = 0; q < te; q++) { adjList[fill[tu[q]!]!++] = tv[q]!; adjList[fill[tv[q]!]!++] = tu[q]!; }
    // BFS order from the root 0; parents before children.
    par.fill(-1); par[0] = 0; order[0] = 0;
    let len = 1;
    for (let h = 0; h < len; h++) {
      const x = order[h]!;
      for (let p = adjStart[x]!; p < adjStart[x + 1]!; p++) { const y = adjList[p]!; if (par[y] === -1) { par[y] = x; order[len++] = y; } }
    }
    for (let i = 0; i < m; i++) {
      const u = nodes[i]!;
      for (let j = 0; j < T; j++) sub[i * T + j] = ctx.targets[j]!.values[u]!;
      sw[i] = wt[i]!; sx[i] = wt[i]! * px[i]!; sy[i] = wt[i]! * py[i]!; sq[i] = wt[i]! * (px[i]! ** 2 + py[i]! ** 2);
      sfa[i] = fa[i]!; sfb[i] = fb[i]!; sca[i] = ca[i]!; scb[i] = cb[i]!;
    }
    for (let h = m - 1; h > 0; h--) {
      const x = order[h]!; const p = par[x]!;
      for (let j = 0; j < T; j++) sub[p * T + j] = sub[p * T + j]! + sub[x * T + j]!;
      sw[p] = sw[p]! + sw[x]!; sx[p] = sx[p]! + sx[x]!; sy[p] = sy[p]! + sy[x]!; sq[p] = sq[p]! + sq[x]!;
      sfa[p] = sfa[p]! + sfa[x]!; sfb[p] = sfb[p]! + sfb[x]!; sca[p] = sca[p]! + sca[x]!; scb[p] = scb[p]! + scb[x]!;
    }
    let treeBest = -1; let treeFlip = false;
    for (let x = 1; x < m; x++) {
      const cost = inertia(sw[x]!, sx[x]!, sy[x]!, sq[x]!) + inertia(sw[0]! - sw[x]!, sx[0]! - sx[x]!, sy[0]! - sy[x]!, sq[0]! - sq[x]!);
      for (let f = 0; f < 2; f++) {
        const flip = f === 1; // false: subtree of x goes to a, the rest to b
        if (!flip ? sfb[x]! > 0 || sfa[x]! !== FA : sfa[x]! > 0 || sfb[x]! !== FB) continue;
        // Moved after the cut: a-side nodes pay ca, b-side nodes pay cb.
        const movedR = ctx.baseline ? (!flip ? sca[x]! + (totalCB - scb[x]!) : (sca[0]! - sca[x]!) + scb[x]!) : 0;
        if (ctx.baseline && movedElsewhere + movedR > budget + 1e-9) { sawBudget = true; continue; }
        for (let j = 0; j < T; j++) {
          const inSub = sub[x * T + j]!; const rest = total[j]! - inSub;
          loadsA[j] = (flip ? rest : inSub) + r.offA[j]!; loadsB[j] = (flip ? inSub : rest) + r.offB[j]!;
        }
        const ex = pairExcess(ctx, loadsA, loadsB);
        // The two orientations of one cut cost the same: the one that moves less keeps the territories' identities
        // (without this tie-break a rebalance swapped the names of merged pairs, step after step).
        if (ex < bestEx - EPS || (ex <= bestEx + EPS && (cost < bestCost || (cost === bestCost && movedR < bestMoved)))) { bestEx = ex; bestCost = cost; bestMoved = movedR; treeBest = x; treeFlip = flip; }
      }
    }
    if (treeBest < 0) continue;
    // Mark the subtree of treeBest: a node is inside when walking up its parents reaches treeBest before the root.
    const side = new Uint8Array(m);
    const inSub = new Uint8Array(m); inSub[treeBest] = 1;
    for (let h = 0; h < m; h++) { const x = order[h]!; if (x !== 0 && inSub[par[x]!]) inSub[x] = 1; }
    for (let i = 0; i < m; i++) side[i] = (inSub[i] === 1) !== treeFlip ? 1 : 0;
    best = side;
  }
  if (!best && sawBudget) stats.budgetRejected++;
  return best ? { side: best, excess: bestEx } : null;
}

/** True when the units of R now in territory t form one connected piece (BFS inside R). */
function pieceConnected(ctx: Ctx, assign: Int32Array, nodes: number[], local: Int32Array, t: number): boolean {
  const { offsets, neighbors } = ctx.adj;
  let count = 0; let start = -1;
  for (const u of nodes) if (assign[u] === t) { count++; if (start < 0) start = u; }
  if (count === 0) return false;
  const seen = new Set<number>([start]);
  const stack = [start];
  while (stack.length > 0) {
    const u = stack.pop()!;
    for (let e = offsets[u]!; e < offsets[u + 1]!; e++) {
      const v = neighbors[e]!;
      if (local[v] !== -1 && assign[v] === t && !seen.has(v)) { seen.add(v); stack.push(v); }
    }
  }
  return seen.size === count;
}

/**
 * Updates loads, sizes, disruption, members, centres and compactness of a and b after a split was written to assign.
 * Returns false (nothing changed; the caller restores assign) when a piece has no admissible centre.
 */
function commit(ctx: Ctx, s: State, members: number[][], r: Region, old: number[], a: number, b: number): boolean {
  const T = ctx.targets.length;
  const inR = new Set(r.nodes);
  const next: number[][] = []; const centers: number[] = [];
  for (const t of [a, b]) {
    const keep = members[t]!.filter((u) => !inR.has(u));
    for (const u of r.nodes) if (s.assign[u] === t) keep.push(u);
    // The piece in R is the territory's mainland: its centre stays there (pieces elsewhere are whole islands).
    const cur = s.centers[t]!;
    const home = ctx.comp[r.nodes[0]!]!;
    const c = bestCenter(ctx, keep, 0, keep.length, t, cur >= 0 && s.assign[cur] === t && ctx.comp[cur] === home ? cur : -1, s.assign, home);
    if (c < 0 || s.assign[c] !== t) return false;
    next.push(keep); centers.push(c);
  }
  let compOld = 0;
  for (const t of [a, b]) for (const u of members[t]!) compOld += unitCost(ctx, u, s.centers[t]!);
  for (let i = 0; i < r.nodes.length; i++) {
    const u = r.nodes[i]!; const from = old[i]!; const to = s.assign[u]!;
    if (from === to) continue;
    for (let j = 0; j < T; j++) {
      const v = ctx.targets[j]!.values[u]!;
      s.loads[from * T + j] = s.loads[from * T + j]! - v; s.loads[to * T + j] = s.loads[to * T + j]! + v;
    }
    s.size[from] = s.size[from]! - 1; s.size[to] = s.size[to]! + 1;
    if (ctx.baseline) {
      const base = ctx.baseline[u]!;
      if (base >= 0) s.moved += ctx.basis![u]! * (Number(to !== base) - Number(from !== base));
    }
  }
  members[a] = next[0]!; members[b] = next[1]!;
  s.centers[a] = centers[0]!; s.centers[b] = centers[1]!;
  let compNew = 0;
  for (const t of [a, b]) for (const u of members[t]!) compNew += unitCost(ctx, u, s.centers[t]!);
  s.comp += compNew - compOld;
  return true;
}
