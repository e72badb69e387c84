import { api } from '../../api/client';
import { isCancelled, startLongCall, type LongCall } from '../../api/long-call';
import type { UnitId, AccountId } from '../../../shared/domain/ids';
import { movedCsv } from '../../../shared/domain/scenario/kpi-table';
import { indexAlignment } from '../../../shared/domain/territories/resolve';
import type { ViewState } from '../../map/initial-view';
import { useDatasetStore } from '../../state/dataset-store';
import { defaultAlignmentIndex } from '../../state/scenario-actions';
import { useCompareStore, type CompareMap } from './compare-store';

/** Ticks or unticks a scenario for comparison. */
export function toggleChosen(id: number): void {
  const { chosen } = useCompareStore.getState();
  useCompareStore.setState({ chosen: chosen.includes(id) ? chosen.filter((c) => c !== id) : [...chosen, id] });
}

/** Sets which chosen scenario (by position) is the baseline. */
export function setBaseline(index: number): void {
  useCompareStore.setState({ baseline: index });
}

/** One view state for all compare maps: panning one pans them all. */
export function setCompareView(viewState: ViewState): void {
  useCompareStore.setState({ viewState });
}

let running: LongCall<unknown> | null = null;

/** Stops the comparison under way; the previous result stays and the view says "Cancelled". */
export function cancelCompare(): void {
  running?.cancel();
}

/** Runs the comparison on the Node side and prepares one map per scenario with its moved units. */
export async function runCompare(): Promise<void> {
  const { chosen, baseline, result: previous } = useCompareStore.getState();
  const { units, accounts } = useDatasetStore.getState();
  if (chosen.length < 2 || !units || !accounts) return;
  useCompareStore.setState({ status: 'loading', error: null, notice: null, progress: null });
  const call = startLongCall('compare.scenarios', { scenarios: chosen.map((id) => ({ scenario: id })), baseline: Math.min(baseline, chosen.length - 1) }, (progress) => useCompareStore.setState({ progress }));
  running = call;
  const res = await call.result.finally(() => {
    running = null;
    useCompareStore.setState({ progress: null });
  });
  if (isCancelled(res)) {
    useCompareStore.setState({ status: previous ? 'ready' : 'idle', notice: 'Cancelled' });
    return;
  }
  if (!res.ok) {
    useCompareStore.setState({ status: 'error', error: res.error.message });
    return;
  }
  const unitIndex = new Map(units.ids.map((id, i) => [id as string, i]));
  const maps: CompareMap[] = [];
  for (const [i, ref] of res.value.refs.entries()) {
    const v = await api['scenario.get']({ scenario: ref.scenarioId, version: ref.version });
    if (!v.ok) {
      useCompareStore.setState({ status: 'error', error: v.error.message });
      return;
    }
    const p = v.value.payload;
    const idx = indexAlignment(p, units.ids as UnitId[], { ids: accounts.ids as AccountId[], segment: accounts.segment });
    const moved = new Set(res.value.scenarios[i]!.diff.units.map((u) => unitIndex.get(u.unitId) ?? -1));
    maps.push({ name: res.value.scenarios[i]!.name, unitTerritory: idx.unitTerritory[defaultAlignmentIndex(p)] ?? new Int32Array(units.ids.length).fill(-1), colors: p.territories.map((t) => t.color), moved });
  }
  useCompareStore.setState({ status: 'ready', result: res.value, maps });
}

/** Downloads the moved units and accounts as CSV. */
export function downloadMovedCsv(): void {
  const result = useCompareStore.getState().result;
  if (!result) return;
  const url = URL.createObjectURL(new Blob([movedCsv(result, result.labels)], { type: 'text/csv' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = 'moved-units-and-accounts.csv';
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
