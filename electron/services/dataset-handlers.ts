import type { DatasetApi } from '../../shared/contracts/app-api';
import type { ServiceContext } from './context';

/** Handlers of dataset.* (cached reads of the open workspace). */
export function datasetHandlers(ctx: ServiceContext): DatasetApi {
  return {
    'dataset.units': async () => ctx.ws().units(),
    'dataset.edges': async () => ctx.ws().edges(),
    'dataset.geometry': async () => ctx.ws().geometry(),
    'dataset.accounts': async () => ctx.ws().accounts(),
    'dataset.reps': async () => ctx.ws().reps(),
  };
}
