import { isCancelled, startLongCall, type CallProgress, type LongCall } from '../../api/long-call';
import { useScenarioStore } from '../../state/scenario-store';
import { messageOf, reportError } from '../../state/ui-actions';
import { downloadBase64 } from './download';
import { captureMapPng } from './map-capture';

/** Last export, shown next to the buttons (and read by tests). */
export type ExportStatus = { state: 'idle' | 'busy' | 'done' | 'error'; text: string; pages?: number; bytes?: number };

let running: LongCall<unknown> | null = null;

/** Stops the report under way: nothing is downloaded and the export status says "Cancelled". */
export function cancelReport(): void {
  running?.cancel();
}

/**
 * Exports the executive report of the open scenario (vs baseline when given) as PDF or HTML and downloads it;
 * onProgress gets its progress once it has run for half a second.
 */
export async function exportReport(kind: 'pdf' | 'html', baseline: number | null, onProgress: (p: CallProgress) => void = () => undefined): Promise<ExportStatus> {
  const current = useScenarioStore.getState().current;
  if (!current) return { state: 'error', text: 'Open a scenario first.' };
  const req = { scenario: { scenario: current.scenarioId, version: current.version }, ...(baseline ? { baseline: { scenario: baseline } } : {}) };
  try {
    const call = kind === 'pdf' ? startLongCall('report.pdf', req, onProgress) : startLongCall('report.html', req, onProgress);
    running = call;
    const res = await call.result.finally(() => (running = null));
    if (isCancelled(res)) return { state: 'idle', text: 'Cancelled' };
    if (!res.ok) return { state: 'error', text: res.error.message };
    const f = res.value;
    downloadBase64(f.fileName, f.base64, f.mime);
    return { state: 'done', text: `${f.fileName}: ${f.pages ? `${f.pages} pages, ` : ''}${Math.round(f.bytes / 1024)} KB in ${(f.ms / 1000).toFixed(1)} s`, pages: f.pages, bytes: f.bytes };
  } catch (e) {
    return { state: 'error', text: messageOf(e) };
  }
}

/** Downloads the main map as PNG (only while the map view is shown). */
export async function exportMapPng(): Promise<ExportStatus> {
  try {
    return mapPng();
  } catch (e) {
    return { state: 'error', text: messageOf(e) };
  }
}

function mapPng(): ExportStatus {
  const url = captureMapPng();
  if (!url) {
    reportError({ id: 'map-png', title: 'No map to export', detail: 'The map is not shown.', action: 'Switch to the Map tab and export again.' });
    return { state: 'error', text: 'Open the Map tab to export it.' };
  }
  // Decoded here rather than fetch(dataUrl): the app's CSP does not allow data: in connect-src.
  const base64 = url.slice(url.indexOf(',') + 1);
  const bytes = Math.floor((base64.length * 3) / 4);
  const name = `tessera-map-${useScenarioStore.getState().current?.scenarioName ?? 'map'}.png`.replace(/[^\w.-]+/g, '-');
  downloadBase64(name, base64, 'image/png');
  return { state: 'done', text: `${name}: ${Math.round(bytes / 1024)} KB`, bytes };
}
