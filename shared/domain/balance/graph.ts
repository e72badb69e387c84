import type { CsrAdjacency } from './types';

/** Min-heap of (key, value) pairs over typed arrays; lazy deletion is left to the caller. */
export class MinHeap {
  private keys: Float64Array;
  private vals: Int32Array;
  size = 0;
  constructor(capacity = 1024) {
    this.keys = new Float64Array(capacity);
    this.vals = new Int32Array(capacity);
  }
  /** Adds value with priority key. */
  push(key: number, val: number): void {
    if (this.size === this.keys.length) {
      const k = new Float64Array(this.size * 2); k.set(this.keys); this.keys = k;
      const v = new Int32Array(this.size * 2); v.set(this.vals); this.vals = v;
    }
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (this.keys[p]! <= key) break;
      this.keys[i] = this.keys[p]!; this.vals[i] = this.vals[p]!; i = p;
    }
    this.keys[i] = key; this.vals[i] = val;
  }
  /** Smallest key currently in the heap (undefined behaviour when empty). */
  peekKey(): number { return this.keys[0]!; }
  /** Removes the smallest entry and returns its value. */
  pop(): number {
    const top = this.vals[0]!;
    const n = --this.size;
    const key = this.keys[n]!; const val = this.vals[n]!;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && this.keys[c + 1]! < this.keys[c]!) c++;
      if (this.keys[c]! >= key) break;
      this.keys[i] = this.keys[c]!; this.vals[i] = this.vals[c]!; i = c;
    }
    this.keys[i] = key; this.vals[i] = val;
    return top;
  }
}

/** Labels connected components of the graph; returns per-unit component id and the count. */
export function connectedComponents(adj: CsrAdjacency, n: number): { comp: Int32Array; count: number } {
  const comp = new Int32Array(n).fill(-1);
  const stack = new Int32Array(n);
  let count = 0;
  for (let s = 0; s < n; s++) {
    if (comp[s] !== -1) continue;
    let top = 0; stack[top++] = s; comp[s] = count;
    while (top > 0) {
      const u = stack[--top]!;
      for (let e = adj.offsets[u]!; e < adj.offsets[u + 1]!; e++) {
        const v = adj.neighbors[e]!;
        if (comp[v] === -1) { comp[v] = count; stack[top++] = v; }
      }
    }
    count++;
  }
  return { comp, count };
}

/** Optional parts of territoryPieces: examine only some territories, and label each unit with its piece. */
export type PiecesOptions = {
  /** Units to start from (default: all); only territories of these units are examined, so they must list all of a territory's units. */
  only?: ArrayLike<number>;
  /** Filled per unit with a piece number (0, 1, … across all examined territories); islands get their own number too. */
  pieceOf?: Int32Array;
  /** Filled per piece number with true when that piece is an attached island. */
  islandPiece?: boolean[];
};

/**
 * Pieces of each territory in the graph. A piece that is a whole graph component not holding the
 * territory's centre is an attached island and counted in islandPieces, not in components.
 */
export function territoryPieces(
  adj: CsrAdjacency, assignment: Int32Array, k: number, graphComp: Int32Array, compSize: Int32Array, centers: Int32Array,
  opts: PiecesOptions = {},
): { components: Int32Array; islandPieces: Int32Array } {
  const n = assignment.length;
  const seen = new Uint8Array(n);
  const stack = new Int32Array(n);
  const components = new Int32Array(k);
  const islandPieces = new Int32Array(k);
  const starts = opts.only ?? { length: n };
  let piece = 0;
  for (let j = 0; j < starts.length; j++) {
    const s = opts.only ? opts.only[j]! : j;
    const t = assignment[s]!;
    if (seen[s] || t < 0) continue;
    let top = 0; stack[top++] = s; seen[s] = 1;
    let size = 0; let hasCenter = false;
    while (top > 0) {
      const u = stack[--top]!; size++;
      if (opts.pieceOf) opts.pieceOf[u] = piece;
      if (centers[t] === u) hasCenter = true;
      for (let e = adj.offsets[u]!; e < adj.offsets[u + 1]!; e++) {
        const v = adj.neighbors[e]!;
        if (!seen[v] && assignment[v] === t) { seen[v] = 1; stack[top++] = v; }
      }
    }
    const island = !hasCenter && size === compSize[graphComp[s]!];
    if (island) islandPieces[t] = islandPieces[t]! + 1;
    else components[t] = components[t]! + 1;
    if (opts.islandPiece) opts.islandPiece[piece] = island;
    piece++;
  }
  return { components, islandPieces };
}

