import { useState } from 'react';
import { api } from '../../api/client';
import { useDatasetStore } from '../../state/dataset-store';
import { openScenario, refreshScenarioList } from '../../state/scenario-actions';
import { useScenarioStore } from '../../state/scenario-store';
import { messageOf } from '../../state/ui-actions';
import { useReadOnlyReason } from '../../state/read-only';

/** Shown when the workspace is loaded but has no scenario: makes a first one in one click. */
export function StarterScenarioOffer() {
  const ready = useDatasetStore((s) => s.status === 'ready');
  const units = useDatasetStore((s) => s.units);
  const reps = useDatasetStore((s) => s.reps);
  const accountCount = useDatasetStore((s) => s.accounts?.ids.length ?? 0);
  const empty = useScenarioStore((s) => s.list.length === 0);
  const readOnly = useReadOnlyReason();
  const [k, setK] = useState(10);
  const [measure, setMeasure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState('');
  if (!ready || !empty || !units) return null;
  const groups = new Set(units.parents).size;
  // Even out accounts once there are some (the user's own data); else the first measure of the geography.
  const defaultMeasure = accountCount > 0 && units.measures.accounts ? 'accounts' : (units.measureDefs[0]?.key ?? '');
  const picked = measure ?? defaultMeasure;
  const placedReps = reps.filter((r) => r.placement !== 'none').length;
  const create = async (method: 'state-groups' | 'per-rep') => {
    setBusy(true);
    setProblem('');
    try {
      const r = await api['scenario.createStarter']({ name: 'Starting plan', method, ...(method === 'state-groups' ? { k, ...(picked ? { measure: picked } : {}) } : {}) });
      if (!r.ok) return setProblem(r.error.message);
      await refreshScenarioList();
      await openScenario(r.value.id);
    } catch (e) {
      setProblem(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  const perRepWhy = readOnly ?? (reps.length === 0 ? 'The workspace has no reps: import them first (Import… ▸ Reps)' : placedReps === 0 ? 'No rep has a home location: import reps with an address or an office' : `${placedReps} territories, each unit to the nearest rep home${placedReps < reps.length ? ` (${reps.length - placedReps} reps without a home location are left out)` : ''}`);
  return (
    <div className="starter-offer" role="status" data-testid="starter-offer">
      <div>
        <strong>This workspace has no scenario yet.</strong>{' '}
        {accountCount === 0 && reps.length === 0
          ? `Import your accounts and reps (Import…), then create a starting scenario to assign its ${units.ids.length.toLocaleString('en-US')} units to territories.`
          : `Create a starting scenario to assign its ${units.ids.length.toLocaleString('en-US')} units to territories, then balance it.`}
      </div>
      <div className="starter-offer__row">
        <label>
          <input type="number" min={1} max={Math.max(1, groups)} value={k} onChange={(e) => setK(Math.max(1, Math.round(Number(e.target.value) || 1)))} style={{ width: '4em' }} /> territories of whole states
        </label>
        <label>
          with about equal{' '}
          <select data-testid="starter-measure" value={picked} onChange={(e) => setMeasure(e.target.value)}>
            {units.measureDefs.map((m) => <option key={m.key} value={m.key}>{m.label.toLowerCase()}</option>)}
          </select>
        </label>
        <button type="button" disabled={busy || !!readOnly} title={readOnly ?? undefined} data-testid="starter-states" onClick={() => void create('state-groups')}>
          Create
        </button>
        <span className="muted">or</span>
        <button type="button" data-testid="starter-per-rep" disabled={busy || !!readOnly || placedReps === 0} title={perRepWhy} onClick={() => void create('per-rep')}>
          One territory per rep{placedReps > 0 ? ` (${placedReps})` : ''}
        </button>
      </div>
      {problem ? <div className="starter-offer__problem">{problem}</div> : null}
    </div>
  );
}
