// Level of detail for large point sets: points are drawn into an RGBA image of the current view (plus a
// margin) off the UI thread, and the map shows that image as one textured quad. The cost of a pan frame then
// no longer grows with the number of points (software WebGL rasterises ~30 µs per instanced point here).
// Coordinates are Web Mercator "world units" in [0, 1] (x east, y south), as deck.gl's common space / 512.

/** One raster of the map: pixel (px, py) = ((mx - x0) * scale, (my - y0) * scale); scale = 512 * 2^zoom * pixelRatio. */
export type RasterFrame = { x0: number; y0: number; scale: number; width: number; height: number };

/** A view as deck.gl's MapView describes it (CSS pixels). */
export type ViewBox = { longitude: number; latitude: number; zoom: number; width: number; height: number };

export type Rgba = readonly [number, number, number, number];

const MAX_LAT = 85.0511287798066;

export function mercatorX(lon: number): number {
  return (lon + 180) / 360;
}

export function mercatorY(lat: number): number {
  const phi = (Math.max(-MAX_LAT, Math.min(MAX_LAT, lat)) * Math.PI) / 180;
  return (1 - Math.log(Math.tan(Math.PI / 4 + phi / 2)) / Math.PI) / 2;
}

export function lonOf(mx: number): number {
  return mx * 360 - 180;
}

export function latOf(my: number): number {
  return (Math.atan(Math.sinh(Math.PI * (1 - 2 * my))) * 180) / Math.PI;
}

/** Largest raster side, pixels (below every WebGL2 MAX_TEXTURE_SIZE; keeps one image under ~64 MB). */
export const MAX_RASTER_SIDE = 4096;

/**
 * The frame covering a view plus `margin` of its size on every side (so a pan shows already drawn points
 * until the next raster arrives), clipped to the world. Pixel ratio multiplies the resolution; the side is
 * capped at MAX_RASTER_SIDE by lowering the resolution, never by cutting the view.
 */
export function frameOfView(view: ViewBox, margin: number, pixelRatio = 1): RasterFrame {
  let scale = 512 * 2 ** view.zoom * pixelRatio;
  const cx = mercatorX(view.longitude);
  const cy = mercatorY(view.latitude);
  const halfW = ((view.width / 2) * (1 + 2 * margin) * pixelRatio) / scale;
  const halfH = ((view.height / 2) * (1 + 2 * margin) * pixelRatio) / scale;
  const x0 = Math.max(0, cx - halfW);
  const x1 = Math.min(1, cx + halfW);
  const y0 = Math.max(0, cy - halfH);
  const y1 = Math.min(1, cy + halfH);
  const longest = Math.max(x1 - x0, y1 - y0) * scale;
  if (longest > MAX_RASTER_SIDE) scale *= MAX_RASTER_SIDE / longest;
  return {
    x0,
    y0,
    scale,
    width: Math.max(1, Math.ceil((x1 - x0) * scale)),
    height: Math.max(1, Math.ceil((y1 - y0) * scale)),
  };
}

/** [west, south, east, north] of a frame in degrees (BitmapLayer bounds). */
export function frameBounds(f: RasterFrame): [number, number, number, number] {
  return [lonOf(f.x0), latOf(f.y0 + f.height / f.scale), lonOf(f.x0 + f.width / f.scale), latOf(f.y0)];
}

/** The frame's extent in world units, grown by `padPx` pixels on each side (for index queries). */
export function frameExtent(f: RasterFrame, padPx = 0): [number, number, number, number] {
  const pad = padPx / f.scale;
  return [f.x0 - pad, f.y0 - pad, f.x0 + f.width / f.scale + pad, f.y0 + f.height / f.scale + pad];
}

/** Projects interleaved lon/lat positions to world units. */
export function projectPositions(positions: ArrayLike<number>): { mx: Float64Array; my: Float64Array } {
  const n = positions.length >> 1;
  const mx = new Float64Array(n);
  const my = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    mx[i] = mercatorX(positions[2 * i]!);
    my[i] = mercatorY(positions[2 * i + 1]!);
  }
  return { mx, my };
}

/** Which points a raster draws: `ids` (a subset, e.g. an index query) or all `count` points. */
export type PointSet = { mx: Float64Array; my: Float64Array; ids: ArrayLike<number> | null; count: number };

/**
 * Draws anti-aliased discs of one colour: radius radii[i] CSS pixels (times pixelRatio), alpha compositing
 * "source over" exactly as a WebGL scatterplot of one colour would (with one colour the order of the points
 * does not matter). Points with radius <= 0 are not drawn. Returns straight (not premultiplied) RGBA.
 */
