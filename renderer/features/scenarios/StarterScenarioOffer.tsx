import { useState } from 'react';
import { api } from '../../api/client';
import { useDatasetStore } from '../../state/dataset-store';
import { openScenario, refreshScenarioList } from '../../state/scenario-actions';
import { useScenarioStore } from '../../state/scenario-store';
import { messageOf } from '../../state/ui-actions';

/** Shown when the workspace is loaded but has no scenario: makes a first one in one click. */
export function StarterScenarioOffer() {
  const ready = useDatasetStore((s) => s.status === 'ready');
  const units = useDatasetStore((s) => s.units);
  const reps = useDatasetStore((s) => s.reps);
  const empty = useScenarioStore((s) => s.list.length === 0);
  const [k, setK] = useState(10);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState('');
  if (!ready || !empty || !units) return null;
  const groups = new Set(units.parents).size;
  const create = async (method: 'state-groups' | 'per-rep') => {
    setBusy(true);
    setProblem('');
    try {
      const r = await api['scenario.createStarter']({ name: 'Starting plan', method, ...(method === 'state-groups' ? { k } : {}) });
      if (!r.ok) return setProblem(r.error.message);
      await refreshScenarioList();
      await openScenario(r.value.id);
    } catch (e) {
      setProblem(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="errors" role="status" data-testid="starter-offer">
      <div className="error">
        <div className="error__text">
          <strong>This workspace has no scenario yet.</strong> Create a starting scenario to assign its {units.ids.length.toLocaleString('en-US')} units to territories, then balance it.
          <div className="error__detail">
            <label>
              <input type="number" min={1} max={Math.max(1, groups)} value={k} onChange={(e) => setK(Math.max(1, Math.round(Number(e.target.value) || 1)))} style={{ width: '4em' }} /> territories of whole states{' '}
            </label>
            <button type="button" disabled={busy} data-testid="starter-states" onClick={() => void create('state-groups')}>
              Create
            </button>{' '}
            <button type="button" disabled={busy || !reps || reps.length === 0} title={reps && reps.length ? '' : 'The workspace has no reps'} onClick={() => void create('per-rep')}>
              One territory per rep
            </button>
            {problem ? <div>{problem}</div> : null}
          </div>
        </div>
      </div>
    </div>
  );
}
