import type { CallProgress } from '../api/long-call';

/** Progress of a long call (shown once it has run for half a second) with a Cancel button. */
export function LongCallBar({ what, progress, onCancel }: { what: string; progress: CallProgress | null; onCancel: () => void }) {
  if (!progress) return null;
  const fraction = progress.total ? progress.done / progress.total : 0;
  return (
    <span className="long-call" data-testid="long-call" role="status">
      <progress max={1} value={fraction} aria-label={`${what} progress`} />
      <button type="button" data-testid="long-call-cancel" onClick={onCancel}>Cancel</button>
      <span className="muted" data-testid="long-call-step">{progress.step} · {(progress.ms / 1000).toFixed(1)} s</span>
    </span>
  );
}
