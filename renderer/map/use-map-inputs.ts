import { useMemo, useRef } from 'react';
import { useDatasetStore } from '../state/dataset-store';
import { useScenarioStore } from '../state/scenario-store';
import { useSelectionStore } from '../state/selection-store';
import { useUiStore } from '../state/ui-store';
import type { MapLayerInputs } from './build-layers';
import { territoryPalette } from './color';
import { territoryBorders, territoryOutline } from './geometry';
import { accountsBinaryData } from './layers/accounts-layer';
import { heatmapBinaryData } from './layers/potential-heatmap-layer';

/** Collects store state into memoized layer inputs: each derived structure is rebuilt only when its sources change. */
export function useMapInputs(): MapLayerInputs & { territoryIds: string[] } {
  const geometry = useDatasetStore((s) => s.geometry);
  const points = useDatasetStore((s) => s.points);
  const alignment = useScenarioStore((s) => s.alignment);
  const territories = useScenarioStore((s) => s.current?.payload.territories);
  const selectedId = useSelectionStore((s) => s.territoryId);
  const toggles = useUiStore((s) => s.layers);
  const layerErrors = useUiStore((s) => s.layerErrors);

  const territoryIds = useMemo(() => (territories ?? []).map((t) => t.id as string), [territories]);
  const palette = useMemo(() => territoryPalette((territories ?? []).map((t) => t.color)), [territories]);
  const selected = selectedId === null ? -1 : territoryIds.indexOf(selectedId);
  const unitTerritory = alignment?.unitTerritory ?? null;

  const units = useMemo(
    () => (geometry ? { features: geometry.features, unitTerritory, palette, selected, revision: alignment?.revision ?? 0 } : null),
    [geometry, unitTerritory, palette, selected, alignment?.revision],
  );
  const borders = useMemo(() => (geometry && unitTerritory ? territoryBorders(geometry, unitTerritory) : null), [geometry, unitTerritory]);
  const selectionOutline = useMemo(
    () => (geometry && unitTerritory && selected >= 0 ? territoryOutline(geometry, unitTerritory, selected) : null),
    [geometry, unitTerritory, selected],
  );
  const accounts = useMemo(() => (points ? accountsBinaryData(points) : null), [points]);
  const heatmap = useMemo(() => (points ? heatmapBinaryData(points) : null), [points]);

  // Once created, the heat map stays in the layer list and is hidden with `visible`.
  const heatmapCreated = useRef(false);
  if (toggles.heatmap) heatmapCreated.current = true;

  const created = heatmapCreated.current;
  return useMemo(
    () => ({ units, borders, parents: geometry?.parentOutlines ?? null, selectionOutline, accounts, heatmap, toggles, heatmapCreated: created, layerErrors, territoryIds }),
    [units, borders, geometry, selectionOutline, accounts, heatmap, toggles, created, layerErrors, territoryIds],
  );
}
