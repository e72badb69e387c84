import { useEffect, useMemo, useRef } from 'react';
import { colourTerritories, TERRITORY_MAP_PALETTE, territoryAdjacency } from '../../shared/domain/map/territory-colouring';
import { useDatasetStore } from '../state/dataset-store';
import { useScenarioStore } from '../state/scenario-store';
import { useSelectionStore } from '../state/selection-store';
import { useUiStore } from '../state/ui-store';
import type { MapLayerInputs } from './build-layers';
import { fadePalette, regionPalette, territoryPalette } from './color';
import { useLayersStore } from '../features/layers/layers-store';
import { useGridsStore } from '../features/grids/grids-store';
import { territoryBorders, territoryOutline } from './geometry';
import { accountRaster, useAccountRasterStore } from './account-raster';
import { LAYER_IDS, MAP_STYLE } from './map-style';

/** Collects store state into memoized layer inputs: each derived structure is rebuilt only when its sources change. */
export function useMapInputs(): MapLayerInputs & { territoryIds: string[] } {
  const geometry = useDatasetStore((s) => s.geometry);
  const unitsTable = useDatasetStore((s) => s.units);
  const points = useDatasetStore((s) => s.points);
  const alignment = useScenarioStore((s) => s.alignment);
  const territories = useScenarioStore((s) => s.current?.payload.territories);
  const selectedId = useSelectionStore((s) => s.territoryId);
  const toggles = useUiStore((s) => s.layers);
  const layerErrors = useUiStore((s) => s.layerErrors);

  const territoryIds = useMemo(() => (territories ?? []).map((t) => t.id as string), [territories]);
  const colourBy = useLayersStore((s) => s.colourBy);
  const regionFilter = useGridsStore((s) => s.region);
  const areaFilter = useGridsStore((s) => s.area);
  const unitTerritory = alignment?.unitTerritory ?? null;
  // Graph colouring: the previous colour of each territory (by id) is kept where it still fits, so edits recolour little.
  const lastColour = useRef(new Map<string, number>());
  const distinct = useMemo(() => {
    if (colourBy !== 'neighbours' || !geometry || !unitTerritory) return null;
    const ids = territoryIds;
    const adj = territoryAdjacency(geometry.unitNeighbors, unitTerritory, ids.length);
    const { colours } = colourTerritories(adj, TERRITORY_MAP_PALETTE.length, ids.map((id) => lastColour.current.get(id) ?? -1));
    lastColour.current = new Map(ids.map((id, i) => [id, colours[i]!]));
    return colours.map((c) => TERRITORY_MAP_PALETTE[c]!);
  }, [colourBy, geometry, unitTerritory, territoryIds]);
  // Distinct from neighbours, own colours or one hue per region; with the grid's region filter on, other regions fade.
  const palette = useMemo(() => {
    const list = territories ?? [];
    const base = colourBy === 'region' ? regionPalette(list) : territoryPalette(distinct ?? list.map((t) => t.color));
    if (regionFilter === null) return base;
    const keep = (t: number) => list[t]?.region === regionFilter && (areaFilter === null || (list[t]?.area ?? '') === areaFilter);
    return fadePalette(base, keep, MAP_STYLE.background, MAP_STYLE.dimAmount);
  }, [territories, colourBy, distinct, regionFilter, areaFilter]);
  const selected = selectedId === null ? -1 : territoryIds.indexOf(selectedId);

  const units = useMemo(
    () => (geometry ? { features: geometry.features, unitTerritory, palette, selected, revision: alignment?.revision ?? 0, paletteKey: palette.join(',') } : null),
    [geometry, unitTerritory, palette, selected, alignment?.revision],
  );
  // A workspace without boundaries draws its units as points at their centres (the notice says so).
  const unitPoints = useMemo(
    () => (!geometry && unitsTable ? { x: unitsTable.x, y: unitsTable.y, unitTerritory, palette, selected, revision: alignment?.revision ?? 0, paletteKey: palette.join(',') } : null),
    [geometry, unitsTable, unitTerritory, palette, selected, alignment?.revision],
  );
  const borders = useMemo(() => (geometry && unitTerritory ? territoryBorders(geometry, unitTerritory) : null), [geometry, unitTerritory]);
  const selectionOutline = useMemo(
    () => (geometry && unitTerritory && selected >= 0 ? territoryOutline(geometry, unitTerritory, selected) : null),
    [geometry, unitTerritory, selected],
  );
  // The raster worker holds the points; it answers each settled view with vector points or an image.
  useEffect(() => {
    // A new dataset: never show the previous one's image while the worker indexes the new points.
    useAccountRasterStore.setState({ result: null, heatFor: null });
    accountRaster().setSource(points ? { key: points, positions: points.positions, radii: points.radii } : null);
  }, [points]);
  useEffect(() => {
    accountRaster().setPoints(toggles.accounts && !(LAYER_IDS.accounts in layerErrors) ? { color: MAP_STYLE.account } : null);
  }, [toggles.accounts, layerErrors]);
  const accounts = useAccountRasterStore((s) => s.result?.points ?? null);

  return useMemo(
    () => ({ units, unitPoints, borders, parents: geometry?.parentOutlines ?? null, selectionOutline, accounts, toggles, layerErrors, territoryIds }),
    [units, unitPoints, borders, geometry, selectionOutline, accounts, toggles, layerErrors, territoryIds],
  );
}
