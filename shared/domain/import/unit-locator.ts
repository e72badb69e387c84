import type { GeoKind } from '../dataset/types';

/** A polygon as rings of [x, y] pairs (outer ring first, holes after; even-odd rule). */
export type Rings = readonly (readonly (readonly number[])[])[];

/** Units to locate points in: centroids always, polygons when the workspace has geometry. */
export type LocatorUnits = {
  kind: GeoKind;
  ids: readonly string[];
  x: readonly number[];
  y: readonly number[];
  /** Per unit, its polygons (a MultiPolygon has several), or null when the unit has no geometry. */
  polygons?: readonly (readonly Rings[] | null)[];
};

/** Finds the unit of a point (or code) fast enough for a million accounts. */
export type UnitLocator = {
  /**
   * Unit index by code (a ZIP for ZIP units, a FIPS for county units), else by point; -1 when none.
   * With memo the point's answer is remembered (for points many records share: ZIP or city centroids).
   */
  locate: (x: number, y: number, codes?: { zip?: string; county?: string }, memo?: boolean) => number;
  indexOf: (id: string) => number;
};

type Grid = { minX: number; minY: number; cell: number; cols: number; rows: number; cells: Int32Array[] };

function makeGrid(boxes: Float64Array, count: number): Grid {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (let i = 0; i < count; i++) {
    if (!(boxes[i * 4]! <= boxes[i * 4 + 2]!)) continue;
    minX = Math.min(minX, boxes[i * 4]!);
    minY = Math.min(minY, boxes[i * 4 + 1]!);
    maxX = Math.max(maxX, boxes[i * 4 + 2]!);
    maxY = Math.max(maxY, boxes[i * 4 + 3]!);
  }
  if (minX > maxX) [minX, minY, maxX, maxY] = [0, 0, 1, 1];
  // Cells about the size of a typical item: an extent-based size fails when a few far-off items (Alaska,
  // the Aleutians across 180°) stretch the extent and crowd the dense part into a few cells. Points
  // (zero-size items) get about two per cell on average. At most ~1M cells.
  const sizes: number[] = [];
  for (let i = 0; i < count; i++) if (boxes[i * 4]! <= boxes[i * 4 + 2]!) sizes.push(Math.max(boxes[i * 4 + 2]! - boxes[i * 4]!, boxes[i * 4 + 3]! - boxes[i * 4 + 1]!));
  sizes.sort((a, b) => a - b);
  const typical = sizes[sizes.length >> 1] ?? 0;
  const [dx, dy] = [maxX - minX, maxY - minY];
  const extent = Math.max(dx, dy);
  const spread = dx * dy > 0 ? Math.sqrt((dx * dy) / Math.max(1, count / 2)) : extent / Math.max(1, count / 2);
  // Also at most 1,000 cells a side, so items on one line (zero area) cannot ask for a billion cells.
  const cell = Math.max(typical > 0 ? typical : spread, Math.sqrt((dx * dy) / 1e6), extent / 1000, 1e-9);
  const cols = Math.floor((maxX - minX) / cell) + 1;
  const rows = Math.floor((maxY - minY) / cell) + 1;
  const lists: number[][] = Array.from({ length: cols * rows }, () => []);
  for (let i = 0; i < count; i++) {
    if (!(boxes[i * 4]! <= boxes[i * 4 + 2]!)) continue;
    const c0 = Math.floor((boxes[i * 4]! - minX) / cell), c1 = Math.floor((boxes[i * 4 + 2]! - minX) / cell);
    const r0 = Math.floor((boxes[i * 4 + 1]! - minY) / cell), r1 = Math.floor((boxes[i * 4 + 3]! - minY) / cell);
    for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) lists[r * cols + c]!.push(i);
  }
  return { minX, minY, cell, cols, rows, cells: lists.map((l) => Int32Array.from(l)) };
}

function cellOf(g: Grid, x: number, y: number): [number, number] {
  return [Math.floor((x - g.minX) / g.cell), Math.floor((y - g.minY) / g.cell)];
}

