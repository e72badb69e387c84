import { useDatasetStore } from '../../state/dataset-store';
import { kpiWorker } from '../../state/kpi-worker-client';
import { messageOf, reportLayerError } from '../../state/ui-actions';
import { useLayersStore, type ChoroplethKey, type ColourBy, type HeatKind, type LayersState } from './layers-store';

/** Turns a simple extra layer on or off. */
export function toggleExtraLayer(key: 'labels' | 'cities' | 'repHomes' | 'locks' | 'unitOutlines', on: boolean): void {
  useLayersStore.setState({ [key]: on } as Partial<LayersState>);
}

/** Follows the map's zoom in quarter steps, so labels are placed again only when their overlaps can change. */
export function setLabelZoom(zoom: number): void {
  const q = Math.round(zoom * 4) / 4;
  if (useLayersStore.getState().labelZoom !== q) useLayersStore.setState({ labelZoom: q });
}

/** Shows a heat grid of a measure; per-account weights are computed in the KPI worker and transferred. */
export async function setHeat(kind: HeatKind): Promise<void> {
  useLayersStore.setState({ heat: kind, heatWeights: null });
  if (kind === 'off') return;
  try {
    const weights = await kpiWorker().accountWeights(kind);
    if (useLayersStore.getState().heat === kind) useLayersStore.setState({ heatWeights: weights });
  } catch (e) {
    reportLayerError('heat-grid', messageOf(e));
  }
}

/** Colours units by a measure (null back to territory colours). Account sums come from the worker's per-unit aggregates. */
export async function setChoropleth(key: ChoroplethKey | null): Promise<void> {
  useLayersStore.setState({ choropleth: key, choroplethValues: null });
  if (!key) return;
  try {
    let values: Float32Array;
    if (key.source === 'unit') values = Float32Array.from(useDatasetStore.getState().units?.measures[key.key] ?? []);
    else values = await kpiWorker().unitMeasure(key.key);
    if (useLayersStore.getState().choropleth === key) useLayersStore.setState({ choroplethValues: values });
  } catch (e) {
    reportLayerError('unit-choropleth', messageOf(e));
  }
}

/** Territory fills distinct from their neighbours, in their own colours, or by region. */
export function setColourBy(mode: ColourBy): void {
  useLayersStore.setState({ colourBy: mode });
}
