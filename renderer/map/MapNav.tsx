import { US_JUMPS, type LonLatBounds } from '../../shared/domain/map/extent';
import { MapSearch } from './MapSearch';

/** Place search, zoom, fit-all and jumps to Alaska, Hawaii and Puerto Rico (far from the lower 48, so off-screen in the fitted view). */
export function MapNav({ onZoom, onFitAll, onFit, fitAllDisabled }: {
  onZoom: (delta: number) => void;
  onFitAll: () => void;
  onFit: (bounds: LonLatBounds, maxZoom?: number) => void;
  fitAllDisabled: boolean;
}) {
  return (
    <div className="map-nav" data-testid="map-nav" role="toolbar" aria-label="Map navigation">
      <MapSearch onShow={onFit} />
      <button type="button" data-testid="map-zoom-in" title="Zoom in" aria-label="Zoom in" onClick={() => onZoom(1)}>+</button>
      <button type="button" data-testid="map-zoom-out" title="Zoom out" aria-label="Zoom out" onClick={() => onZoom(-1)}>−</button>
      <button type="button" data-testid="map-fit-all" title="Show all the data" disabled={fitAllDisabled} onClick={onFitAll}>Fit all</button>
      {US_JUMPS.map((j) => (
        <button key={j.key} type="button" data-testid={`map-jump-${j.key}`} title={`Go to ${j.title}`} onClick={() => onFit(j.bounds)}>{j.label}</button>
      ))}
    </div>
  );
}
