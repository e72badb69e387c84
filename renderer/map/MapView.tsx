import type { PickingInfo } from '@deck.gl/core';
import DeckGL from '@deck.gl/react';
import { setMapDeck } from '../features/report/map-capture';
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { selectTerritory } from '../state/selection-actions';
import { useScenarioStore } from '../state/scenario-store';
import { messageOf, recordFirstFrame, reportError, reportLayerError, setHover } from '../state/ui-actions';
import { buildMapLayers } from './build-layers';
import { fitContinentalUs, type ViewState } from './initial-view';
import { LAYER_IDS, LAYER_LABELS } from './map-style';
import { MapLegend } from './MapLegend';
import { MapTooltip } from './MapTooltip';
import { useMapInputs } from './use-map-inputs';

function onLayerError(layerId: string, error: unknown): void {
  reportLayerError(layerId, messageOf(error));
}

/** Territory of a picked county or account (an account follows its override or its segment's alignment). */
function territoryOf(info: PickingInfo, territoryIds: string[]): string | null {
  const s = useScenarioStore.getState();
  let t = -1;
  if (info.layer?.id === LAYER_IDS.units && info.object) {
    const unitIndex = (info.object as { properties: { unitIndex: number } }).properties.unitIndex;
    t = unitIndex >= 0 ? s.alignment?.unitTerritory[unitIndex] ?? -1 : -1;
  } else if (info.layer?.id === LAYER_IDS.accounts && info.index >= 0) {
    t = s.accountTerritory?.[info.index] ?? -1;
  }
  return t >= 0 ? territoryIds[t] ?? null : null;
}

/** The territory map: deck.gl over a plain background (no tiles: the app is fully offline). */
export function MapView() {
  const inputs = useMapInputs();
  const paneRef = useRef<HTMLDivElement>(null);
  const [initialViewState, setInitialViewState] = useState<ViewState | null>(null);
  useLayoutEffect(() => {
    const el = paneRef.current;
    if (el) setInitialViewState(fitContinentalUs(el.clientWidth, el.clientHeight));
  }, []);
  const { territoryIds } = inputs;
  const layers = useMemo(() => buildMapLayers(inputs, onLayerError), [inputs]);
  const ready = inputs.units !== null && inputs.units.unitTerritory !== null;

  const onHover = useCallback((info: PickingInfo) => {
    if (!info.picked || info.index < 0) return setHover(null);
    if (info.layer?.id === LAYER_IDS.units && info.object) {
      setHover({ x: info.x, y: info.y, kind: 'unit', index: (info.object as { properties: { unitIndex: number } }).properties.unitIndex });
    } else if (info.layer?.id === LAYER_IDS.accounts) {
      setHover({ x: info.x, y: info.y, kind: 'account', index: info.index });
    } else setHover(null);
  }, []);

  const onClick = useCallback(
    (info: PickingInfo) => {
      selectTerritory(info.picked ? territoryOf(info, territoryIds) : null, 'map');
    },
    [territoryIds],
  );

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

  const onAfterRender = useCallback(() => {
    if (ready) recordFirstFrame(Math.round(performance.now()));
  }, [ready]);

  return (
    <div className="map-pane" data-testid="map" ref={paneRef}>
      {initialViewState ? (
      <DeckGL
        ref={setMapDeck}
        initialViewState={initialViewState}
        controller={{ dragRotate: false, touchRotate: false }}
        layers={layers}
        onHover={onHover}
        onClick={onClick}
        onError={onError}
        onAfterRender={onAfterRender}
        getCursor={({ isDragging, isHovering }) => (isDragging ? 'grabbing' : isHovering ? 'pointer' : 'grab')}
      />
      ) : null}
      <MapTooltip />
      <MapLegend layerLabels={LAYER_LABELS} />
    </div>
  );
}
