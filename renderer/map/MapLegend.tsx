import { clearLayerError, toggleLayer } from '../state/ui-actions';
import { useUiStore, type LayerToggles } from '../state/ui-store';
import { useScenarioStore } from '../state/scenario-store';
import { LAYER_IDS } from './map-style';

type Item = { key: keyof LayerToggles; layerId: string; label: string; swatch: string; hint?: string };

const ITEMS: Item[] = [
  { key: 'accounts', layerId: LAYER_IDS.accounts, label: 'Accounts', swatch: 'legend-swatch--dot', hint: 'size = potential' },
  { key: 'borders', layerId: LAYER_IDS.borders, label: 'Territory borders', swatch: 'legend-swatch--white-line' },
  { key: 'parents', layerId: LAYER_IDS.parents, label: 'State borders', swatch: 'legend-swatch--grey-line' },
  { key: 'heatmap', layerId: LAYER_IDS.heatmap, label: 'Potential heat map', swatch: 'legend-swatch--heat', hint: 'slow' },
];

/** Legend and layer switches; a hidden broken layer is named here with its error. */
export function MapLegend({ layerLabels }: { layerLabels: Record<string, string> }) {
  const toggles = useUiStore((s) => s.layers);
  const layerErrors = useUiStore((s) => s.layerErrors);
  const alignmentLabel = useScenarioStore((s) => s.alignment?.label);
  const broken = Object.entries(layerErrors);
  return (
    <div className="map-legend" data-testid="map-legend">
      <div className="map-legend__title">Map</div>
      <div className="map-legend__row">
        <span className="legend-swatch legend-swatch--fill" />
        <span>Territory (colour as in the grid)</span>
      </div>
      {alignmentLabel ? <div className="map-legend__sub">Alignment: {alignmentLabel}</div> : null}
      {ITEMS.map((it) => (
        <label key={it.key} className="map-legend__row map-legend__toggle">
          <input
            type="checkbox"
            checked={toggles[it.key]}
            data-testid={`toggle-${it.key}`}
            onChange={(e) => {
              clearLayerError(it.layerId);
              toggleLayer(it.key, e.target.checked);
            }}
          />
          <span className={`legend-swatch ${it.swatch}`} />
          <span>{it.label}</span>
          {it.hint ? <span className="map-legend__hint">{it.hint}</span> : null}
        </label>
      ))}
      {broken.map(([id, message]) => (
        <div key={id} className="map-legend__error" role="alert" data-testid={`layer-error-${id}`}>
          {layerLabels[id] ?? id} is hidden: {message}. Toggle it to retry; the rest of the map keeps working.
        </div>
      ))}
    </div>
  );
}
