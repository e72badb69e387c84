import { describe, expect, it } from 'vitest';
import { AccountRasterIndex } from '../../../../shared/domain/geo/account-raster-index';
import { createRng } from '../../../../shared/domain/random';
import {
  frameBounds,
  frameOfView,
  latOf,
  lonOf,
  MAX_RASTER_SIDE,
  mercatorX,
  mercatorY,
  rasterizeHeatGrid,
  rasterizePoints,
  type RasterFrame,
} from '../../../../shared/domain/geo/viewport-raster';

const alphaAt = (rgba: Uint8ClampedArray, f: RasterFrame, x: number, y: number) => rgba[(y * f.width + x) * 4 + 3]!;

/** A frame of w x h pixels whose pixel (0,0) starts at world (0.5, 0.5), 1e4 pixels per world unit. */
const frame = (w: number, h: number): RasterFrame => ({ x0: 0.5, y0: 0.5, scale: 1e4, width: w, height: h });
/** World coordinates of pixel position (px, py) in that frame. */
const at = (px: number, py: number) => [0.5 + px / 1e4, 0.5 + py / 1e4] as const;

function pointSet(coords: Array<readonly [number, number]>) {
  return { mx: Float64Array.from(coords.map((c) => c[0])), my: Float64Array.from(coords.map((c) => c[1])), ids: null, count: coords.length };
}

describe('Web Mercator frames', () => {
  it('projects and inverts longitude and latitude', () => {
    for (const [lon, lat] of [[-98, 39], [-122.4, 37.8], [-70, 45], [0, 0]] as const) {
      expect(lonOf(mercatorX(lon))).toBeCloseTo(lon, 9);
      expect(latOf(mercatorY(lat))).toBeCloseTo(lat, 9);
    }
    expect(mercatorY(0)).toBeCloseTo(0.5, 12);
    expect(mercatorY(60)).toBeLessThan(mercatorY(30)); // y grows southward
  });

  it('covers the view plus its margin, centred on the view centre, at 512 * 2^zoom pixels per world unit', () => {
    const view = { longitude: -98, latitude: 39, zoom: 4, width: 800, height: 500 };
    const f = frameOfView(view, 0.25);
    expect(f.scale).toBe(512 * 16);
    expect(f.width).toBe(1200);
    expect(f.height).toBe(750);
    expect((mercatorX(view.longitude) - f.x0) * f.scale).toBeCloseTo(600, 6);
    expect((mercatorY(view.latitude) - f.y0) * f.scale).toBeCloseTo(375, 6);
    const [w, s, e, n] = frameBounds(f);
    expect(w).toBeLessThan(-98);
    expect(e).toBeGreaterThan(-98);
    expect(s).toBeLessThan(39);
    expect(n).toBeGreaterThan(39);
    // The bounds map back onto the frame's corners.
    expect(mercatorX(w)).toBeCloseTo(f.x0, 12);
    expect(mercatorY(n)).toBeCloseTo(f.y0, 12);
    expect((mercatorX(e) - f.x0) * f.scale).toBeCloseTo(f.width, 6);
    expect((mercatorY(s) - f.y0) * f.scale).toBeCloseTo(f.height, 6);
  });

  it('clips to the world and lowers the resolution rather than exceed the largest side', () => {
    const whole = frameOfView({ longitude: 0, latitude: 0, zoom: 0, width: 4000, height: 4000 }, 0.5);
    expect(whole.x0).toBe(0);
    expect(whole.y0).toBe(0);
    expect(whole.width).toBe(512);
    const big = frameOfView({ longitude: -98, latitude: 39, zoom: 6, width: 3000, height: 2000 }, 0.5, 2);
    expect(Math.max(big.width, big.height)).toBeLessThanOrEqual(MAX_RASTER_SIDE + 1);
    expect(big.scale).toBeLessThan(512 * 64 * 2);
  });
});

