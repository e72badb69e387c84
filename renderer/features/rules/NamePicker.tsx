/** A pick-several list that shows names and stores ids: a summary of the chosen names opens a list of checkboxes. */
export function NamePicker({ label, options, value, onChange, empty, testId }: {
  label: string;
  options: readonly { id: string; name: string }[];
  value: readonly string[];
  onChange: (ids: string[]) => void;
  /** What the summary says when nothing is chosen. */
  empty: string;
  testId?: string;
}) {
  const chosen = new Set(value);
  const byId = new Map(options.map((o) => [o.id, o.name]));
  // Ids the list no longer offers (a deleted territory or rep) stay visible so a rule never changes unseen.
  const missing = value.filter((id) => !byId.has(id));
  const names = value.map((id) => byId.get(id) ?? `${id} (no longer exists)`);
  const summary = names.length === 0 ? empty : names.length <= 3 ? names.join(', ') : `${names.slice(0, 2).join(', ')} and ${names.length - 2} more`;
  const toggle = (id: string, on: boolean) => onChange(on ? [...value, id] : value.filter((v) => v !== id));
  return (
    <details className="name-picker" data-testid={testId}>
      <summary aria-label={label} title={names.join(', ')}>{summary}</summary>
      <div className="name-picker__list" role="group" aria-label={label}>
        {[...options, ...missing.map((id) => ({ id, name: `${id} (no longer exists)` }))].map((o) => (
          <label key={o.id}>
            <input type="checkbox" checked={chosen.has(o.id)} onChange={(e) => toggle(o.id, e.target.checked)} />
            {o.name}
          </label>
        ))}
        {options.length === 0 ? <span className="name-picker__none">Nothing to choose from yet.</span> : null}
      </div>
    </details>
  );
}
