import type { DatasetApi, SplitChoice } from '../../shared/contracts/app-api';
import type { ServiceContext } from './context';
import { usZipCentroids } from './import/gazetteer';

/** Handlers of dataset.* (cached reads of the open workspace). */
export function datasetHandlers(ctx: ServiceContext): DatasetApi {
  return {
    'dataset.units': async ({ split }) => ctx.ws().view(split).units,
    'dataset.edges': async ({ split }) => ctx.ws().view(split).edges,
    'dataset.geometry': async ({ split }) => ctx.ws().view(split).geometry,
    'dataset.accounts': async ({ split }) => ctx.ws().view(split).accounts,
    'dataset.reps': async ({ split }) => ctx.ws().view(split).reps,
    'dataset.splitChildren': async ({ units }) => {
      const options = ctx.ws().splitOptions();
      const stored = ctx.ws().units();
      const index = new Map(stored.ids.map((id, i) => [id as string, i]));
      const out: Record<string, SplitChoice> = {};
      for (const u of units) {
        const children = options.children(u);
        if (children.length) out[u] = { name: stored.names[index.get(u)!] ?? u, children };
      }
      return out;
    },
    'dataset.findZip': async ({ zip }) => {
      const c = usZipCentroids()[zip];
      return c ? { zip, lon: c.longitude, lat: c.latitude } : null;
    },
  };
}
