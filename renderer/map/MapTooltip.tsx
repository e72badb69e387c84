import { usStateByFips } from '../../shared/domain/dataset/us-states';
import { formatCompact } from '../../shared/domain/format/numbers';
import { unitLabel } from '../../shared/domain/labels';
import { useDatasetStore } from '../state/dataset-store';
import { useScenarioStore } from '../state/scenario-store';
import { useUiStore } from '../state/ui-store';

/** Tooltip that follows the pointer: unit name and territory, or account name and potential. */
export function MapTooltip() {
  const hover = useUiStore((s) => s.hover);
  const units = useDatasetStore((s) => s.units);
  const accounts = useDatasetStore((s) => s.accounts);
  const points = useDatasetStore((s) => s.points);
  const alignment = useScenarioStore((s) => s.alignment);
  const rows = useScenarioStore((s) => s.kpis?.rows);
  if (!hover) return null;
  const style = { left: hover.x + 14, top: hover.y + 14 };
  if (hover.kind === 'account') {
    const name = accounts?.names[hover.index] ?? `Account ${hover.index}`;
    const potential = points?.weights[hover.index] ?? 0;
    return (
      <div className="map-tooltip" style={style} data-testid="map-tooltip" data-kind="account">
        <div className="map-tooltip__title">{name}</div>
        <div className="map-tooltip__row">Potential {formatCompact(potential)}</div>
      </div>
    );
  }
  const name = units ? unitLabel(units.kind, units.ids[hover.index] ?? '', units.names[hover.index]) : 'Unknown area';
  const parent = parentLabel(units?.parents[hover.index], name);
  const t = hover.index >= 0 ? alignment?.unitTerritory[hover.index] ?? -1 : -1;
  const row = t >= 0 ? rows?.[t] : undefined;
  return (
    <div className="map-tooltip" style={style} data-testid="map-tooltip" data-kind="unit">
      <div className="map-tooltip__title">
        {name}
        {parent ? <span className="map-tooltip__muted"> · {parent}</span> : null}
      </div>
      {row ? (
        <div className="map-tooltip__row">
          <span className="swatch" style={{ background: row.color }} />
          {row.name}
          <span className="map-tooltip__muted"> · {row.repName ?? 'Vacant'}</span>
        </div>
      ) : (
        <div className="map-tooltip__row map-tooltip__muted">Not assigned to a territory</div>
      )}
    </div>
  );
}

/** The parent area as read: a state FIPS code becomes the state's name, and is left out when the name already says it. */
function parentLabel(code: string | undefined, name: string): string | null {
  if (!code) return null;
  const state = usStateByFips(code);
  if (!state) return /^\d+$/.test(code) ? null : code;
  return name.endsWith(`, ${state.abbr}`) ? null : state.name;
}
