import { wrap, type Remote } from 'comlink';
import type { KpiWorkerApi } from '../../shared/contracts/worker-api';

let remote: Remote<KpiWorkerApi> | null = null;

/** The KPI worker, started on first use (one per window). */
export function kpiWorker(): Remote<KpiWorkerApi> {
  if (!remote) {
    const worker = new Worker(new URL('../../workers/kpi.worker.ts', import.meta.url), { type: 'module', name: 'kpi' });
    remote = wrap<KpiWorkerApi>(worker);
  }
  return remote;
}
