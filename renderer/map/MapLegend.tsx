import { clearLayerError, toggleLayer } from '../state/ui-actions';
import { useUiStore, type LayerToggles } from '../state/ui-store';
import { useScenarioStore } from '../state/scenario-store';
import { useDatasetStore } from '../state/dataset-store';
import { approximateNote } from '../../shared/domain/geo/approximate';
import { LAYER_IDS } from './map-style';
import { useAccountRasterStore } from './account-raster';
import { hslToRgba, regionHues } from './color';
import { setHeat } from '../features/layers/layers-actions';
import { HEAT_OPTIONS, useLayersStore } from '../features/layers/layers-store';
import { formatCompact } from '../../shared/domain/format/numbers';
import { EXTRA_LAYER_IDS } from '../features/layers/extra-layers';

type Item = { key: keyof LayerToggles; layerId: string; label: string; swatch: string; hint?: string };

const ITEMS: Item[] = [
  { key: 'accounts', layerId: LAYER_IDS.accounts, label: 'Accounts', swatch: 'legend-swatch--dot', hint: 'size = potential' },
  { key: 'borders', layerId: LAYER_IDS.borders, label: 'Territory borders', swatch: 'legend-swatch--white-line' },
  { key: 'parents', layerId: LAYER_IDS.parents, label: 'State borders', swatch: 'legend-swatch--grey-line' },
];


/** With colour by region: one swatch per region (its territories are shades of it). */
function RegionKey() {
  const colourBy = useLayersStore((s) => s.colourBy);
  const territories = useScenarioStore((s) => s.current?.payload.territories);
  if (colourBy !== 'region' || !territories) return null;
  const hues = regionHues(territories.map((t) => t.region).filter((r) => r !== ''));
  return (
    <div className="map-legend__regions" data-testid="region-key">
      {[...hues].map(([region, hue]) => {
        const [r, g, b] = hslToRgba(hue, 0.62, 0.5);
        return (
          <span key={region} className="map-legend__row">
            <span className="legend-swatch" style={{ background: `rgb(${r}, ${g}, ${b})` }} />
            {region}
          </span>
        );
      })}
    </div>
  );
}

/** The heat grid's ramp with the range of cell sums in view (cells are 14 px; the range follows the view). */
function HeatLegend() {
  const kind = useLayersStore((s) => s.heat);
  const weights = useLayersStore((s) => s.heatWeights);
  const heat = useAccountRasterStore((s) => (s.heatFor === weights ? s.result?.heat ?? null : null));
  return (
    <label className="map-legend__row map-legend__toggle">
      <input
        type="checkbox"
        checked={kind !== 'off'}
        data-testid="toggle-heat"
        onChange={(e) => {
          clearLayerError(EXTRA_LAYER_IDS.heat);
          void setHeat(e.target.checked ? 'potential' : 'off');
        }}
      />
      <span className="legend-swatch legend-swatch--heat" />
      <span>Heat grid{kind !== 'off' ? `: ${HEAT_OPTIONS.find((o) => o.value === kind)?.label ?? kind}` : ''}</span>
      {kind !== 'off' && heat ? (
        <span className="map-legend__hint" data-testid="heat-domain">{formatCompact(heat.domain[0])}–{formatCompact(heat.domain[1])} per cell</span>
      ) : null}
    </label>
  );
}

/** Legend and layer switches; a hidden broken layer is named here with its error. */
export function MapLegend({ layerLabels }: { layerLabels: Record<string, string> }) {
  const toggles = useUiStore((s) => s.layers);
  const layerErrors = useUiStore((s) => s.layerErrors);
  const alignmentLabel = useScenarioStore((s) => s.alignment?.label);
  const approximate = useDatasetStore((s) => approximateNote(s.geometry?.topology));
  const colourBy = useLayersStore((s) => s.colourBy);
  const broken = Object.entries(layerErrors);
  return (
    <div className="map-legend" data-testid="map-legend">
      <div className="map-legend__title">Map</div>
      <div className="map-legend__row">
        <span className="legend-swatch legend-swatch--fill" />
        <span>{colourBy === 'neighbours' ? 'Territory (neighbours never share a colour)' : colourBy === 'region' ? 'Territory (shades by region)' : 'Territory (colour as in the grid)'}</span>
      </div>
      {alignmentLabel ? <div className="map-legend__sub">Alignment: {alignmentLabel}</div> : null}
      {approximate ? <div className="map-legend__sub" data-testid="legend-approximate">{approximate}</div> : null}
      <RegionKey />
      {ITEMS.map((it) => (
        <label key={it.key} className="map-legend__row map-legend__toggle">
          <input
            type="checkbox"
            checked={toggles[it.key]}
            data-testid={`toggle-${it.key}`}
            onChange={(e) => {
              clearLayerError(it.layerId);
              if (it.layerId === LAYER_IDS.accounts) clearLayerError(LAYER_IDS.accountsRaster);
              toggleLayer(it.key, e.target.checked);
            }}
          />
          <span className={`legend-swatch ${it.swatch}`} />
          <span>{it.label}</span>
          {it.hint ? <span className="map-legend__hint">{it.hint}</span> : null}
        </label>
      ))}
      <HeatLegend />
      {broken.map(([id, message]) => (
        <div key={id} className="map-legend__error" role="alert" data-testid={`layer-error-${id}`}>
          {layerLabels[id] ?? id} is hidden: {message}. Toggle it to retry; the rest of the map keeps working.
        </div>
      ))}
    </div>
  );
}
