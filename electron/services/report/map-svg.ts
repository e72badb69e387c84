import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import type { ScenarioPayload } from '../../../shared/domain/territories/types';
import type { Workspace } from '../workspace';
import { esc } from './svg-parts';

type Ring = number[][];

/** Unit polygons of the workspace as rings per unit id (cached per workspace object by the caller). */
function unitRings(ws: Workspace): Map<string, Ring[]> | null {
  const geo = ws.geometry();
  if (!geo) return null;
  const topology = geo.topology as Topology;
  const object = topology.objects[geo.unitsObject];
  if (!object) return null;
  const fc = feature(topology, object) as unknown as GeoJSON.FeatureCollection;
  const out = new Map<string, Ring[]>();
  for (const f of fc.features) {
    if (!f.geometry) continue;
    if (f.geometry.type === 'Polygon') out.set(String(f.id), f.geometry.coordinates);
    else if (f.geometry.type === 'MultiPolygon') out.set(String(f.id), f.geometry.coordinates.flat());
  }
  return out;
}

/**
 * The default alignment as an SVG map: units filled with their territory colour, moved units (vs a
 * baseline) outlined. Lon/lat is drawn equirectangular scaled by cos(mid latitude); for US data the frame
 * fits the lower 48 (Alaska, Hawaii and Puerto Rico fall outside the frame, noted in the caption).
 */
export function mapSvg(ws: Workspace, payload: ScenarioPayload, moved: ReadonlySet<string>, width = 700, height = 430): string {
  const units = ws.units();
  const colors = new Map(payload.territories.map((t) => [t.id as string, t.color]));
  const assignment = payload.alignments[0]?.assignment ?? {};
  const geographic = units.kind !== 'custom';
  const inFrame = (x: number, y: number): boolean => !geographic || (x > -125 && x < -66 && y > 24 && y < 50);
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  units.ids.forEach((_, i) => {
    const x = units.x[i]!, y = units.y[i]!;
    if (!inFrame(x, y)) return;
    [minX, minY, maxX, maxY] = [Math.min(minX, x), Math.min(minY, y), Math.max(maxX, x), Math.max(maxY, y)];
  });
  if (!(minX < maxX)) return '<p>No units to draw.</p>';
  const kx = geographic ? Math.cos((((minY + maxY) / 2) * Math.PI) / 180) : 1;
  const pad = 0.02 * Math.max((maxX - minX) * kx, maxY - minY);
  const s = Math.min((width - 4) / ((maxX - minX) * kx + 2 * pad), (height - 4) / (maxY - minY + 2 * pad));
  // Half-pixel precision: finer detail is invisible at report size and only makes the page heavier.
  const px = (x: number): number => Math.round(((x - minX) * kx + pad) * s * 2) / 2 + 2;
  const py = (y: number): number => Math.round((maxY - y + pad) * s * 2) / 2 + 2;
  const rings = unitRings(ws);
  const parts: string[] = [];
  units.ids.forEach((id, i) => {
    const fill = colors.get(assignment[id] ?? '') ?? '#d9d9d9';
    const stroke = moved.has(id) ? ' stroke="#000" stroke-width="1.2"' : '';
    const poly = rings?.get(id);
    if (!poly) {
      if (inFrame(units.x[i]!, units.y[i]!)) parts.push(`<circle cx="${px(units.x[i]!)}" cy="${py(units.y[i]!)}" r="2" fill="${fill}"${stroke}/>`);
      return;
    }
    let d = '';
    for (const ring of poly) {
      let last = '';
      ring.forEach((p, k) => {
        const pt = `${px(p[0]!)} ${py(p[1]!)}`;
        if (pt !== last) d += `${k === 0 ? 'M' : 'L'}${pt}`;
        last = pt;
      });
      d += 'Z';
    }
    parts.push(`<path d="${d}" fill="${fill}"${stroke || ' stroke="#fff" stroke-width="0.2"'}/>`);
  });
  const note = geographic ? 'Lower 48 shown.' : '';
  const movedNote = moved.size ? ` ${moved.size} moved unit(s) outlined in black.` : '';
  return `<figure><svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" data-map="units">${parts.join('')}</svg><figcaption>${esc(`${payload.alignments[0]?.label ?? 'Alignment'} — ${payload.territories.length} territories. ${note}${movedNote}`)}</figcaption></figure>`;
}
