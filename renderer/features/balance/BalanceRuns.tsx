import { Fragment, useState } from 'react';
import { formatDistance } from '../../../shared/domain/kpi/travel';
import { useDatasetStore } from '../../state/dataset-store';
import { cancelBalanceRun, clearBalanceRuns, discardBalancePreview, pickBalanceRun, previewBalanceRun, widenBalanceBand } from './balance-actions';
import { useBalanceStore, type BalanceRun } from './balance-store';
import { proposeRepMatch } from './rep-match-actions';
import { splitHeavyUnits } from '../editing/geography-actions';
import { useReadOnlyReason } from '../../state/read-only';
import { distanceMetric } from '../../../shared/domain/geo/distance-metric';
import type { BalanceStop } from '../../../shared/domain/balance';

const pct = (f: number | null | undefined, digits = 1): string => (f === null || f === undefined || !Number.isFinite(f) ? '—' : `${(f * 100).toFixed(digits)}%`);

function RunProgress({ run }: { run: BalanceRun }) {
  const p = run.progress;
  return (
    <div className="balance-run" data-testid="balance-progress" data-status={run.status} data-run-id={run.id}>
      <div className="balance-run__head">
        <span className="balance-run__label">{run.label}</span>
        <span className="balance-run__status">{run.status}</span>
        {run.status === 'running' || run.status === 'queued' ? (
          <button type="button" data-testid="balance-cancel" onClick={() => cancelBalanceRun(run.id)}>Cancel</button>
        ) : null}
      </div>
      {run.status === 'running' || run.status === 'queued' ? (
        <>
          <progress max={1} value={p?.fraction ?? 0} />
          <div className="balance-run__meta">
            {p ? `${p.phase} · iteration ${p.iteration} · best ${Number.isFinite(p.bestObjective) ? p.bestObjective.toFixed(3) : '—'} · worst deviation ${pct(p.worstDeviation)}` : 'waiting for a worker…'}
          </div>
        </>
      ) : null}
      {run.error ? <div className="balance-run__error">{run.error}</div> : null}
    </div>
  );
}

/** What a finished run means in words: unmet constraints with their fixes, the wider band to try, named accounts moved, reps to match. */
function RunDetails({ run }: { run: BalanceRun }) {
  const o = run.outcome!;
  const { issues, widenTo } = o.explanation;
  const readOnly = useReadOnlyReason();
  return (
    <div className="balance-explain" data-testid="balance-explain">
      {issues.length > 0 ? (
        <ul>
          {issues.slice(0, 6).map((i, n) => <li key={n} data-kind={i.kind}>{i.text} <span className="balance-explain__fix">{i.fix}</span></li>)}
          {issues.length > 6 ? <li>… and {issues.length - 6} more territories outside the band.</li> : null}
        </ul>
      ) : null}
      {issues.some((i) => i.kind === 'unit-too-large') && !run.saved ? <SplitHeavyOffer run={run} /> : null}
      {widenTo !== null && !run.saved ? (
        <button type="button" data-testid="balance-widen" disabled={!!readOnly} title={readOnly ?? undefined} onClick={() => void widenBalanceBand(run.id)}>Widen the band to ±{(widenTo * 100).toFixed(1)} % and run again</button>
      ) : null}
      {o.applied.untouched.map((a) => <p key={a.label}>Alignment {a.label} is unchanged ({a.territories} territories).</p>)}
      <NamesKept applied={o.applied} />
      {o.applied.removed.length > 0 ? <p>{o.applied.removed.length} old territor{o.applied.removed.length === 1 ? 'y no longer exists' : 'ies no longer exist'}: {nameList(o.applied.removed.map((t) => t.name))} (no new territory holds most of {o.applied.removed.length === 1 ? 'it' : 'any of them'}).</p> : null}
      {o.applied.reassigned.length > 0 ? (
        <p data-testid="balance-reassigned">Named accounts of removed territories move to their unit's territory: {o.applied.reassigned.map((a) => `${a.accountName} (${a.from} → ${a.to ?? 'unassigned'})`).join('; ')}.</p>
      ) : null}
      {run.saved && o.applied.unstaffed.length > 0 ? (
        <p>{o.applied.unstaffed.length} territories have no rep: <button type="button" data-testid="balance-match-reps" disabled={!!readOnly} title={readOnly ?? undefined} onClick={() => void proposeRepMatch()}>Match reps</button></p>
      ) : null}
    </div>
  );
}

