import type { PickingInfo } from '@deck.gl/core';
import DeckGL from '@deck.gl/react';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { selectTerritory } from '../state/selection-actions';
import { useScenarioStore } from '../state/scenario-store';
import { messageOf, recordFirstFrame, reportError, reportLayerError, setHover } from '../state/ui-actions';
import { buildMapLayers } from './build-layers';
import { fitBoundsView, fitContinentalUs, MAX_ZOOM, MIN_ZOOM, type ViewState } from './initial-view';
import { MapNav } from './MapNav';
import { dataExtent, boundsOf, type LonLatBounds } from '../../shared/domain/map/extent';
import { useDatasetStore } from '../state/dataset-store';
import { useSelectionStore } from '../state/selection-store';
import { LAYER_LABELS } from './map-style';
import { MapLegend } from './MapLegend';
import { MapTooltip } from './MapTooltip';
import { useMapInputs } from './use-map-inputs';
import { EditToolbar } from '../features/editing/EditToolbar';
import { LassoOverlay } from '../features/editing/LassoOverlay';
import { useMapEditing } from '../features/editing/use-map-editing';
import { mapDeck, setMapDeck } from './deck-handle';
import { inDrawOrder } from './layer-order';
import { LayerPanel } from '../features/layers/LayerPanel';
import { useExtraLayers } from '../features/layers/use-extra-layers';
import { setLabelZoom } from '../features/layers/layers-actions';
import { accountRaster, rasterAccountAt } from './account-raster';
import { accountIndexOf } from './layers/accounts-layer';
import { usePanSnapshot } from './pan-snapshot';
import { unitAtScreen, unitIndexOf } from './unit-at';
import { UnitMenu, type UnitMenuAt } from '../features/editing/UnitMenu';

let navigator: ((bounds: LonLatBounds, maxZoom?: number) => void) | null = null;

function setNavigator(fn: typeof navigator): void {
  navigator = fn;
}

/** Moves the main map to show a lon/lat box (place search); nothing happens before the map is mounted. */
export function showOnMap(bounds: LonLatBounds, maxZoom?: number): void {
  navigator?.(bounds, maxZoom);
}

function onLayerError(layerId: string, error: unknown): void {
  reportLayerError(layerId, messageOf(error));
}

/** Territory of a picked account (it follows its override or its segment's alignment) or county. */
function territoryOf(info: PickingInfo, territoryIds: string[], account: number): string | null {
  const s = useScenarioStore.getState();
  const unitIndex = account >= 0 ? -1 : unitIndexOf(info);
  const t = account >= 0 ? s.accountTerritory?.[account] ?? -1 : unitIndex >= 0 ? s.alignment?.unitTerritory[unitIndex] ?? -1 : -1;
  return t >= 0 ? territoryIds[t] ?? null : null;
}

/**
 * A click is a press and release without movement; mjolnir also wants both within 250 ms of *handling*, and in
 * software WebGL a frame drawn between them (~1 s) turned clicks into nothing. Allow a slow release.
 */
const CLICK_TOLERANCE = { click: { time: 2_500 } };

function viewBoxOf(v: { longitude: number; latitude: number; zoom: number }, el: HTMLElement | null) {
  return { longitude: v.longitude, latitude: v.latitude, zoom: v.zoom, width: el?.clientWidth ?? 800, height: el?.clientHeight ?? 600 };
}

/** The territory map: deck.gl over a plain background (no tiles: the app is fully offline). */
/** True when the units span less than a quarter of the lower 48's width and height: the national view would show them as a dot. */
function isRegional(b: LonLatBounds): boolean {
  return b[1][0] - b[0][0] < 14 && b[1][1] - b[0][1] < 6;
}

