import type { Layer } from '@deck.gl/core';
import { mesh } from 'topojson-client';
import type { GeometryCollection } from 'topojson-specification';
import { useEffect, useMemo } from 'react';
import { groupLabelPoints, quantileBreaks } from '../../../shared/domain/geo/centroids';
import { cityLabels, mostlyInUs, placeLabels, territoryLabelPriority, type CityRow, type LabelBox, type MapLabel } from '../../../shared/domain/map/map-labels';
import US_CITIES from '../../map/data/us-cities.json';
import { hexToRgba } from '../../map/color';
import type { UnitFeature } from '../../map/geometry';
import { useDatasetStore } from '../../state/dataset-store';
import { useScenarioStore } from '../../state/scenario-store';
import { useUiStore } from '../../state/ui-store';
import { reportLayerError, messageOf } from '../../state/ui-actions';
import { useEditingStore } from '../editing/editing-store';
import { binaryHas } from '../editing/use-map-editing';
import { accountRaster, useAccountRasterStore } from '../../map/account-raster';
import { buildChoroplethLayer, buildCityLabelsLayer, buildHeatGridLayer, HEAT_STYLE, buildLabelsLayer, buildLocksLayer, buildRepHomesLayer, buildSelectionLayer, buildSplitPiecesLayer, buildUnitOutlineLayer, CITY_PREFIX, EXTRA_LAYER_IDS, LABEL_FONTS, type RepHome, type TerritoryLabel } from './extra-layers';
import { useLayersStore } from './layers-store';

let measureCtx: CanvasRenderingContext2D | null = null;

/** On-screen boxes of labels in a font (measured once per label list on a 2D canvas). */
function measure(labels: readonly MapLabel[], font: string, anchor: LabelBox['anchor'], prefix = ''): LabelBox[] {
  measureCtx ??= document.createElement('canvas').getContext('2d');
  if (measureCtx) measureCtx.font = font;
  const size = Number(/(\d+)px/.exec(font)?.[1] ?? 12);
  return labels.map((l) => ({ width: measureCtx ? measureCtx.measureText(prefix + l.text).width : 0.6 * size * (prefix + l.text).length, height: size + 2, anchor }));
}

function safe(id: string, errors: Record<string, string>, build: () => Layer | null): Layer | null {
  if (id in errors) return null;
  try {
    return build();
  } catch (e) {
    reportLayerError(id, messageOf(e));
    return null;
  }
}

