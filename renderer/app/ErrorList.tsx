import { dismissError } from '../state/ui-actions';
import { useUiStore } from '../state/ui-store';

/** Problems the user should know about: what went wrong and what to do. */
export function ErrorList() {
  const errors = useUiStore((s) => s.errors);
  if (errors.length === 0) return null;
  return (
    <div className="errors" role="alert" data-testid="errors">
      {errors.map((e) => (
        <div key={e.id} className="error" data-testid={`error-${e.id}`}>
          <div className="error__text">
            <strong>{e.title}.</strong> {e.action}
            <div className="error__detail">{e.detail}</div>
          </div>
          <button type="button" className="error__close" onClick={() => dismissError(e.id)} aria-label="Dismiss">
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
