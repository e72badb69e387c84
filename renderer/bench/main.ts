import { Deck, type Layer } from '@deck.gl/core';
import { ScatterplotLayer, SolidPolygonLayer } from '@deck.gl/layers';
import { transfer, wrap, type Remote } from 'comlink';
import { fitContinentalUs, type ViewState } from '../map/initial-view';
import { MAP_STYLE } from '../map/map-style';
import type { SynthResult, SynthWorkerApi } from './synth.worker';
import type { AccountRasterWorkerApi } from '../../shared/contracts/raster-worker-api';
import { buildAccountsLayer } from '../map/layers/accounts-layer';
import { RASTER_MARGIN, vectorLimit } from '../map/account-raster';

// RENDERING BENCH ONLY: synthetic accounts and square "ZIP" units, drawn with the app's layer settings
// (binary ScatterplotLayer for accounts, unstroked filled units). Driven by test/bench/render-bench.spec.ts.
// URL: /bench.html?accounts=1000000&units=33000&frames=60[&lod=1]. Results land in window.__benchResult.
// lod=1 draws the accounts as the app does: the raster worker (workers/account-raster.worker.ts) answers the
// view with vector points (few in view) or one image (many), drawn with the app's buildAccountsLayer.

export type BenchResult = {
  accounts: number;
  units: number;
  /** 'points': every account as a scatterplot point (no level of detail); 'lod': the app's raster worker. */
  mode: 'points' | 'lod';
  /** lod: what the worker returned for the first view ('raster' or 'vector') and how many points were in its frame. */
  lodKind?: string;
  lodInFrame?: number;
  /** lod: load + k-d tree build in the raster worker (round trip incl. transfer), ms. */
  lodLoadMs?: number;
  /** lod: the worker's time to draw the view after the pan (what a user waits for sharp points), ms. */
  lodRefreshWorkerMs?: number;
  /** lod: that refresh's frame (new image upload + draw + readPixels), ms. */
  lodRefreshFrameMs?: number;
  /** Worker generation + binary attribute build, ms (off the UI thread). */
  workerBuildMs: number;
  /** Worker call round trip including the transfer, ms. */
  workerRoundTripMs: number;
  /** From setting the layers to the first frame drawn with them (attribute upload + tessellation + draw + 1-pixel readPixels), ms. */
  firstFrameMs: number;
  /** Page start (performance.now() at navigation) to that first frame, ms. */
  firstFrameSinceLoadMs: number;
  /** Pan frame time (setProps with the next view state + draw + 1-pixel readPixels), ms. */
  panMeanMs: number;
  /** Mean interval between the starts of consecutive pan frames (frame time + yield to the event loop), ms. */
  rafIntervalMeanMs: number;
  panP95Ms: number;
  panMaxMs: number;
  /** Time spent inside deck's render (onBeforeRender -> onAfterRender), ms: CPU-side draw submission. */
  drawMeanMs: number;
  frames: number;
  /** Part of the pan frame spent in the readPixels wait (software rasterisation + GPU-process round trip), ms. */
  syncMeanMs: number;
  /** readPixels with nothing drawn: the fixed round-trip cost inside every pan frame, ms. */
  idleSyncMs: number;
  canvas: { width: number; height: number };
};

declare global {
  interface Window {
    __benchResult?: BenchResult;
    __benchError?: string;
    __benchStage?: string;
  }
}

const q = new URLSearchParams(location.search);
const accountCount = Number(q.get('accounts') ?? 50_000);
const unitCount = Number(q.get('units') ?? 3_000);
const frames = Number(q.get('frames') ?? 60);
const lod = q.get('lod') === '1';

function unitsLayerOf(d: SynthResult): Layer {
  return new SolidPolygonLayer({
    id: 'bench-units',
    data: {
      length: d.units.length,
      startIndices: d.units.startIndices,
      attributes: {
        getPolygon: { value: d.units.positions, size: 2 },
        getFillColor: { value: d.units.fillColors, size: 4, normalized: true },
      },
    },
    _normalize: false,
    filled: true,
    pickable: true,
  });
}