export function rasterizePoints(pts: PointSet, radii: Float32Array, frame: RasterFrame, color: Rgba, pixelRatio = 1): Uint8ClampedArray {
  const { width: w, height: h, x0, y0, scale } = frame;
  // Transmittance per pixel: the share of the background still visible (1 = untouched).
  const t = new Float32Array(w * h).fill(1);
  const alpha = color[3] / 255;
  const n = pts.ids ? pts.ids.length : pts.count;
  for (let k = 0; k < n; k++) {
    const i = pts.ids ? pts.ids[k]! : k;
    const r = radii[i]! * pixelRatio;
    if (!(r > 0)) continue;
    const px = (pts.mx[i]! - x0) * scale;
    const py = (pts.my[i]! - y0) * scale;
    if (r < 0.75) {
      // Sub-pixel point: its area covers part of one pixel.
      const ix = Math.floor(px);
      const iy = Math.floor(py);
      if (ix < 0 || iy < 0 || ix >= w || iy >= h) continue;
      t[iy * w + ix]! *= 1 - alpha * Math.min(1, Math.PI * r * r);
      continue;
    }
    const reach = r + 0.5;
    const xa = Math.max(0, Math.floor(px - reach));
    const xb = Math.min(w - 1, Math.floor(px + reach));
    const ya = Math.max(0, Math.floor(py - reach));
    const yb = Math.min(h - 1, Math.floor(py + reach));
    for (let y = ya; y <= yb; y++) {
      const dy = y + 0.5 - py;
      const row = y * w;
      for (let x = xa; x <= xb; x++) {
        const dx = x + 0.5 - px;
        const cover = reach - Math.sqrt(dx * dx + dy * dy);
        if (cover <= 0) continue;
        t[row + x]! *= 1 - alpha * (cover >= 1 ? 1 : cover);
      }
    }
  }
  const out = new Uint8ClampedArray(w * h * 4);
  for (let p = 0; p < w * h; p++) {
    const tp = t[p]!;
    if (tp >= 1) continue;
    const o = p * 4;
    out[o] = color[0];
    out[o + 1] = color[1];
    out[o + 2] = color[2];
    out[o + 3] = Math.round(255 * (1 - tp));
  }
  return out;
}

export type HeatStyle = { cellPx: number; colors: readonly Rgba[]; opacity: number };

/**
 * A heat grid of summed weights over square cells of `cellPx` raster pixels aligned to the frame (as
 * deck.gl's ScreenGridLayer: cells with a positive sum are drawn, colour by a quantize scale over the
 * [min, max] of those cells, a 1-pixel gap between cells). Returns RGBA and the [min, max] used.
 */
export function rasterizeHeatGrid(pts: PointSet, weights: Float32Array, frame: RasterFrame, style: HeatStyle): { rgba: Uint8ClampedArray; domain: [number, number] } {
  const { width: w, height: h, x0, y0, scale } = frame;
  const cell = Math.max(2, Math.round(style.cellPx));
  const gw = Math.ceil(w / cell);
  const gh = Math.ceil(h / cell);
  const sums = new Float64Array(gw * gh);
  const n = pts.ids ? pts.ids.length : pts.count;
  for (let k = 0; k < n; k++) {
    const i = pts.ids ? pts.ids[k]! : k;
    const wt = weights[i]!;
    if (!(wt > 0)) continue;
    const px = (pts.mx[i]! - x0) * scale;
    const py = (pts.my[i]! - y0) * scale;
    if (px < 0 || py < 0 || px >= w || py >= h) continue;
    sums[Math.floor(py / cell) * gw + Math.floor(px / cell)]! += wt;
  }
  let min = Infinity;
  let max = -Infinity;
  for (const s of sums) {
    if (s > 0) {
      if (s < min) min = s;
      if (s > max) max = s;
    }
  }
  const rgba = new Uint8ClampedArray(w * h * 4);
  if (!(max > 0)) return { rgba, domain: [0, 0] };
  const levels = style.colors.length;
  const span = max - min;
  for (let gy = 0; gy < gh; gy++) {
    for (let gx = 0; gx < gw; gx++) {
      const s = sums[gy * gw + gx]!;
      if (!(s > 0)) continue;
      const level = span > 0 ? Math.min(levels - 1, Math.floor(((s - min) / span) * levels)) : levels - 1;
      const c = style.colors[level]!;
      const a = Math.round((c[3] ?? 255) * style.opacity);
      const ya = gy * cell;
      const yb = Math.min(h, ya + cell - 1);
      const xa = gx * cell;
      const xb = Math.min(w, xa + cell - 1);
      for (let y = ya; y < yb; y++) {
        for (let x = xa; x < xb; x++) {
          const o = (y * w + x) * 4;
          rgba[o] = c[0];
          rgba[o + 1] = c[1];
          rgba[o + 2] = c[2];
          rgba[o + 3] = a;
        }
      }
    }
  }
  return { rgba, domain: [min, max] };
}
