import type { DatasetApi } from '../../shared/contracts/app-api';
import type { ServiceContext } from './context';
import { usZipCentroids } from './import/gazetteer';

/** Handlers of dataset.* (cached reads of the open workspace). */
export function datasetHandlers(ctx: ServiceContext): DatasetApi {
  return {
    'dataset.units': async () => ctx.ws().units(),
    'dataset.edges': async () => ctx.ws().edges(),
    'dataset.geometry': async () => ctx.ws().geometry(),
    'dataset.accounts': async () => ctx.ws().accounts(),
    'dataset.reps': async () => ctx.ws().reps(),
    'dataset.findZip': async ({ zip }) => {
      const c = usZipCentroids()[zip];
      return c ? { zip, lon: c.longitude, lat: c.latitude } : null;
    },
  };
}
