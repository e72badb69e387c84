import DeckGL from '@deck.gl/react';
import { useLayoutEffect, useMemo, useRef } from 'react';
import { territoryPalette } from '../../map/color';
import { fitContinentalUs, type ViewState } from '../../map/initial-view';
import { buildUnitsLayer } from '../../map/layers/units-layer';
import { useDatasetStore } from '../../state/dataset-store';
import { setCompareView } from './compare-actions';
import { useCompareStore, type CompareMap } from './compare-store';
import { buildMovedLayer } from './moved-layer';

function OneMap({ map, viewState, showMoved, index }: { map: CompareMap; viewState: ViewState; showMoved: boolean; index: number }) {
  const own = useDatasetStore((s) => s.geometry);
  const common = useCompareStore((s) => s.geometry);
  const geometry = common ?? own;
  const layers = useMemo(() => {
    if (!geometry) return [];
    const palette = territoryPalette(map.colors);
    return [
      buildUnitsLayer({ features: geometry.features, unitTerritory: map.unitTerritory, palette, selected: -1, revision: index }, { visible: true }),
      buildMovedLayer(geometry.features, map.moved, showMoved),
    ];
  }, [geometry, map, showMoved, index]);
  return (
    <div className="cmp-map" data-testid="compare-map">
      <div className="cmp-map__title">{map.name}{map.moved.size ? ` — ${map.moved.size} units moved` : ' — baseline'}</div>
      <DeckGL viewState={viewState} controller={{ dragRotate: false, touchRotate: false }} layers={layers} onViewStateChange={({ viewState: v }) => setCompareView(v as ViewState)} />
    </div>
  );
}

/** One map per compared scenario, panning and zooming together through one shared view state. */
export function LinkedMaps({ showMoved }: { showMoved: boolean }) {
  const maps = useCompareStore((s) => s.maps);
  const viewState = useCompareStore((s) => s.viewState);
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (el && !useCompareStore.getState().viewState) setCompareView(fitContinentalUs(el.clientWidth / Math.max(1, maps.length), el.clientHeight));
  }, [maps.length]);
  return (
    <div className="cmp-maps" ref={ref}>
      {viewState ? maps.map((m, i) => <OneMap key={`${m.name}-${i}`} map={m} viewState={viewState} showMoved={showMoved} index={i} />) : null}
    </div>
  );
}
