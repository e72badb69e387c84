import { useEditingStore } from './editing-store';

/** The lasso or rectangle being drawn, as SVG over the map (no WebGL redraw per pointer move). */
export function LassoOverlay() {
  const path = useEditingStore((s) => s.draftPath);
  if (!path || path.length < 4) return null;
  let points = '';
  for (let i = 0; i + 1 < path.length; i += 2) points += `${path[i]},${path[i + 1]} `;
  return (
    <svg className="lasso-overlay" data-testid="lasso-overlay" aria-hidden="true">
      <polygon points={points} />
    </svg>
  );
}
