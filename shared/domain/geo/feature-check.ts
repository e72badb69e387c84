import { kinks, lineString } from '@turf/turf';

/**
 * What is wrong with a feature's geometry for use as a unit area, or null when it is a usable polygon:
 * no geometry, not a polygon, empty, non-numeric coordinates, a ring of fewer than 4 points, or a ring that
 * crosses itself. Rings of one polygon that touch at a point (valid in Census TIGER files) are accepted.
 */
export function geometryProblem(g: GeoJSON.Geometry | null | undefined): string | null {
  if (!g) return 'has no geometry (null)';
  if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') return `is a ${g.type}, not a Polygon or MultiPolygon`;
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  if (!Array.isArray(polys) || polys.every((p) => !Array.isArray(p) || p.every((r) => !Array.isArray(r) || r.length === 0))) return 'is empty (no coordinates)';
  for (let p = 0; p < polys.length; p++) {
    const rings = polys[p] ?? [];
    for (let r = 0; r < rings.length; r++) {
      const ring = rings[r] ?? [];
      const where = `ring ${r + 1} of polygon ${p + 1}`;
      if (!ring.every((pt) => Array.isArray(pt) && Number.isFinite(pt[0]) && Number.isFinite(pt[1]))) return `${where} has a coordinate that is not a number`;
      if (ring.length < 4) return `${where} has ${ring.length} point${ring.length === 1 ? '' : 's'} (a ring needs at least 4)`;
      const cross = kinks(lineString(ring)).features[0];
      if (cross) {
        const [x, y] = cross.geometry.coordinates;
        return `${where} crosses itself near ${x!.toFixed(5)}, ${y!.toFixed(5)} (lon, lat)`;
      }
    }
  }
  return null;
}

/** Largest |x| and |y| of a geometry's coordinates (to tell lon/lat from projected metres). */
export function coordinateExtent(g: GeoJSON.Polygon | GeoJSON.MultiPolygon): { x: number; y: number } {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  let x = 0, y = 0;
  for (const p of polys) {
    for (const r of p) {
      for (const pt of r) {
        x = Math.max(x, Math.abs(pt[0]!));
        y = Math.max(y, Math.abs(pt[1]!));
      }
    }
  }
  return { x, y };
}
