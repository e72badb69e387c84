/** Said wherever approximate ZIP areas are drawn (stored as the topology's `approximate` member). */
export const ZIP_AREAS_NOTE = 'ZIP areas are approximate: Voronoi cells of the ZIP centroids, clipped to their county';

/** The approximate-geometry note a topology carries, if any. */
export function approximateNote(topology: unknown): string | null {
  const a = (topology as { approximate?: unknown } | null)?.approximate;
  return typeof a === 'string' ? a : null;
}
