import type { PickingInfo } from '@deck.gl/core';
import { transfer, wrap, type Remote } from 'comlink';
import { create } from 'zustand';
import type { AccountRasterRequest, AccountRasterResult, AccountRasterWorkerApi } from '../../shared/contracts/raster-worker-api';
import type { HeatStyle, Rgba, ViewBox } from '../../shared/domain/geo/viewport-raster';
import { isSoftwareWebgl } from './gpu-tier';
import { useUiStore } from '../state/ui-store';

// Level of detail for account points and heat grids. The worker keeps the points in a k-d tree and, for each
// settled view, returns either the points inside it (few: drawn as pickable vector points) or one image of
// them (many), and the heat grid as an image. A pan then moves one textured quad instead of re-rasterising
// every point: in software WebGL that is the difference between ~30 s and a fraction of a second per frame
// at 1M accounts (docs/algorithms.md, "Rendering performance").

/** Beyond this many points in view, points are drawn as an image (software WebGL pays ~30 µs per point per frame). */
export function vectorLimit(): number {
  return isSoftwareWebgl() ? 5_000 : 150_000;
}

/** Share of the view drawn beyond each edge. */
export const RASTER_MARGIN = 0.35;
/** Quiet time after the last view change before the view is redrawn, ms. */
export const RASTER_DEBOUNCE_MS = 90;

export type AccountRasterState = {
  result: AccountRasterResult | null;
  /** The heat weights (identity) the result's heat grid was drawn from. */
  heatFor: Float32Array | null;
  /** Last worker time for a view, ms (points + heat). */
  lastMs: number | null;
};

export const useAccountRasterStore = create<AccountRasterState>()(() => ({ result: null, heatFor: null, lastMs: null }));

type Source = { key: unknown; positions: Float32Array; radii: Float32Array };

/** One raster worker per map. */
export class AccountRasterClient {
  private remote: Remote<AccountRasterWorkerApi> | null = null;
  private worker: Worker | null = null;
  private loadedKey: unknown = null;
  private loading: Promise<void> | null = null;
  private heatKey: Float32Array | null = null;
  private view: ViewBox | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inFlight = false;
  private dirty = false;
  private seq = 0;
  private pickSeq = 0;
  private gesture = false;
  points: { color: Rgba } | null = null;
  heat: HeatStyle | null = null;

  constructor(private readonly onResult: (result: AccountRasterResult, ms: number, heatFor: Float32Array | null) => void) {}

  private api(): Remote<AccountRasterWorkerApi> {
    if (!this.remote) {
      this.worker = new Worker(new URL('../../workers/account-raster.worker.ts', import.meta.url), { type: 'module', name: 'account-raster' });
      this.remote = wrap<AccountRasterWorkerApi>(this.worker);
    }
    return this.remote;
  }

  /** Hands the points to the worker (copies: the caller keeps its arrays). Redraws once loaded. */
  setSource(src: Source | null): void {
    if (!src || src.key === this.loadedKey) return;
    this.loadedKey = src.key;
    this.heatKey = null;
    const positions = src.positions.slice();
    const radii = src.radii.slice();
    const mine = (this.loading = this.api()
      .load(transfer(positions, [positions.buffer]), transfer(radii, [radii.buffer]))
      .then(() => undefined));
    void mine.then(() => {
      if (this.loading === mine) this.loading = null;
      this.request(0);
    });
  }

  /** Sets the heat weights (copied) once per (weights identity). */
  setHeatWeights(weights: Float32Array | null): void {
    if (weights === this.heatKey) return;
    this.heatKey = weights;
    const copy = weights ? weights.slice() : null;
    void (this.loading ?? Promise.resolve()).then(() => this.api().setHeatWeights(copy ? transfer(copy, [copy.buffer]) : null)).then(() => this.request(0));
  }

  /** Account points on (their colour) or off. */
  setPoints(points: { color: Rgba } | null): void {
    if (JSON.stringify(points) === JSON.stringify(this.points)) return;
    this.points = points;
    this.request(0);
  }

  /** Heat grid on (its style; weights from setHeatWeights) or off. */
  setHeat(heat: HeatStyle | null): void {
    if (JSON.stringify(heat) === JSON.stringify(this.heat)) return;
    this.heat = heat;
    this.request(0);
  }

  /** The view changed (every pan/zoom frame): redraw after a quiet moment, and not before a gesture ends. */
  setView(view: ViewBox): void {
    const first = this.view === null;
    this.view = view;
    if (this.gesture && !first) {
      this.dirty = true;
      return;
    }
    this.request(first ? 0 : RASTER_DEBOUNCE_MS);
  }

  /**
   * A pan or zoom gesture started or ended. While it lasts the worker stays idle (on two cores its drawing
   * competed with the frames of the gesture); at its end the view is drawn at once.
   */
  setGesture(on: boolean): void {
    if (on === this.gesture) return;
    this.gesture = on;
    if (on) {
      if (this.timer) clearTimeout(this.timer);
      this.timer = null;
    } else if (this.dirty) {
      this.request(0);
    }
  }

  private request(delayMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.run();
    }, delayMs);
  }

  private async run(): Promise<void> {
    if (!this.view || this.loadedKey === null || (!this.points && !this.heat)) return;
    if (this.gesture) {
      this.dirty = true;
      return;
    }
    if (this.inFlight || this.loading) {
      this.dirty = true;
      if (this.loading) void this.loading.then(() => this.request(0));
      return;
    }
    this.inFlight = true;
    this.dirty = false;
    const view = this.view;
    const heatFor = this.heatKey;
    const seq = ++this.seq;
    const req: AccountRasterRequest = {
      view,
      margin: RASTER_MARGIN,
      pixelRatio: Math.min(2, globalThis.devicePixelRatio || 1),
      points: this.points ? { color: this.points.color, vectorLimit: vectorLimit() } : null,
      heat: this.heat,
    };
    const t0 = performance.now();
    try {
      const result = await this.api().render(req);
      if (seq === this.seq) this.onResult(result, performance.now() - t0, heatFor);
    } finally {
      this.inFlight = false;
      if (this.dirty) this.request(0);
    }
  }

  /** Account under (lon, lat) in raster mode, -1 when none (latest call wins: older calls resolve -1). */
  async pick(lon: number, lat: number, zoom: number): Promise<number> {
    if (this.loadedKey === null) return -1;
    const seq = ++this.pickSeq;
    // Half a pixel of slack: as deck's own picking, a click beside a point reaches the unit under it.
    const found = await this.api().pick(lon, lat, zoom, 0.5);
    return seq === this.pickSeq ? found : -1;
  }
}

let client: AccountRasterClient | null = null;

/** The main map's raster client (results go to useAccountRasterStore). */
export function accountRaster(): AccountRasterClient {
  if (!client) {
    client = new AccountRasterClient((result, ms, heatFor) => useAccountRasterStore.setState({ result, heatFor, lastMs: Math.round(ms) }));
  }
  return client;
}

/** True when the accounts currently on the map are an image (hover and click then ask the worker what is under the pointer). */
export function accountsAreRaster(): boolean {
  return useAccountRasterStore.getState().result?.points?.kind === 'raster';
}

/** The account under the pointer when the accounts are drawn as an image (asked of the raster worker), else -1. */
export async function rasterAccountAt(info: PickingInfo): Promise<number> {
  if (!accountsAreRaster() || !useUiStore.getState().layers.accounts || !info.viewport) return -1;
  const [lon, lat] = info.viewport.unproject([info.x, info.y]) as [number, number];
  return accountRaster().pick(lon, lat, info.viewport.zoom);
}