/**
 * Offered when a unit alone breaks the band: split every county above a chosen share of a territory's target into
 * its ZIP areas (one undoable edit of the open scenario), then run again.
 */
function SplitHeavyOffer({ run }: { run: BalanceRun }) {
  const [share, setShare] = useState(50);
  const readOnly = useReadOnlyReason();
  const measure = run.settings.measures[0] ?? 'potential';
  const go = async () => {
    if (useBalanceStore.getState().previewRunId !== null) await discardBalancePreview();
    // The share is of a territory's target in the run's plan (a design's K), not the open scenario's.
    await splitHeavyUnits(share / 100, measure, run.outcome?.kpis.territories.length || undefined);
  };
  return (
    <p className="balance-split-heavy" data-testid="balance-split-heavy">
      Split every county above{' '}
      <input type="number" min={5} max={100} step={5} value={share} aria-label="Share of a territory's target" data-testid="balance-split-share" onChange={(e) => setShare(Math.min(100, Math.max(5, Number(e.target.value) || 50)))} />{' '}
      % of a territory&apos;s {measure} target into its ZIP areas (they keep their territory; undo reverts it), then run again.{' '}
      <button type="button" data-testid="balance-split-heavy-run" disabled={!!readOnly} title={readOnly ?? undefined} onClick={() => void go()}>Split heavy units</button>
    </p>
  );
}

/** Names in words, the first 12 of a longer list. */
const nameList = (names: string[]): string => (names.length > 12 ? `${names.slice(0, 12).join(', ')} and ${names.length - 12} more` : names.join(', '));

/** Which new territories carry an old name (each holds most of that old territory's accounts) and which are new. */
function NamesKept({ applied }: { applied: NonNullable<BalanceRun['outcome']>['applied'] }) {
  const kept = applied.territories.filter((t) => t.kept).map((t) => t.name);
  const fresh = applied.territories.filter((t) => !t.kept).map((t) => t.name);
  if (applied.territories.length === 0) return null;
  const n = applied.territories.length;
  const keptText = kept.length === n ? `All ${n} territories keep their names (each holds most of its old territory's accounts).` : kept.length > 0 ? `${kept.length} of ${n} territories keep an old name, each holding most of that old territory's accounts: ${nameList(kept)}.` : '';
  const freshText = fresh.length === n ? `All ${n} territories are new, neutrally named: ${nameList(fresh)}.` : fresh.length > 0 ? `${fresh.length} ${fresh.length === 1 ? 'is' : 'are'} new, neutrally named: ${nameList(fresh)}.` : '';
  return <p data-testid="balance-names">{[keptText, freshText].filter(Boolean).join(' ')}</p>;
}

/** Why a run stopped, in the panel's words (the runtime cell's tooltip). */
const STOPPED: Record<BalanceStop, string> = {
  converged: 'Stopped when no move improved the plan',
  steps: 'Stopped after its search steps',
  'time-limit': 'Used the whole time limit',
  bound: 'Stopped early: the plan reached the LP lower bound, so it is optimal',
  cancelled: 'Cancelled',
};

