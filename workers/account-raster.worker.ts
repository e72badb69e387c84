import { expose, transfer } from 'comlink';
import type { AccountRasterWorkerApi } from '../shared/contracts/raster-worker-api';
import { AccountRasterIndex } from '../shared/domain/geo/account-raster-index';

// Thin Comlink adapter: the index and the rasteriser are pure (shared/domain/geo), this file only moves
// buffers. Results are transferred, never copied.
let index: AccountRasterIndex | null = null;

const api: AccountRasterWorkerApi = {
  load(positions, radii) {
    index = new AccountRasterIndex(positions, radii);
    return index.count;
  },
  setHeatWeights(weights) {
    index?.setHeatWeights(weights);
  },
  render(request) {
    if (!index) return { points: null, heat: null };
    const result = index.render(request);
    const buffers: ArrayBuffer[] = [];
    const p = result.points;
    if (p?.kind === 'raster') buffers.push(p.rgba.buffer as ArrayBuffer);
    if (p?.kind === 'vector') buffers.push(p.indices.buffer as ArrayBuffer, p.positions.buffer as ArrayBuffer, p.radii.buffer as ArrayBuffer);
    if (result.heat) buffers.push(result.heat.rgba.buffer as ArrayBuffer);
    return transfer(result, buffers);
  },
  pick(lon, lat, zoom, slackPx) {
    return index ? index.pick(lon, lat, zoom, slackPx) : -1;
  },
};

expose(api);
