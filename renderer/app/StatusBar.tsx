import { useMemo } from 'react';
import { formatInt } from '../state/kpi-rows';
import { useDatasetStore } from '../state/dataset-store';
import { useScenarioStore } from '../state/scenario-store';
import { useUiStore } from '../state/ui-store';
import { useAccountRasterStore } from '../map/account-raster';
import type { GeoKind } from '../../shared/domain/dataset/types';

const UNIT_WORDS: Record<GeoKind, [string, string]> = { county: ['county', 'counties'], zip: ['ZIP code', 'ZIP codes'], state: ['state', 'states'], custom: ['area', 'areas'] };

/** "1 county", "3,144 counties". */
function counted(n: number, [one, many]: [string, string]): string {
  return `${formatInt(n)} ${n === 1 ? one : many}`;
}

/** What the workspace holds and what needs attention, in words for the people using it (no timings). */
export function StatusBar() {
  const workspace = useDatasetStore((s) => s.workspace);
  const units = useDatasetStore((s) => s.units);
  const kind = units?.kind ?? 'custom';
  // The open scenario's units: counties it split are ZIP areas (ids zip:NNNNN) next to the counties.
  const unitText = useMemo(() => {
    if (!units) return null;
    const zips = units.ids.reduce((n, id) => n + (id.startsWith('zip:') ? 1 : 0), 0);
    if (zips === 0 || zips === units.ids.length) return counted(units.ids.length, UNIT_WORDS[kind]);
    return `${counted(units.ids.length - zips, UNIT_WORDS.county)} and ${counted(zips, ['ZIP area', 'ZIP areas'])}`;
  }, [units, kind]);
  const unmatched = useDatasetStore((s) => s.geometry?.unmatched ?? 0);
  const kpis = useScenarioStore((s) => s.kpis);
  const errors = useUiStore((s) => s.errors.length + Object.keys(s.layerErrors).length);
  const points = useAccountRasterStore((s) => s.result?.points ?? null);
  const c = workspace?.counts;
  return (
    <footer className="statusbar" data-testid="status-bar">
      {c ? (
        <span data-testid="status-counts">
          {[
            unitText ?? counted(c.units, UNIT_WORDS[kind]),
            ...(kpis ? [counted(kpis.rows.length, ['territory', 'territories'])] : []),
            counted(c.accounts, ['account', 'accounts']),
            counted(c.reps, ['rep', 'reps']),
          ].join(' · ')}
        </span>
      ) : (
        <span>Loading…</span>
      )}
      {kpis && kpis.unassignedAccounts > 0 ? <span className="statusbar__warn">{counted(kpis.unassignedAccounts, ['account', 'accounts'])} in no territory</span> : null}
      {unmatched > 0 ? <span className="statusbar__warn">{counted(unmatched, ['map shape matches', 'map shapes match'])} no unit</span> : null}
      <span className="statusbar__spacer" />
      {points ? (
        <span
          data-testid="accounts-lod"
          data-mode={points.kind}
          data-in-frame={points.inFrame}
          title="Many accounts in view are drawn as one image (pans stay fast); few are drawn as points. Hover and click work in both."
        >
          {counted(points.inFrame, ['account', 'accounts'])} in view
        </span>
      ) : null}
      <span className={errors ? 'statusbar__error' : 'statusbar__ok'} data-testid="error-count">
        {errors ? `${errors} problem${errors > 1 ? 's' : ''}` : 'No problems'}
      </span>
    </footer>
  );
}