/** Editing and analysis layers (their heights are in renderer/map/layer-order.ts). */
export function useExtraLayers(): Layer[] {
  const geometry = useDatasetStore((s) => s.geometry);
  const units = useDatasetStore((s) => s.units);
  const reps = useDatasetStore((s) => s.reps);
  const heatImage = useAccountRasterStore((s) => s.result?.heat ?? null);
  const heatFor = useAccountRasterStore((s) => s.heatFor);
  const alignment = useScenarioStore((s) => s.alignment);
  const payload = useScenarioStore((s) => s.current?.payload);
  const selected = useEditingStore((s) => s.selectedUnits);
  const splitUnits = useEditingStore((s) => s.splitUnits);
  const opts = useLayersStore();
  const errors = useUiStore((s) => s.layerErrors);
  const features = geometry?.features;

  // The heat grid is drawn by the raster worker (per settled view) from per-account weights of the KPI worker.
  const heatOn = opts.heat !== 'off' && opts.heatWeights !== null;
  useEffect(() => {
    accountRaster().setHeatWeights(heatOn ? opts.heatWeights : null);
    accountRaster().setHeat(heatOn ? HEAT_STYLE : null);
  }, [heatOn, opts.heatWeights]);
  const heat = heatOn && heatFor === opts.heatWeights ? heatImage : null;

  const selectionFeatures = useMemo(() => (features && selected.length ? features.filter((f) => binaryHas(selected, f.properties.unitIndex)) : []), [features, selected]);
  const splitFeatures = useMemo(() => (features && splitUnits.length ? features.filter((f) => binaryHas(splitUnits, f.properties.unitIndex)) : []), [features, splitUnits]);

  const lockedFeatures = useMemo(() => {
    if (!features || !payload || !units) return [] as UnitFeature[];
    const lockedIds = new Set<string>(payload.lockedUnits);
    const lockedT = new Set(payload.territories.flatMap((t, i) => (t.locked ? [i] : [])));
    const ut = alignment?.unitTerritory;
    return features.filter((f) => {
      const u = f.properties.unitIndex;
      return u >= 0 && (lockedIds.has(units.ids[u]!) || (ut !== undefined && lockedT.has(ut[u]!)));
    });
  }, [features, payload, units, alignment]);

  const labels = useMemo<TerritoryLabel[]>(() => {
    if (!units || !alignment || !payload) return [];
    const c = groupLabelPoints(units.x, units.y, alignment.unitTerritory, payload.territories.length);
    let largest = 0;
    for (let i = 0; i < payload.territories.length; i++) largest = Math.max(largest, c.count[i]!);
    return payload.territories.flatMap((t, i) => (c.count[i]! > 0 ? [{ position: [c.x[i]!, c.y[i]!] as [number, number], text: t.name, priority: territoryLabelPriority(c.count[i]!, largest) }] : []));
  }, [units, alignment, payload]);

  // Major cities give the map its bearings, for data in the US only.
  const allCities = useMemo<MapLabel[]>(() => (units && mostlyInUs(units.x, units.y) ? cityLabels(US_CITIES as unknown as CityRow[]) : []), [units]);

  // No two labels overlap: at each zoom, territory names first (bigger territories first), then cities by size.
  const labelBoxes = useMemo(() => measure(labels, LABEL_FONTS.territory, 'middle'), [labels]);
  const cityBoxes = useMemo(() => measure(allCities, LABEL_FONTS.city, 'start', CITY_PREFIX), [allCities]);
  const { placedLabels, cities } = useMemo(() => {
    const shown = [...(opts.labels ? labels : []), ...(opts.cities ? allCities : [])];
    const boxes = [...(opts.labels ? labelBoxes : []), ...(opts.cities ? cityBoxes : [])];
    const kept = placeLabels(shown, boxes, opts.labelZoom);
    const n = opts.labels ? labels.length : 0;
    return { placedLabels: kept.filter((i) => i < n).map((i) => shown[i]!), cities: kept.filter((i) => i >= n).map((i) => shown[i]!) };
  }, [labels, allCities, labelBoxes, cityBoxes, opts.labels, opts.cities, opts.labelZoom]);

  const homes = useMemo<RepHome[]>(() => {
    const colorOf = new Map((payload?.territories ?? []).filter((t) => t.repId).map((t) => [t.repId as string, hexToRgba(t.color)]));
    return reps.filter((r) => Number.isFinite(r.homeX) && Number.isFinite(r.homeY)).map((r) => ({ position: [r.homeX, r.homeY], name: r.name, color: colorOf.get(r.id) ?? [148, 163, 184, 255] }));
  }, [reps, payload]);

  const unitLines = useMemo(() => {
    if (!opts.unitOutlines || !geometry) return null;
    const collection: GeometryCollection = { type: 'GeometryCollection', geometries: geometry.unitGeometries };
    return { type: 'Feature' as const, geometry: mesh(geometry.topology, collection), properties: {} };
  }, [opts.unitOutlines, geometry]);

  const breaks = useMemo(() => (opts.choroplethValues ? quantileBreaks(opts.choroplethValues, 5) : []), [opts.choroplethValues]);
  const choroKey = opts.choropleth ? `${opts.choropleth.source}:${opts.choropleth.key}` : '';

  return useMemo(() => {
    const layers = [
      safe(EXTRA_LAYER_IDS.choropleth, errors, () => (features && opts.choroplethValues ? buildChoroplethLayer(features, opts.choroplethValues, breaks, true, choroKey) : null)),
      safe(EXTRA_LAYER_IDS.heat, errors, () => (heat ? buildHeatGridLayer(heat, true) : null)),
      safe(EXTRA_LAYER_IDS.unitOutlines, errors, () => buildUnitOutlineLayer(unitLines, opts.unitOutlines)),
      safe(EXTRA_LAYER_IDS.locks, errors, () => buildLocksLayer(lockedFeatures, opts.locks)),
      safe(EXTRA_LAYER_IDS.splitPieces, errors, () => buildSplitPiecesLayer(splitFeatures)),
      safe(EXTRA_LAYER_IDS.selection, errors, () => buildSelectionLayer(selectionFeatures)),
      safe(EXTRA_LAYER_IDS.repHomes, errors, () => buildRepHomesLayer(homes, opts.repHomes)),
      safe(EXTRA_LAYER_IDS.cities, errors, () => (allCities.length ? buildCityLabelsLayer(cities, opts.cities) : null)),
      safe(EXTRA_LAYER_IDS.labels, errors, () => buildLabelsLayer(placedLabels, opts.labels)),
    ];
    const keep = (l: Layer | null): l is Layer => l !== null;
    return layers.filter(keep);
  }, [errors, features, opts, breaks, choroKey, heat, unitLines, lockedFeatures, selectionFeatures, splitFeatures, homes, placedLabels, cities, allCities]);
}