/** Symmetric k-nearest-neighbour graph in CSR form (grid bucketed; for point data without polygons). */
export function knnAdjacency(x: Float64Array, y: Float64Array, k: number): CsrAdjacency {
  const n = x.length;
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (let i = 0; i < n; i++) { minX = Math.min(minX, x[i]!); maxX = Math.max(maxX, x[i]!); minY = Math.min(minY, y[i]!); maxY = Math.max(maxY, y[i]!); }
  const side = Math.max(1, Math.ceil(Math.sqrt(n / 2)));
  const cw = (maxX - minX) / side || 1; const ch = (maxY - minY) / side || 1;
  const cell = (cx: number, cy: number): number => cy * side + cx;
  const cellStart = new Int32Array(side * side + 1);
  const cellOf = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const cx = Math.min(side - 1, Math.floor((x[i]! - minX) / cw)); const cy = Math.min(side - 1, Math.floor((y[i]! - minY) / ch));
    cellOf[i] = cell(cx, cy); cellStart[cellOf[i]! + 1] = cellStart[cellOf[i]! + 1]! + 1;
  }
  for (let c = 0; c < side * side; c++) cellStart[c + 1] = cellStart[c + 1]! + (cellStart[c]!);
  const fill = cellStart.slice(0, side * side); const items = new Int32Array(n);
  for (let i = 0; i < n; i++) items[fill[cellOf[i]!]!++] = i;
  const edges: number[][] = Array.from({ length: n }, () => []);
  const best: { d: number; j: number }[] = [];
  for (let i = 0; i < n; i++) {
    const cx = cellOf[i]! % side; const cy = Math.floor(cellOf[i]! / side);
    best.length = 0;
    for (let r = 0; r <= side; r++) {
      for (let gy = Math.max(0, cy - r); gy <= Math.min(side - 1, cy + r); gy++) {
        for (let gx = Math.max(0, cx - r); gx <= Math.min(side - 1, cx + r); gx++) {
          if (Math.max(Math.abs(gx - cx), Math.abs(gy - cy)) !== r) continue;
          const c = cell(gx, gy);
          for (let p = cellStart[c]!; p < cellStart[c + 1]!; p++) {
            const j = items[p]!; if (j === i) continue;
            best.push({ d: (x[j]! - x[i]!) ** 2 + (y[j]! - y[i]!) ** 2, j });
          }
        }
      }
      // Everything within ring r*min(cw,ch) is found once r rings are scanned.
      if (best.length >= k) {
        best.sort((a, b) => a.d - b.d);
        if (best[k - 1]!.d <= (r * Math.min(cw, ch)) ** 2) break;
      }
    }
    best.sort((a, b) => a.d - b.d);
    for (let q = 0; q < Math.min(k, best.length); q++) { edges[i]!.push(best[q]!.j); edges[best[q]!.j]!.push(i); }
  }
  return edgeListsToCsr(edges);
}

/** CSR adjacency from per-unit neighbour lists (deduplicated, self-loops dropped). */
export function edgeListsToCsr(lists: readonly (readonly number[])[]): CsrAdjacency {
  const n = lists.length;
  const offsets = new Int32Array(n + 1);
  const uniq = lists.map((l, i) => Array.from(new Set(l)).filter((j) => j !== i).sort((a, b) => a - b));
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i]! + uniq[i]!.length;
  const neighbors = new Int32Array(offsets[n]!);
  for (let i = 0; i < n; i++) neighbors.set(uniq[i]!, offsets[i]!);
  return { offsets, neighbors };
}

/** Empty adjacency (no unit has a neighbour). */
export function emptyAdjacency(n: number): CsrAdjacency {
  return { offsets: new Int32Array(n + 1), neighbors: new Int32Array(0) };
}