function layersOf(d: SynthResult): Layer[] {
  const units = unitsLayerOf(d);
  const accounts = new ScatterplotLayer({
    id: 'bench-accounts',
    data: {
      length: d.accounts.length,
      attributes: {
        getPosition: { value: d.accounts.positions, size: 2 },
        getRadius: { value: d.accounts.radii, size: 1 },
      },
    },
    pickable: true,
    radiusUnits: 'pixels',
    radiusMinPixels: 0.5,
    stroked: false,
    getFillColor: MAP_STYLE.account,
  });
  return [units, accounts];
}

function pct(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

async function run(): Promise<BenchResult> {
  const el = document.getElementById('bench-map') as HTMLDivElement;
  let viewState: ViewState = fitContinentalUs(el.clientWidth, el.clientHeight);
  let afterRender: (() => void) | null = null;
  let beforeAt = 0;
  const drawTimes: number[] = [];
  const deck = new Deck({
    parent: el,
    viewState,
    controller: false,
    layers: [],
    onBeforeRender: () => { beforeAt = performance.now(); },
    onAfterRender: () => {
      drawTimes.push(performance.now() - beforeAt);
      afterRender?.();
    },
    onError: (e) => { window.__benchError = e.message; },
  });
  (window as unknown as { __deck: Deck }).__deck = deck;
  const nextRender = () => new Promise<number>((res) => { afterRender = () => { afterRender = null; res(performance.now()); }; });
  // Yield between frames with a macrotask, not requestAnimationFrame: headless Chromium throttled rAF to
  // about one tick per external event here, which measured the harness instead of the renderer.
  const raf = () => new Promise<number>((res) => setTimeout(() => res(performance.now()), 0));
  // Standalone Deck's own loop stayed idle in headless Chromium here, so every measured frame is driven by hand:
  // setProps, then one deck frame (_onRenderFrame: layer updates incl. attribute upload, then draw), then a
  // 1-pixel readPixels that waits for the software rasteriser, all timed synchronously.
  const gl = () => (deck as unknown as { device?: { gl?: WebGL2RenderingContext } }).device?.gl;
  const px = new Uint8Array(4);
  const syncTimes: number[] = [];
  const sync = () => {
    const g = gl();
    const t = performance.now();
    g?.readPixels(0, 0, 1, 1, g.RGBA, g.UNSIGNED_BYTE, px);
    syncTimes.push(performance.now() - t);
  };
  const frame = () => {
    (deck as unknown as { _onRenderFrame(): void })._onRenderFrame();
    sync();
  };
  // Let deck draw its empty first frame (WebGL context, canvas) before timing the data.
  window.__benchStage = 'empty frame';
  await Promise.race([nextRender(), new Promise((res) => setTimeout(res, 500)).then(() => { frame(); return 0; })]);
  window.__benchStage = 'worker';

  const worker: Remote<SynthWorkerApi> = wrap(new Worker(new URL('./synth.worker.ts', import.meta.url), { type: 'module', name: 'bench-synth' }));
  const tw = performance.now();
  const data = await worker.generate(accountCount, unitCount);
  const workerRoundTripMs = performance.now() - tw;

  // lod: the app's raster worker holds the points; each settled view is drawn there.
  const box = () => ({ longitude: viewState.longitude, latitude: viewState.latitude, zoom: viewState.zoom, width: el.clientWidth, height: el.clientHeight });
  let raster: Remote<AccountRasterWorkerApi> | null = null;
  let lodLoadMs: number | undefined;
  const lodLayers = async () => {
    const res = await raster!.render({ view: box(), margin: RASTER_MARGIN, pixelRatio: Math.min(2, devicePixelRatio || 1), points: { color: MAP_STYLE.account, vectorLimit: vectorLimit() }, heat: null });
    const p = res.points!;
    return { p, layers: [unitsLayerOf(data), buildAccountsLayer(p, { visible: true, color: MAP_STYLE.account })] };
  };
  let first: Awaited<ReturnType<typeof lodLayers>> | null = null;
  if (lod) {
    window.__benchStage = 'raster worker';
    raster = wrap(new Worker(new URL('../../workers/account-raster.worker.ts', import.meta.url), { type: 'module', name: 'bench-raster' }));
    const tl = performance.now();
    await raster.load(transfer(data.accounts.positions, [data.accounts.positions.buffer]), transfer(data.accounts.radii, [data.accounts.radii.buffer]));
    lodLoadMs = performance.now() - tl;
  }

  window.__benchStage = 'first frame';
  await raf();
  const t0 = performance.now();
  if (lod) first = await lodLayers();
  deck.setProps({ layers: first ? first.layers : layersOf(data) });
  frame();
  const tFirst = performance.now();
  const firstFrameMs = tFirst - t0;
  // One settle frame, then pan east by a fixed pixel amount per frame (like a steady drag).
  await raf();
  deck.redraw('bench-settle');
  frame();
  drawTimes.length = 0;
  syncTimes.length = 0;
  window.__benchStage = 'pan';
  const frameMs: number[] = [];
  const stamps: number[] = [];
  for (let i = 0; i < frames; i++) {
    stamps.push(await raf());
    const t = performance.now();
    viewState = { ...viewState, longitude: viewState.longitude + 0.25 * Math.pow(2, 3.3 - viewState.zoom) };
    deck.setProps({ viewState });
    frame();
    frameMs.push(performance.now() - t);
  }
  let lodRefreshWorkerMs: number | undefined;
  let lodRefreshFrameMs: number | undefined;
  if (lod) {
    // The pan has stopped: the app asks the worker for the new view and swaps the image.
    window.__benchStage = 'lod refresh';
    const next = await lodLayers();
    lodRefreshWorkerMs = next.p.ms;
    const tr = performance.now();
    deck.setProps({ layers: next.layers });
    frame();
    lodRefreshFrameMs = performance.now() - tr;
    syncTimes.pop();
  }
  const syncFrameMean = syncTimes.reduce((a, b) => a + b, 0) / Math.max(1, syncTimes.length);
  syncTimes.length = 0;
  for (let i = 0; i < 3; i++) sync();
  const idleSyncMs = Math.min(...syncTimes);
  const intervals = stamps.slice(1).map((s, i) => s - stamps[i]!);
  const sorted = [...frameMs].sort((a, b) => a - b);
  const canvas = el.querySelector('canvas')!;
  const result: BenchResult = {
    accounts: accountCount,
    units: unitCount,
    mode: lod ? 'lod' : 'points',
    ...(first ? { lodKind: first.p.kind, lodInFrame: first.p.inFrame } : {}),
    ...(lodLoadMs !== undefined ? { lodLoadMs } : {}),
    ...(lodRefreshWorkerMs !== undefined ? { lodRefreshWorkerMs, lodRefreshFrameMs: lodRefreshFrameMs! } : {}),
    workerBuildMs: data.buildMs,
    workerRoundTripMs,
    firstFrameMs,
    firstFrameSinceLoadMs: tFirst,
    panMeanMs: frameMs.reduce((s, v) => s + v, 0) / Math.max(1, frameMs.length),
    rafIntervalMeanMs: intervals.reduce((s, v) => s + v, 0) / Math.max(1, intervals.length),
    panP95Ms: pct(sorted, 0.95),
    panMaxMs: sorted[sorted.length - 1] ?? NaN,
    drawMeanMs: drawTimes.reduce((s, v) => s + v, 0) / Math.max(1, drawTimes.length),
    frames: frameMs.length,
    syncMeanMs: syncFrameMean,
    idleSyncMs,
    canvas: { width: canvas.width, height: canvas.height },
  };
  return result;
}

// nextRender is only re-armed after each frame, so a never-drawn frame would hang: the spec's timeout reports it.
run().then(
  (r) => { window.__benchResult = r; document.body.dataset.benchDone = '1'; },
  (e: unknown) => { window.__benchError = e instanceof Error ? e.message : String(e); document.body.dataset.benchDone = '1'; },
);