export function MapView() {
  const inputs = useMapInputs();
  const paneRef = useRef<HTMLDivElement>(null);
  const [initialViewState, setInitialViewState] = useState<ViewState | null>(null);
  useLayoutEffect(() => {
    const el = paneRef.current;
    if (!el) return;
    const v = fitContinentalUs(el.clientWidth, el.clientHeight);
    setInitialViewState(v);
    accountRaster().setView(viewBoxOf(v, el));
    setLabelZoom(v.zoom);
  }, []);
  const lastView = useRef<{ longitude: number; latitude: number; zoom: number } | null>(null);
  // A new initialViewState object moves the map (deck.gl compares it by value, so each move carries a fresh count).
  const moves = useRef(0);
  const goTo = useCallback((v: ViewState) => {
    moves.current++;
    setInitialViewState({ ...v, move: moves.current } as ViewState);
    lastView.current = v;
    accountRaster().setView(viewBoxOf(v, paneRef.current));
    setLabelZoom(v.zoom);
  }, []);
  const fit = useCallback((bounds: LonLatBounds, maxZoom?: number) => {
    const el = paneRef.current;
    if (el) goTo(fitBoundsView(bounds, el.clientWidth, el.clientHeight, 24, maxZoom));
  }, [goTo]);
  const zoomBy = useCallback((delta: number) => {
    const v = lastView.current ?? initialViewState;
    if (v) goTo({ longitude: v.longitude, latitude: v.latitude, zoom: Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, v.zoom + delta)), pitch: 0, bearing: 0, minZoom: MIN_ZOOM, maxZoom: MAX_ZOOM });
  }, [goTo, initialViewState]);
  const unitsTable = useDatasetStore((s) => s.units);
  const extent = useMemo(() => (unitsTable ? dataExtent(unitsTable.x, unitsTable.y) : null), [unitsTable]);
  const fitAll = useCallback(() => { if (extent) fit(extent); }, [extent, fit]);
  // Regional data (a metro's ZIPs, one state's districts) opens fitted to its units; national data keeps the lower-48 view.
  useEffect(() => {
    if (extent && isRegional(extent)) fit(extent);
  }, [extent, fit]);
  // A territory chosen in the grid: show all of it (its units' centres, with the fit's padding).
  const selection = useSelectionStore((s) => s);
  useEffect(() => {
    if (selection.source !== 'grid' || selection.territoryId === null || !unitsTable) return;
    const s = useScenarioStore.getState();
    const t = (s.current?.payload.territories ?? []).findIndex((x) => x.id === selection.territoryId);
    const ut = s.alignment?.unitTerritory;
    const box = t >= 0 && ut ? boundsOf(unitsTable.x, unitsTable.y, (i) => ut[i] === t) : null;
    if (box) fit(box, 8);
  }, [selection, unitsTable, fit]);
  useEffect(() => {
    setNavigator(fit);
    return () => setNavigator(null);
  }, [fit]);
  const onViewStateChange = useCallback(({ viewState }: { viewState: { longitude: number; latitude: number; zoom: number } }) => {
    lastView.current = viewState;
    accountRaster().setView(viewBoxOf(viewState, paneRef.current));
    setLabelZoom(viewState.zoom);
  }, []);
  const onResize = useCallback(() => {
    const v = lastView.current ?? initialViewState;
    if (v) accountRaster().setView(viewBoxOf(v, paneRef.current));
  }, [initialViewState]);
  const { territoryIds } = inputs;
  const baseLayers = useMemo(() => buildMapLayers(inputs, onLayerError), [inputs]);
  const extra = useExtraLayers();
  // One draw order for every layer (layer-order.ts): choropleth, heat grid and locks right above the territory fill; selection, lasso, homes and labels on top.
  const allLayers = useMemo(() => inDrawOrder([...baseLayers, ...extra]), [baseLayers, extra]);
  // Software WebGL: while a pan or zoom gesture lasts, the map is the picture of its last settled frame.
  const snapshot = usePanSnapshot();
  const applySnapshot = snapshot.apply;
  const layers = useMemo(() => applySnapshot(allLayers), [applySnapshot, allLayers]);
  const ready = inputs.units !== null && inputs.units.unitTerritory !== null;

  const onClickTerritory = useCallback(
    (info: PickingInfo, account: number) => {
      selectTerritory(territoryOf(info, territoryIds, account), 'map');
    },
    [territoryIds],
  );
  const editing = useMapEditing(onClickTerritory);
  const onHover = useCallback((info: PickingInfo) => {
    editing.onHover(info);
    const account = accountIndexOf(info);
    if (account >= 0) return setHover({ x: info.x, y: info.y, kind: 'account', index: account });
    const unit = info.x >= 0 ? unitIndexOf(info) : -1;
    setHover(unit >= 0 ? { x: info.x, y: info.y, kind: 'unit', index: unit } : null);
    // Accounts drawn as an image: the worker says which one is under the pointer (a point wins over its county).
    void rasterAccountAt(info).then((a) => {
      if (a >= 0) setHover({ x: info.x, y: info.y, kind: 'account', index: a });
    });
  }, [editing.onHover]);

  const onError = useCallback((error: Error, layer?: unknown) => {
    const id = (layer as { id?: string } | undefined)?.id;
    if (id) {
      reportLayerError(id, error.message);
      return;
    }
    reportError({
      id: 'map',
      title: 'The map could not draw',
      detail: error.message,
      action: 'WebGL may be unavailable: update the graphics driver or start Chromium with --use-angle=swiftshader. The grid keeps working.',
    });
  }, []);

  // Right-click on a unit: its menu (split into ZIP areas, merge back). Any other press closes it.
  const [menu, setMenu] = useState<UnitMenuAt | null>(null);
  const closeMenu = useCallback(() => setMenu(null), []);
  const onContextMenu = useCallback((e: React.MouseEvent<HTMLDivElement>) => {
    const rect = paneRef.current?.getBoundingClientRect();
    if (!rect || (e.target as HTMLElement).closest('.unit-menu, .edit-toolbar, .layer-panel, .map-legend')) return;
    const x = e.clientX - rect.left, y = e.clientY - rect.top;
    const unit = unitAtScreen(mapDeck()?.getViewports()[0], x, y);
    e.preventDefault();
    setMenu(unit >= 0 ? { x, y, unit } : null);
  }, []);
  const closeMenuOutside = useCallback((e: React.PointerEvent<HTMLDivElement>) => {
    if (!(e.target as HTMLElement).closest('.unit-menu')) setMenu(null);
  }, []);

  const snapshotAfterRender = snapshot.onAfterRender;
  const snapshotGesture = snapshot.onInteractionStateChange;
  const onInteractionStateChange = useCallback((s: { isDragging?: boolean; isPanning?: boolean; isZooming?: boolean }) => {
    snapshotGesture(s);
    accountRaster().setGesture(!!(s.isDragging || s.isPanning || s.isZooming));
  }, [snapshotGesture]);
  const onAfterRender = useCallback(() => {
    if (ready) recordFirstFrame(Math.round(performance.now()));
    snapshotAfterRender(mapDeck() ?? undefined);
  }, [ready, snapshotAfterRender]);

  return (
    <div className="map-pane" data-testid="map" ref={paneRef} data-pan-snapshot={snapshot.active ? 'on' : 'off'} onContextMenu={onContextMenu} onPointerDown={closeMenuOutside}>
      {initialViewState ? (
      <DeckGL
        ref={setMapDeck}
        initialViewState={initialViewState}
        controller={editing.controller}
        layers={layers}
        layerFilter={snapshot.layerFilter}
        onHover={onHover}
        onViewStateChange={onViewStateChange}
        eventRecognizerOptions={CLICK_TOLERANCE}
        onInteractionStateChange={onInteractionStateChange}
        onResize={onResize}
        onClick={editing.onClick}
        onDragStart={editing.onDragStart}
        onDrag={editing.onDrag}
        onDragEnd={editing.onDragEnd}
        onError={onError}
        onAfterRender={onAfterRender}
        getCursor={editing.getCursor}
      />
      ) : null}
      <MapNav onZoom={zoomBy} onFitAll={fitAll} onFit={fit} fitAllDisabled={!extent} />
      {menu ? null : <MapTooltip />}
      <LassoOverlay />
      <EditToolbar />
      {menu ? <UnitMenu at={menu} onClose={closeMenu} /> : null}
      <MapLegend layerLabels={LAYER_LABELS} />
      <LayerPanel />
    </div>
  );
}
