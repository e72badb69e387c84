import { formatInt } from '../grid/kpi-rows';
import { useDatasetStore } from '../state/dataset-store';
import { useScenarioStore } from '../state/scenario-store';
import { useUiStore } from '../state/ui-store';
import { useAccountRasterStore } from '../map/account-raster';

/** Counts, timings and a short error summary. */
export function StatusBar() {
  const workspace = useDatasetStore((s) => s.workspace);
  const loadMs = useDatasetStore((s) => s.loadMs);
  const unmatched = useDatasetStore((s) => s.geometry?.unmatched ?? 0);
  const kpis = useScenarioStore((s) => s.kpis);
  const firstFrameMs = useUiStore((s) => s.firstFrameMs);
  const errors = useUiStore((s) => s.errors.length + Object.keys(s.layerErrors).length);
  const points = useAccountRasterStore((s) => s.result?.points ?? null);
  const rasterMs = useAccountRasterStore((s) => s.lastMs);
  const c = workspace?.counts;
  return (
    <footer className="statusbar" data-testid="status-bar">
      {c ? (
        <>
          <span>{formatInt(c.units)} units</span>
          <span>{formatInt(c.accounts)} accounts</span>
          <span>{formatInt(c.reps)} reps</span>
        </>
      ) : (
        <span>Loading…</span>
      )}
      {kpis ? <span>{kpis.rows.length} territories</span> : null}
      {kpis && kpis.unassignedAccounts > 0 ? <span className="statusbar__warn">{formatInt(kpis.unassignedAccounts)} accounts unassigned</span> : null}
      {unmatched > 0 ? <span className="statusbar__warn">{unmatched} polygons match no unit</span> : null}
      <span className="statusbar__spacer" />
      {loadMs !== null ? <span>data {formatInt(loadMs)} ms</span> : null}
      {kpis ? <span>KPIs {formatInt(kpis.computeMs)} ms (worker)</span> : null}
      {points ? (
        <span
          data-testid="accounts-lod"
          data-mode={points.kind}
          data-in-frame={points.inFrame}
          title="Many accounts in view are drawn as one image (pans stay fast); few are drawn as points. Hover and click work in both."
        >
          accounts in view: {formatInt(points.inFrame)} as {points.kind === 'raster' ? 'image' : 'points'}{rasterMs !== null ? ` (${formatInt(rasterMs)} ms)` : ''}
        </span>
      ) : null}
      {firstFrameMs !== null ? <span data-testid="first-frame">first map frame {formatInt(firstFrameMs)} ms</span> : null}
      <span className={errors ? 'statusbar__error' : 'statusbar__ok'} data-testid="error-count">
        {errors ? `${errors} problem${errors > 1 ? 's' : ''}` : 'No problems'}
      </span>
    </footer>
  );
}