/** Running runs with progress, then finished runs side by side to pick from. */
export function BalanceRuns() {
  const runs = useBalanceStore((s) => s.runs);
  const previewRunId = useBalanceStore((s) => s.previewRunId);
  const metric = useDatasetStore((s) => (s.units ? distanceMetric(s.units) : 'geographic'));
  const [newName, setNewName] = useState('');
  const [busy, setBusy] = useState(false);
  const readOnly = useReadOnlyReason();
  const done = runs.filter((r) => r.status === 'done' && r.result);
  const pick = async (id: number, asNew: boolean) => {
    setBusy(true);
    try {
      await pickBalanceRun(id, asNew ? newName.trim() || `Balanced ${new Date().toISOString().slice(0, 16).replace('T', ' ')}` : undefined);
    } finally {
      setBusy(false);
    }
  };
  if (runs.length === 0) return null;
  return (
    <div className="balance-runs">
      {runs.filter((r) => r.status !== 'done').map((r) => <RunProgress key={r.id} run={r} />)}
      {done.length > 0 ? (
        <>
          <table className="balance-table" data-testid="balance-runs-table">
            <thead>
              <tr>
                <th>run</th>
                <th title="Largest deviation from the mean of the balanced alignment, over the balanced measures, as the saved scenario's KPIs will show it (named accounts included)">worst dev.</th>
                <th>non-contig.</th>
                <th title="Mean distance from a unit to its territory centre, averaged over territories">compactness</th>
                <th>disruption</th><th>runtime</th><th />
              </tr>
            </thead>
            <tbody>
              {done.map((r) => {
                const rep = r.result!.report;
                const o = r.outcome;
                const previewing = previewRunId === r.id;
                return (
                  <Fragment key={r.id}>
                    <tr data-testid="balance-result-row" data-run-id={r.id} data-worst-deviation={o?.kpis.worstDeviation ?? rep.worstDeviation}>
                      <td>{r.label}{rep.feasible ? '' : ' ⚠'}</td>
                      <td>{pct(o?.kpis.worstDeviation ?? rep.worstDeviation)}</td>
                      <td>{rep.nonContiguous}</td>
                      <td>{o ? formatDistance(o.kpis.compactness, 'km', metric) : '—'}</td>
                      <td>{pct(rep.disruption?.unitsShare)}</td>
                      <td title={STOPPED[rep.stoppedBy]} data-stopped-by={rep.stoppedBy}>{((r.elapsedMs ?? rep.runtimeMs) / 1000).toFixed(1)} s{rep.stoppedBy === 'bound' ? ' ✓' : ''}</td>
                      <td className="balance-table__actions">
                        {r.saved ? <span data-testid="balance-saved">saved v{r.saved.version}</span> : (
                          <>
                            {previewing
                              ? <button type="button" data-testid="balance-discard" disabled={busy} onClick={() => void discardBalancePreview()}>Discard</button>
                              : <button type="button" data-testid="balance-preview" disabled={busy || !o} onClick={() => void previewBalanceRun(r.id)}>Preview on map</button>}
                            <button type="button" data-testid="balance-pick" disabled={!!readOnly || busy || !o} title={readOnly ?? undefined} onClick={() => void pick(r.id, false)}>Save version</button>
                            <button type="button" disabled={!!readOnly || busy || !o} title={readOnly ?? undefined} onClick={() => void pick(r.id, true)}>As scenario</button>
                          </>
                        )}
                      </td>
                    </tr>
                    {o && (o.explanation.issues.length > 0 || o.applied.reassigned.length > 0 || o.applied.removed.length > 0 || (r.saved && o.applied.unstaffed.length > 0)) ? (
                      <tr className="balance-table__details"><td colSpan={7}><RunDetails run={r} /></td></tr>
                    ) : null}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
          {previewRunId !== null ? <div className="balance-preview-note" data-testid="balance-preview-note">The map and grid show run {done.find((r) => r.id === previewRunId)?.label ?? previewRunId} as an unsaved draft: Save version or Discard.</div> : null}
          <div className="balance-runs__footer">
            <input placeholder="new scenario name" value={newName} onChange={(e) => setNewName(e.target.value)} />
            <button type="button" onClick={clearBalanceRuns}>Clear finished</button>
          </div>
        </>
      ) : null}
    </div>
  );
}