describe('rasterizePoints', () => {
  const color = [30, 41, 59, 60] as const;

  it('draws a disc of the radius with the colour, transparent elsewhere', () => {
    const f = frame(20, 20);
    const rgba = rasterizePoints(pointSet([at(10.5, 10.5)]), Float32Array.from([3]), f, color);
    expect(alphaAt(rgba, f, 10, 10)).toBe(60);
    expect(Array.from(rgba.subarray((10 * 20 + 10) * 4, (10 * 20 + 10) * 4 + 3))).toEqual([30, 41, 59]);
    expect(alphaAt(rgba, f, 12, 10)).toBe(60); // 2 px from the centre: inside
    expect(alphaAt(rgba, f, 13, 10)).toBe(30); // 3 px: the anti-aliased edge, half covered
    expect(alphaAt(rgba, f, 14, 10)).toBe(0); // 4 px: outside
    expect(alphaAt(rgba, f, 0, 0)).toBe(0);
    // The covered area (alpha-weighted) is about the disc's area.
    let area = 0;
    for (let p = 0; p < 400; p++) area += rgba[p * 4 + 3]! / 60;
    expect(area).toBeGreaterThan(Math.PI * 9 * 0.9);
    expect(area).toBeLessThan(Math.PI * 9 * 1.25);
  });

  it('composites overlapping points as source-over: alpha 1 - (1 - a)^n', () => {
    const f = frame(10, 10);
    const rgba = rasterizePoints(pointSet([at(5, 5), at(5, 5), at(5, 5)]), Float32Array.from([2, 2, 2]), f, color);
    const a = 60 / 255;
    expect(alphaAt(rgba, f, 5, 5)).toBe(Math.round(255 * (1 - (1 - a) ** 3)));
  });

  it('skips radius 0 (unplaced accounts) and draws sub-pixel points as partial cover of one pixel', () => {
    const f = frame(10, 10);
    const rgba = rasterizePoints(pointSet([at(2.5, 2.5), at(7.5, 7.5)]), Float32Array.from([0, 0.4]), f, [0, 0, 0, 255]);
    expect(alphaAt(rgba, f, 2, 2)).toBe(0);
    expect(alphaAt(rgba, f, 7, 7)).toBe(Math.round(255 * Math.PI * 0.16));
    expect(alphaAt(rgba, f, 6, 7)).toBe(0);
  });

  it('draws only the listed ids and scales radii by the pixel ratio', () => {
    const f = frame(30, 10);
    const pts = { ...pointSet([at(5.5, 5.5), at(15.5, 5.5), at(25.5, 5.5)]), ids: [1] };
    const rgba = rasterizePoints(pts, Float32Array.from([1, 1, 1]), f, color, 3);
    expect(alphaAt(rgba, f, 5, 5)).toBe(0);
    expect(alphaAt(rgba, f, 25, 5)).toBe(0);
    expect(alphaAt(rgba, f, 15, 5)).toBe(60);
    expect(alphaAt(rgba, f, 17, 5)).toBe(60); // radius 3 px at pixel ratio 3
  });
});

describe('rasterizeHeatGrid', () => {
  it('sums weights per cell and colours cells by a quantize scale over the cells drawn', () => {
    const f = frame(20, 10);
    const colors = [[0, 0, 255, 100], [255, 0, 0, 200]] as const;
    const pts = pointSet([at(1, 1), at(2, 3), at(12, 2), at(15, 5)]);
    const { rgba, domain } = rasterizeHeatGrid(pts, Float32Array.from([1, 2, 10, 0]), f, { cellPx: 10, colors, opacity: 0.5 });
    expect(domain).toEqual([3, 10]);
    const px = (x: number, y: number) => Array.from(rgba.subarray((y * 20 + x) * 4, (y * 20 + x) * 4 + 4));
    expect(px(4, 4)).toEqual([0, 0, 255, 50]); // low cell (1 + 2)
    expect(px(14, 4)).toEqual([255, 0, 0, 100]); // high cell (10; the zero weight adds nothing)
    expect(px(9, 4)).toEqual([0, 0, 0, 0]); // the 1-pixel gap between cells
  });

  it('draws nothing when no weight is positive', () => {
    const f = frame(10, 10);
    const { rgba, domain } = rasterizeHeatGrid(pointSet([at(1, 1)]), Float32Array.from([0]), f, { cellPx: 5, colors: [[1, 2, 3, 4]], opacity: 1 });
    expect(domain).toEqual([0, 0]);
    expect(rgba.every((v) => v === 0)).toBe(true);
  });
});