/** Even-odd point in polygon over all rings (holes included). */
export function pointInRings(x: number, y: number, rings: Rings): boolean {
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const xi = ring[i]![0]!, yi = ring[i]![1]!, xj = ring[j]![0]!, yj = ring[j]![1]!;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

/** Rings as flat [x0, y0, x1, y1, …] arrays: several times faster to walk than arrays of pairs. */
type FlatRings = Float64Array[];

const flatten = (rings: Rings): FlatRings => rings.map((ring) => Float64Array.from(ring.flatMap((p) => [p[0]!, p[1]!])));

/** pointInRings over flat rings. */
function pointInFlat(x: number, y: number, rings: FlatRings): boolean {
  let inside = false;
  for (const r of rings) {
    const n = r.length;
    for (let i = 0, j = n - 2; i < n; j = i, i += 2) {
      const xi = r[i]!, yi = r[i + 1]!, xj = r[j]!, yj = r[j + 1]!;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

/** Squared distance from a point to the nearest edge of the rings. */
function ringsDistance2(x: number, y: number, rings: FlatRings): number {
  let best = Infinity;
  for (const r of rings) {
    for (let i = 2; i < r.length; i += 2) {
      const ax = r[i - 2]!, ay = r[i - 1]!, bx = r[i]!, by = r[i + 1]!;
      const dx = bx - ax, dy = by - ay;
      const len = dx * dx + dy * dy;
      const t = len > 0 ? Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / len)) : 0;
      best = Math.min(best, (ax + t * dx - x) ** 2 + (ay + t * dy - y) ** 2);
    }
  }
  return best;
}

/** insideCells' marks: the cell's polygon is not known yet; a polygon edge crosses the cell. */
const UNKNOWN = -2;
const CROSSED = -3;

/** A fine grid over the polygons: per cell the polygon holding all of it (-1: none), UNKNOWN or CROSSED. */
type InsideCells = { minX: number; minY: number; cell: number; cols: number; rows: number; owner: Int32Array };

/**
 * Marks every cell of a grid finer than the polygon grid that a polygon edge may cross (the edge's bounding box,
 * conservatively); the other cells each lie wholly inside one polygon or outside all, so one point in polygon test
 * (done lazily, at the cell's centre) answers for every point in it. At most ~4M cells.
 */
function insideCells(g: Grid, polys: readonly (FlatRings[] | null)[]): InsideCells {
  const w = g.cols * g.cell, h = g.rows * g.cell;
  const cell = Math.max(g.cell / 8, Math.sqrt((w * h) / 4e6));
  const cols = Math.ceil(w / cell) + 1, rows = Math.ceil(h / cell) + 1;
  const owner = new Int32Array(cols * rows).fill(UNKNOWN);
  const col = (x: number) => Math.min(cols - 1, Math.max(0, Math.floor((x - g.minX) / cell)));
  const row = (y: number) => Math.min(rows - 1, Math.max(0, Math.floor((y - g.minY) / cell)));
  for (const p of polys) {
    for (const rings of p ?? []) {
      for (const ring of rings) {
        const n = ring.length;
        for (let i = 0, j = n - 2; i < n; j = i, i += 2) {
          const c0 = col(Math.min(ring[i]!, ring[j]!)), c1 = col(Math.max(ring[i]!, ring[j]!));
          const r0 = row(Math.min(ring[i + 1]!, ring[j + 1]!)), r1 = row(Math.max(ring[i + 1]!, ring[j + 1]!));
          for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) owner[r * cols + c] = CROSSED;
        }
      }
    }
  }
  return { minX: g.minX, minY: g.minY, cell, cols, rows, owner };
}

/**
 * Builds a locator: codes first (ZIP or FIPS equal to a unit id), then point in polygon with a grid of
 * polygon bounding boxes as prefilter, then (for polygons) the nearest edge within maxSnap (degrees or
 * planar units), so a coastal ZIP centroid that falls just into the sea still finds its county;
 * point-only geographies take the nearest centroid.
 */
export function createUnitLocator(units: LocatorUnits, maxSnap = 0.25): UnitLocator {
  const n = units.ids.length;
  const index = new Map(units.ids.map((id, i) => [id, i]));
  const polys = units.polygons?.map((p) => (p ? p.map(flatten) : null));
  const hasPolygons = !!polys && polys.some((p) => p && p.length > 0);
  const memo = new Map<number, Map<number, number>>();
  let memoSize = 0;
  const boxes = new Float64Array(n * 4);
  const centers = new Float64Array(n * 4);
  for (let i = 0; i < n; i++) {
    centers.set([units.x[i]!, units.y[i]!, units.x[i]!, units.y[i]!], i * 4);
    let b = [Infinity, Infinity, -Infinity, -Infinity];
    for (const rings of polys?.[i] ?? []) {
      const r = rings[0];
      for (let k = 0; r && k < r.length; k += 2) b = [Math.min(b[0]!, r[k]!), Math.min(b[1]!, r[k + 1]!), Math.max(b[2]!, r[k]!), Math.max(b[3]!, r[k + 1]!)];
    }
    boxes.set(b, i * 4);
  }
  const polyGrid = hasPolygons ? makeGrid(boxes, n) : null;
  const pointGrid = makeGrid(centers, n);

  const inPolygon = (x: number, y: number): number => {
    const g = polyGrid!;
    const [c, r] = cellOf(g, x, y);
    if (c < 0 || r < 0 || c >= g.cols || r >= g.rows) return -1;
    for (const i of g.cells[r * g.cols + c]!) {
      if (x < boxes[i * 4]! || y < boxes[i * 4 + 1]! || x > boxes[i * 4 + 2]! || y > boxes[i * 4 + 3]!) continue;
      for (const rings of polys![i]!) if (pointInFlat(x, y, rings)) return i;
    }
    return -1;
  };

  // A point just outside every polygon (a coastal ZIP centroid in the sea) goes to the polygon with the
  // nearest edge within maxSnap; only polygons whose grown bounding box holds the point are measured.
  const nearestEdge = (x: number, y: number): number => {
    const g = polyGrid!;
    const [c0, r0] = cellOf(g, x - maxSnap, y - maxSnap);
    const [c1, r1] = cellOf(g, x + maxSnap, y + maxSnap);
    let best = -1;
    let bestD = maxSnap * maxSnap;
    const seen = new Set<number>();
    for (let r = Math.max(r0, 0); r <= Math.min(r1, g.rows - 1); r++) {
      for (let c = Math.max(c0, 0); c <= Math.min(c1, g.cols - 1); c++) {
        for (const i of g.cells[r * g.cols + c]!) {
          if (seen.has(i)) continue;
          seen.add(i);
          if (x < boxes[i * 4]! - maxSnap || y < boxes[i * 4 + 1]! - maxSnap || x > boxes[i * 4 + 2]! + maxSnap || y > boxes[i * 4 + 3]! + maxSnap) continue;
          for (const rings of polys![i]!) {
            const d = ringsDistance2(x, y, rings);
            if (d < bestD) [best, bestD] = [i, d];
          }
        }
      }
    }
    return best;
  };

  const nearest = (x: number, y: number, limit: number): number => {
    const g = pointGrid;
    const [c, r] = cellOf(g, x, y);
    let best = -1;
    let bestD = limit * limit;
    if (c < 0 || r < 0 || c >= g.cols || r >= g.rows) {
      // Outside the geography's extent (rare): a plain scan is simpler than a clamped ring search.
      for (let i = 0; i < n; i++) {
        const d = (units.x[i]! - x) ** 2 + (units.y[i]! - y) ** 2;
        if (d < bestD) [best, bestD] = [i, d];
      }
      return best;
    }
    const maxRing = Math.max(g.cols, g.rows);
    for (let k = 0; k <= maxRing; k++) {
      // Stop once the ring is farther than the best hit (or the limit).
      if ((k - 1) * g.cell > Math.sqrt(bestD)) break;
      for (let rr = r - k; rr <= r + k; rr++) {
        if (rr < 0 || rr >= g.rows) continue;
        for (let cc = c - k; cc <= c + k; cc++) {
          if (cc < 0 || cc >= g.cols || (Math.abs(rr - r) !== k && Math.abs(cc - c) !== k)) continue;
          for (const i of g.cells[rr * g.cols + cc]!) {
            const d = (units.x[i]! - x) ** 2 + (units.y[i]! - y) ** 2;
            if (d < bestD) [best, bestD] = [i, d];
          }
        }
      }
    }
    return best;
  };

  const inside = polyGrid ? insideCells(polyGrid, polys!) : null;
  /** inPolygon, answered from the cell when no polygon edge crosses it (most points): one lookup instead of tests. */
  const inPolygonFast = (x: number, y: number): number => {
    const f = inside!;
    const c = Math.floor((x - f.minX) / f.cell), r = Math.floor((y - f.minY) / f.cell);
    if (c < 0 || r < 0 || c >= f.cols || r >= f.rows) return inPolygon(x, y);
    const k = r * f.cols + c;
    const known = f.owner[k]!;
    if (known === CROSSED) return inPolygon(x, y);
    if (known !== UNKNOWN) return known;
    // No edge crosses the cell: all of it lies in one polygon or in none, as its centre does.
    return (f.owner[k] = inPolygon(f.minX + (c + 0.5) * f.cell, f.minY + (r + 0.5) * f.cell));
  };

  const byPoint = (x: number, y: number): number => {
    if (hasPolygons) {
      const hit = inPolygonFast(x, y);
      return hit >= 0 ? hit : nearestEdge(x, y);
    }
    return nearest(x, y, units.kind === 'zip' ? 1 : Infinity);
  };

  return {
    indexOf: (id) => index.get(id) ?? -1,
    locate: (x, y, codes, remember) => {
      if (codes?.zip && units.kind === 'zip') {
        const i = index.get(codes.zip);
        if (i !== undefined) return i;
      }
      if (codes?.county && /^\d{5}$/.test(codes.county) && units.kind === 'county') {
        const i = index.get(codes.county);
        if (i !== undefined) return i;
      }
      if (n === 0 || !Number.isFinite(x) || !Number.isFinite(y)) return -1;
      if (!remember) return byPoint(x, y);
      let row = memo.get(x);
      const known = row?.get(y);
      if (known !== undefined) return known;
      const i = byPoint(x, y);
      // Bounded: a few hundred thousand distinct centroids at most in practice.
      if (memoSize < 500_000) {
        if (!row) memo.set(x, (row = new Map()));
        row.set(y, i);
        memoSize++;
      }
      return i;
    },
  };
}
