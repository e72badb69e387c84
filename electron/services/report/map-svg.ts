import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import type { ScenarioPayload } from '../../../shared/domain/territories/types';
import type { Workspace } from '../workspace';
import type { DatasetGeometry } from '../../../shared/domain/dataset/types';
import { esc } from './svg-parts';
import { placeLabelBoxes } from '../../../shared/domain/map/map-labels';
import { colourTerritories, TERRITORY_MAP_PALETTE, territoryAdjacency } from '../../../shared/domain/map/territory-colouring';
import { distanceMetric } from '../../../shared/domain/geo/distance-metric';

type Ring = number[][];

/** Unit polygons of the workspace as rings per unit id (cached per workspace object by the caller). */
function unitRings(geo: DatasetGeometry | null): Map<string, Ring[]> | null {
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

/** Fill per territory id: a graph colouring of the default alignment's territory adjacency onto the map palette. */
function neighbourColours(ws: Workspace, payload: ScenarioPayload, colourOf: Map<string, number>): Map<string, string> {
  const { units, edges } = ws.viewOf(payload);
  const index = new Map(payload.territories.map((t, i) => [t.id as string, i]));
  const assignment = payload.alignments[0]?.assignment ?? {};
  const unitTerritory = Int32Array.from(units.ids, (id) => index.get(assignment[id] ?? '') ?? -1);
  const neighbours: number[][] = units.ids.map(() => []);
  edges.a.forEach((a, k) => {
    neighbours[a]!.push(edges.b[k]!);
    neighbours[edges.b[k]!]!.push(a);
  });
  const ids = payload.territories.map((t) => t.id as string);
  const { colours } = colourTerritories(territoryAdjacency(neighbours, unitTerritory, ids.length), TERRITORY_MAP_PALETTE.length, ids.map((id) => colourOf.get(id) ?? -1));
  ids.forEach((id, i) => colourOf.set(id, colours[i]!));
  return new Map(ids.map((id, i) => [id, TERRITORY_MAP_PALETTE[colours[i]!]!]));
}

/** Rough text width at the map's 8 px label font (DejaVu Sans averages ~0.6 em per character). */
const labelWidth = (text: string): number => text.length * 4.9 + 4;

/**
 * The default alignment as an SVG map: units filled so that touching territories never share a colour (as the app's
 * map; `colourOf`, territory id → palette index, keeps a territory's colour from one map to the next), territory names placed where
 * they do not overlap (largest territories first), moved units (vs a baseline) outlined, and a legend. Lon/lat is
 * drawn equirectangular scaled by cos(mid latitude); for US data the frame is the lower 48 (Alaska, Hawaii and
 * Puerto Rico are left out and the caption says so).
 */
export function mapSvg(ws: Workspace, payload: ScenarioPayload, moved: ReadonlySet<string>, width = 700, height = 430, title?: string, colourOf = new Map<string, number>()): string {
  const view = ws.viewOf(payload);
  const units = view.units;
  const colors = neighbourColours(ws, payload, colourOf);
  const names = new Map(payload.territories.map((t) => [t.id as string, t.name]));
  const assignment = payload.alignments[0]?.assignment ?? {};
  const geographic = distanceMetric(units) === 'geographic';
  const inFrame = (x: number, y: number): boolean => !geographic || (x > -125 && x < -66 && y > 24 && y < 50);
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  let outside = 0;
  units.ids.forEach((_, i) => {
    const x = units.x[i]!, y = units.y[i]!;
    if (!inFrame(x, y)) return void outside++;
    [minX, minY, maxX, maxY] = [Math.min(minX, x), Math.min(minY, y), Math.max(maxX, x), Math.max(maxY, y)];
  });
  if (!(minX < maxX)) return '<p>No units to draw.</p>';
  const kx = geographic ? Math.cos((((minY + maxY) / 2) * Math.PI) / 180) : 1;
  const pad = 0.02 * Math.max((maxX - minX) * kx, maxY - minY);
  const s = Math.min((width - 4) / ((maxX - minX) * kx + 2 * pad), (height - 4) / (maxY - minY + 2 * pad));
  // Half-pixel precision: finer detail is invisible at report size and only makes the page heavier.
  const px = (x: number): number => Math.round(((x - minX) * kx + pad) * s * 2) / 2 + 2;
  const py = (y: number): number => Math.round((maxY - y + pad) * s * 2) / 2 + 2;
  const rings = unitRings(view.geometry);
  const parts: string[] = [];
  // Per territory: the sum of its units' points and their count, for its label.
  const sums = new Map<string, [number, number, number]>();
  units.ids.forEach((id, i) => {
    if (!inFrame(units.x[i]!, units.y[i]!)) return;
    const t = assignment[id] ?? '';
    const fill = colors.get(t) ?? '#d9d9d9';
    if (t) {
      const acc = sums.get(t) ?? [0, 0, 0];
      sums.set(t, [acc[0] + units.x[i]!, acc[1] + units.y[i]!, acc[2] + 1]);
    }
    const stroke = moved.has(id) ? ' stroke="#000" stroke-width="1.2"' : '';
    const poly = rings?.get(id);
    if (!poly) {
      parts.push(`<circle cx="${px(units.x[i]!)}" cy="${py(units.y[i]!)}" r="2" fill="${fill}"${stroke}/>`);
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
  // Territory names at the unit nearest each territory's mean point (so the name sits on the territory), biggest first.
  const labels = [...sums].map(([t, [sx, sy, n]]) => {
    const [mx, my] = [sx / n, sy / n];
    let best = -1, bestD = Infinity;
    units.ids.forEach((id, i) => {
      if (assignment[id] !== t) return;
      const d = (units.x[i]! - mx) ** 2 + (units.y[i]! - my) ** 2;
      if (d < bestD) [best, bestD] = [i, d];
    });
    const text = names.get(t) ?? t;
    // Kept inside the frame: a name at the edge of the map is moved in, not cut.
    const half = labelWidth(text) / 2;
    return { text, point: [Math.min(width - half - 1, Math.max(half + 1, px(units.x[best]!))), Math.min(height - 6, Math.max(7, py(units.y[best]!)))] as const, size: n };
  });
  const kept = placeLabelBoxes(labels.map((l) => l.point), labels.map((l) => l.size), labels.map((l) => ({ width: labelWidth(l.text), height: 10, anchor: 'middle' as const })), 1);
  for (const k of kept) {
    const l = labels[k]!;
    parts.push(`<text x="${l.point[0]}" y="${l.point[1] + 3}" text-anchor="middle" font-size="8" font-weight="600" fill="#111" stroke="#fff" stroke-width="2.4" paint-order="stroke">${esc(l.text)}</text>`);
  }
  const left = labels.length - kept.length;
  const notes = [
    `${payload.alignments[0]?.label ?? 'Alignment'}: ${payload.territories.length} territories.`,
    left > 0 ? `${kept.length} of ${labels.length} territory names shown (the rest would overlap).` : '',
    geographic && outside > 0 ? `Lower 48 shown; ${outside} unit(s) in Alaska, Hawaii and Puerto Rico left out.` : '',
  ].filter(Boolean).join(' ');
  const legend = `<div class="map-legend"><span><i style="background:linear-gradient(90deg,${TERRITORY_MAP_PALETTE.slice(0, 4).join(',')})"></i>Fill: territory (named on the map; touching territories never share a colour)</span>${moved.size ? `<span><i style="border:1.5px solid #000;background:#fff"></i>Unit moved from the baseline (${moved.size})</span>` : ''}<span><i style="background:#d9d9d9"></i>Unassigned</span></div>`;
  return `<figure class="map">${title ? `<figcaption><strong>${esc(title)}</strong></figcaption>` : ''}<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" overflow="hidden" data-map="units">${parts.join('')}</svg>${legend}<figcaption>${esc(notes)}</figcaption></figure>`;
}
