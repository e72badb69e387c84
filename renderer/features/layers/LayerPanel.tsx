import type { MeasureDef } from '../../../shared/domain/dataset/types';
import { useDatasetStore } from '../../state/dataset-store';
import { clearLayerError } from '../../state/ui-actions';
import { CHOROPLETH_RAMP, EXTRA_LAYER_IDS } from './extra-layers';
import { setChoropleth, setColourBy, setHeat, toggleExtraLayer } from './layers-actions';
import { HEAT_OPTIONS, useLayersStore, type ChoroplethKey, type HeatKind } from './layers-store';

const ACCOUNT_MEASURES: { key: 'potential' | 'revenue' | 'whiteSpace' | 'accounts' | 'workload'; label: string }[] = [
  { key: 'potential', label: 'Potential of accounts' },
  { key: 'revenue', label: 'Revenue of accounts' },
  { key: 'whiteSpace', label: 'White space of accounts' },
  { key: 'accounts', label: 'Number of accounts' },
  { key: 'workload', label: 'Workload of accounts' },
];

const NO_DEFS: readonly MeasureDef[] = [];

const TOGGLES = [
  { key: 'labels', label: 'Territory labels' },
  { key: 'cities', label: 'City names' },
  { key: 'repHomes', label: 'Rep homes' },
  { key: 'locks', label: 'Locked units' },
  { key: 'unitOutlines', label: 'Unit outlines' },
] as const;

function encode(k: ChoroplethKey | null): string {
  return k ? `${k.source}:${k.key}` : '';
}

function decode(v: string): ChoroplethKey | null {
  if (!v) return null;
  const [source, key] = v.split(':') as ['unit' | 'accounts', string];
  return source === 'unit' ? { source, key } : { source, key: key as ChoroplethKey['key'] & 'potential' };
}

/** Toggles and pickers of the analysis layers, with a legend for the choropleth classes. */
export function LayerPanel() {
  const s = useLayersStore();
  const defs = useDatasetStore((d) => d.units?.measureDefs) ?? NO_DEFS;
  return (
    <div className="layer-panel" data-testid="layer-panel">
      <div className="map-legend__title">Layers</div>
      {TOGGLES.map((t) => (
        <label key={t.key} className="map-legend__row map-legend__toggle">
          <input type="checkbox" checked={s[t.key]} data-testid={`toggle-${t.key}`} onChange={(e) => toggleExtraLayer(t.key, e.target.checked)} />
          <span>{t.label}</span>
        </label>
      ))}
      <label className="layer-panel__field">
        Heat grid
        <select data-testid="heat-kind" value={s.heat} onChange={(e) => { clearLayerError(EXTRA_LAYER_IDS.heat); void setHeat(e.target.value as HeatKind); }}>
          {HEAT_OPTIONS.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
        </select>
      </label>
      <label className="layer-panel__field">
        Colour units by
        <select
          data-testid="choropleth-key"
          value={s.choropleth ? encode(s.choropleth) : s.colourBy === 'neighbours' ? '' : s.colourBy}
          onChange={(e) => {
            clearLayerError(EXTRA_LAYER_IDS.choropleth);
            const v = e.target.value;
            setColourBy(v === 'region' || v === 'territory' ? v : 'neighbours');
            void setChoropleth(v === 'region' || v === 'territory' ? null : decode(v));
          }}
        >
          <option value="">Territory (neighbours never alike)</option>
          <option value="territory">Territory&apos;s own colour</option>
          <option value="region">Region (shades of one hue per region)</option>
          {defs.map((d) => <option key={d.key} value={`unit:${d.key}`}>{d.label} ({d.unit})</option>)}
          {ACCOUNT_MEASURES.map((m) => <option key={m.key} value={`accounts:${m.key}`}>{m.label}</option>)}
        </select>
      </label>
      {s.choropleth ? (
        <div className="layer-panel__ramp" title="Quintiles of the chosen measure">
          {CHOROPLETH_RAMP.map((c, i) => <span key={i} style={{ background: `rgb(${c[0]}, ${c[1]}, ${c[2]})` }} />)}
          <span className="map-legend__hint">low → high (quintiles)</span>
        </div>
      ) : null}
    </div>
  );
}
