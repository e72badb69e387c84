import { confirmDiscardEdits } from '../features/editing/discard-guard';
import { openScenario } from '../state/scenario-actions';
import { useScenarioStore } from '../state/scenario-store';

/** Drop-down of the workspace's scenarios; picking one opens its latest version. */
export function ScenarioPicker() {
  const list = useScenarioStore((s) => s.list);
  const current = useScenarioStore((s) => s.current);
  const busy = useScenarioStore((s) => s.status === 'loading');
  return (
    <label className="picker">
      <span className="picker__label">Scenario</span>
      <select
        data-testid="scenario-picker"
        value={current ? String(current.scenarioId) : ''}
        disabled={list.length === 0 || busy}
        onChange={(e) => {
          // The select is controlled: declining leaves it on the current scenario with the edits intact.
          if (confirmDiscardEdits('open another scenario')) void openScenario(Number(e.target.value));
        }}
      >
        {current ? null : <option value="">{list.length ? 'Choose a scenario…' : 'No scenarios'}</option>}
        {list.map((s) => (
          <option key={s.id} value={String(s.id)}>
            {s.name}
            {s.archived ? ' (archived)' : ''} · v{s.headVersion}
          </option>
        ))}
      </select>
    </label>
  );
}
