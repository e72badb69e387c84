import KDBush from 'kdbush';
import type { AccountPointsResult, AccountRasterRequest, AccountRasterResult } from '../../contracts/raster-worker-api';
import { frameBounds, frameExtent, frameOfView, mercatorX, mercatorY, projectPositions, rasterizeHeatGrid, rasterizePoints, type PointSet } from './viewport-raster';

const clock = (globalThis as { performance?: { now(): number } }).performance;
const now = (): number => (clock ? clock.now() : Date.now());

/**
 * Account points indexed for view queries (a static k-d tree over Web Mercator coordinates): answers
 * "draw this view" with either the points inside it (few: vector) or an image (many: raster), a heat grid,
 * and "which point is under the pointer". Points with radius 0 (unplaced accounts) are neither indexed nor drawn.
 */
export class AccountRasterIndex {
  readonly count: number;
  private readonly positions: Float32Array;
  private readonly radii: Float32Array;
  private readonly mx: Float64Array;
  private readonly my: Float64Array;
  /** Index position -> account index (only drawn points are in the tree). */
  private readonly drawn: Uint32Array;
  private readonly tree: KDBush;
  private readonly maxRadius: number;
  /** World extent of the drawn points. */
  private readonly extent: [number, number, number, number];
  private weights: Float32Array | null = null;

  constructor(positions: Float32Array, radii: Float32Array) {
    if (positions.length !== radii.length * 2) throw new Error(`positions has ${positions.length} values for ${radii.length} points (expected 2 per point)`);
    this.count = radii.length;
    this.positions = positions;
    this.radii = radii;
    const { mx, my } = projectPositions(positions);
    this.mx = mx;
    this.my = my;
    const drawn: number[] = [];
    let maxRadius = 0;
    const extent: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
    for (let i = 0; i < this.count; i++) {
      const r = radii[i]!;
      if (!(r > 0) || !Number.isFinite(mx[i]!) || !Number.isFinite(my[i]!)) continue;
      drawn.push(i);
      if (r > maxRadius) maxRadius = r;
      extent[0] = Math.min(extent[0], mx[i]!);
      extent[1] = Math.min(extent[1], my[i]!);
      extent[2] = Math.max(extent[2], mx[i]!);
      extent[3] = Math.max(extent[3], my[i]!);
    }
    this.drawn = Uint32Array.from(drawn);
    this.maxRadius = maxRadius;
    this.extent = extent;
    this.tree = new KDBush(Math.max(1, drawn.length));
    for (const i of drawn) this.tree.add(mx[i]!, my[i]!);
    if (drawn.length === 0) this.tree.add(-1, -1); // kdbush needs one item; (-1,-1) lies outside every frame
    this.tree.finish();
  }

  /** Number of points that can be drawn (placed, radius > 0). */
  get drawable(): number {
    return this.drawn.length;
  }

  setHeatWeights(weights: Float32Array | null): void {
    if (weights && weights.length !== this.count) throw new Error(`heat weights has ${weights.length} values for ${this.count} points`);
    this.weights = weights;
  }

  /** Account indices (ascending) of the drawn points inside [minX, minY, maxX, maxY], or null for "all of them". */
  private query(box: [number, number, number, number]): Uint32Array | null {
    const e = this.extent;
    if (box[0] <= e[0] && box[1] <= e[1] && box[2] >= e[2] && box[3] >= e[3]) return null;
    const hits = this.tree.range(box[0], box[1], box[2], box[3]);
    const ids = new Uint32Array(hits.length);
    let n = 0;
    for (const h of hits) if (h < this.drawn.length) ids[n++] = this.drawn[h]!;
    return ids.subarray(0, n).sort();
  }

  render(req: AccountRasterRequest): AccountRasterResult {
    const frame = frameOfView(req.view, req.margin, req.pixelRatio);
    const bounds = frameBounds(frame);
    let points: AccountPointsResult | null = null;
    let subset: Uint32Array | null | undefined;
    if (req.points) {
      const t0 = now();
      subset = this.query(frameExtent(frame, this.maxRadius * req.pixelRatio + 1));
      const inFrame = subset ? subset.length : this.drawn.length;
      if (inFrame <= req.points.vectorLimit) {
        const ids = subset ?? this.drawn.slice();
        const positions = new Float32Array(ids.length * 2);
        const radii = new Float32Array(ids.length);
        for (let k = 0; k < ids.length; k++) {
          const i = ids[k]!;
          positions[2 * k] = this.positions[2 * i]!;
          positions[2 * k + 1] = this.positions[2 * i + 1]!;
          radii[k] = this.radii[i]!;
        }
        points = { kind: 'vector', inFrame, indices: ids, positions, radii, ms: now() - t0 };
      } else {
        const set: PointSet = { mx: this.mx, my: this.my, ids: subset ?? this.drawn, count: this.count };
        const rgba = rasterizePoints(set, this.radii, frame, req.points.color, req.pixelRatio);
        points = { kind: 'raster', inFrame, width: frame.width, height: frame.height, bounds, rgba, ms: now() - t0 };
      }
    }
    let heat: AccountRasterResult['heat'] = null;
    if (req.heat && this.weights) {
      const t0 = now();
      const ids = subset === undefined ? this.query(frameExtent(frame)) : subset;
      const { rgba, domain } = rasterizeHeatGrid({ mx: this.mx, my: this.my, ids: ids ?? this.drawn, count: this.count }, this.weights, frame, { ...req.heat, cellPx: req.heat.cellPx * req.pixelRatio });
      heat = { width: frame.width, height: frame.height, bounds, rgba, domain, ms: now() - t0 };
    }
    return { points, heat };
  }

  pick(lon: number, lat: number, zoom: number, slackPx: number): number {
    if (!Number.isFinite(lon) || !Number.isFinite(lat)) return -1;
    const scale = 512 * 2 ** zoom;
    const x = mercatorX(lon);
    const y = mercatorY(lat);
    const hits = this.tree.within(x, y, (this.maxRadius + slackPx) / scale);
    let best = -1;
    let bestGap = Infinity;
    for (const h of hits) {
      if (h >= this.drawn.length) continue;
      const i = this.drawn[h]!;
      const gap = Math.hypot(this.mx[i]! - x, this.my[i]! - y) * scale - this.radii[i]!;
      if (gap <= slackPx && (gap < bestGap || (gap === bestGap && i < best))) {
        best = i;
        bestGap = gap;
      }
    }
    return best;
  }
}
