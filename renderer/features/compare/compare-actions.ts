import { api } from '../../api/client';
import { isCancelled, startLongCall, type LongCall } from '../../api/long-call';
import type { UnitId, AccountId } from '../../../shared/domain/ids';
import { movedCsv } from '../../../shared/domain/scenario/kpi-table';
import { indexAlignment } from '../../../shared/domain/territories/resolve';
import type { ViewState } from '../../map/initial-view';
import { useDatasetStore } from '../../state/dataset-store';
import { splitKey } from '../../state/dataset-actions';
import { defaultAlignmentIndex } from '../../state/scenario-actions';
import { useCompareStore, type CompareMap } from './compare-store';
import { commonSplit, onCommonGeography } from '../../../shared/domain/scenario/common-geography';
import type { ScenarioPayload } from '../../../shared/domain/territories/types';
import { prepareGeometry, type PreparedGeometry } from '../../map/geometry';
import { messageOf } from '../../state/ui-actions';

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
  const payloads: ScenarioPayload[] = [];
  for (const ref of res.value.refs) {
    const v = await api['scenario.get']({ scenario: ref.scenarioId, version: ref.version });
    if (!v.ok) {
      useCompareStore.setState({ status: 'error', error: v.error.message });
      return;
    }
    payloads.push(v.value.payload);
  }
  // The maps are drawn on the geography of all the compared scenarios' splits, as the comparison counts moves.
  let drawn: { units: { ids: readonly string[] }; geometry: PreparedGeometry | null } = { units, geometry: null };
  let onCommon = payloads;
  const split = commonSplit(payloads);
  if (split.length > 0 || useDatasetStore.getState().split.length > 0) {
    try {
      const choices = split.length ? await api['dataset.splitChildren']({ units: split }) : {};
      onCommon = onCommonGeography(payloads, (u) => choices[u]?.children ?? []).payloads;
      if (splitKey(split) !== splitKey(useDatasetStore.getState().split)) {
        const [viewUnits, payload] = await Promise.all([api['dataset.units']({ split }), api['dataset.geometry']({ split })]);
        drawn = { units: viewUnits, geometry: payload ? prepareGeometry(payload, viewUnits) : null };
      }
    } catch (e) {
      useCompareStore.setState({ status: 'error', error: `The maps could not be drawn at the compared geography: ${messageOf(e)}` });
      return;
    }
  }
  const unitIndex = new Map(drawn.units.ids.map((id, i) => [id, i]));
  const maps: CompareMap[] = onCommon.map((p, i) => {
    const idx = indexAlignment(p, drawn.units.ids as UnitId[], { ids: accounts.ids as AccountId[], segment: accounts.segment });
    const moved = new Set(res.value.scenarios[i]!.diff.units.map((u) => unitIndex.get(u.unitId) ?? -1));
    return { name: res.value.scenarios[i]!.name, unitTerritory: idx.unitTerritory[defaultAlignmentIndex(p)] ?? new Int32Array(drawn.units.ids.length).fill(-1), colors: p.territories.map((t) => t.color), moved };
  });
  useCompareStore.setState({ status: 'ready', result: res.value, maps, geometry: drawn.geometry });
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