describe('AccountRasterIndex', () => {
  const r = createRng(7);
  const n = 2_000;
  const positions = new Float32Array(n * 2);
  const radii = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    positions[2 * i] = -125 + r() * 58;
    positions[2 * i + 1] = 25 + r() * 24;
    radii[i] = i % 10 === 0 ? 0 : 0.5 + r() * 2; // every tenth account is unplaced
  }
  const index = new AccountRasterIndex(positions, radii);
  const color = [30, 41, 59, 60] as const;
  const view = { longitude: -98, latitude: 38, zoom: 5, width: 600, height: 400 };

  it('returns exactly the drawable points inside the frame as vector points when they are few', () => {
    const res = index.render({ view, margin: 0, pixelRatio: 1, points: { color, vectorLimit: n }, heat: null });
    expect(res.points?.kind).toBe('vector');
    if (res.points?.kind !== 'vector') return;
    const f = frameOfView(view, 0);
    const pad = (2.5 + 1) / f.scale;
    const expected: number[] = [];
    for (let i = 0; i < n; i++) {
      const x = mercatorX(positions[2 * i]!);
      const y = mercatorY(positions[2 * i + 1]!);
      if (radii[i]! > 0 && x >= f.x0 - pad && x <= f.x0 + f.width / f.scale + pad && y >= f.y0 - pad && y <= f.y0 + f.height / f.scale + pad) expected.push(i);
    }
    expect(expected.length).toBeGreaterThan(50);
    expect(Array.from(res.points.indices)).toEqual(expected);
    expect(res.points.inFrame).toBe(expected.length);
    const k = 3;
    expect(res.points.positions[2 * k]).toBe(positions[2 * expected[k]!]);
    expect(res.points.radii[k]).toBe(radii[expected[k]!]);
  });

  it('returns one image when there are more points than the vector limit, with the same pixels as rasterising them directly', () => {
    const res = index.render({ view: { ...view, zoom: 3 }, margin: 0.2, pixelRatio: 1, points: { color, vectorLimit: 10 }, heat: null });
    expect(res.points?.kind).toBe('raster');
    if (res.points?.kind !== 'raster') return;
    const f = frameOfView({ ...view, zoom: 3 }, 0.2);
    expect([res.points.width, res.points.height]).toEqual([f.width, f.height]);
    expect(res.points.bounds).toEqual(frameBounds(f));
    const all = { mx: new Float64Array(n), my: new Float64Array(n), ids: null, count: n };
    for (let i = 0; i < n; i++) {
      all.mx[i] = mercatorX(positions[2 * i]!);
      all.my[i] = mercatorY(positions[2 * i + 1]!);
    }
    const direct = rasterizePoints(all, radii, f, color);
    expect(res.points.rgba.length).toBe(direct.length);
    let differing = 0;
    for (let k = 0; k < direct.length; k++) if (res.points.rgba[k] !== direct[k]) differing++;
    expect(differing).toBe(0);
    expect(direct.some((v) => v > 0)).toBe(true);
    expect(res.points.inFrame).toBe(n - n / 10);
  });

  it('draws the heat grid only with weights of the right length', () => {
    expect(() => index.setHeatWeights(new Float32Array(3))).toThrow(/3 values for 2000 points/);
    index.setHeatWeights(new Float32Array(n).fill(1));
    const res = index.render({ view, margin: 0, pixelRatio: 1, points: null, heat: { cellPx: 20, colors: [[255, 0, 0, 255]], opacity: 1 } });
    expect(res.points).toBeNull();
    expect(res.heat?.domain[0]).toBeGreaterThanOrEqual(1);
    expect(res.heat?.rgba.some((v) => v > 0)).toBe(true);
    index.setHeatWeights(null);
    expect(index.render({ view, margin: 0, pixelRatio: 1, points: null, heat: { cellPx: 20, colors: [[255, 0, 0, 255]], opacity: 1 } }).heat).toBeNull();
  });

  it('picks the point under the pointer, never an unplaced one, and nothing on empty ground', () => {
    const i = 11;
    const lon = positions[2 * i]!;
    const lat = positions[2 * i + 1]!;
    expect(index.pick(lon, lat, 14, 2)).toBe(i);
    expect(index.pick(lon + 1e-3, lat, 14, 2)).toBe(-1); // ~60 px away at zoom 14
    const unplaced = 10;
    const u = index.pick(positions[2 * unplaced]!, positions[2 * unplaced + 1]!, 16, 0);
    expect(u).not.toBe(unplaced);
    expect(index.pick(Number.NaN, 40, 5, 2)).toBe(-1);
  });

  it('refuses mismatched columns', () => {
    expect(() => new AccountRasterIndex(new Float32Array(5), new Float32Array(2))).toThrow(/expected 2 per point/);
  });
});
