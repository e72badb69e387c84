import { CONUS_BOUNDS, inBox, US_JUMPS, type LonLatBounds } from './extent';

/**
 * Labels of the main map: territory names and major cities share one collision group, so where they would
 * overlap the lower priority hides. Priorities lie in deck.gl's range (-1000 … 1000): every territory label
 * ranks above every city, bigger territories above smaller ones, bigger cities above smaller ones.
 */
export type MapLabel = { position: [number, number]; text: string; priority: number };

/** One city of renderer/map/data/us-cities.json: name, state, lon, lat, population. */
export type CityRow = readonly [string, string, number, number, number];

/** City labels, ranked by population (from about -300 for a town to about -100 for New York City). */
export function cityLabels(rows: readonly CityRow[]): MapLabel[] {
  return rows.map(([name, , lon, lat, population]) => ({
    position: [lon, lat],
    text: name,
    priority: Math.round(Math.max(-999, -500 + 60 * Math.log10(Math.max(1, population)))),
  }));
}

/** Territory label priority from its size (units held): 500 for the smallest up to 1000 for the largest. */
export function territoryLabelPriority(size: number, largest: number): number {
  if (largest <= 0) return 500;
  return Math.round(500 + 500 * Math.min(1, Math.max(0, size) / largest));
}

const US_BOXES: readonly LonLatBounds[] = [CONUS_BOUNDS, ...US_JUMPS.map((j) => j.bounds)];

/** True when at least half of the points lie in the US (lower 48, Alaska, Hawaii or Puerto Rico): city labels apply. */
export function mostlyInUs(x: ArrayLike<number>, y: ArrayLike<number>): boolean {
  if (x.length === 0) return false;
  let inside = 0;
  for (let i = 0; i < x.length; i++) {
    const px = x[i]!, py = y[i]!;
    if (US_BOXES.some((b) => inBox(b, px, py))) inside++;
  }
  return inside * 2 >= x.length;
}

/** A label's size on screen in pixels and where its point sits: the middle of the text, or its start (a city's dot). */
export type LabelBox = { width: number; height: number; anchor: 'middle' | 'start' };

const TILE = 512; // deck.gl's Web Mercator world is 512 px wide at zoom 0

/** Web Mercator pixel position of a lon/lat at a zoom (the same at every pan, so overlaps depend on the zoom only). */
export function mercatorPixels(lon: number, lat: number, zoom: number): [number, number] {
  const scale = TILE * 2 ** zoom;
  const phi = (Math.max(-85, Math.min(85, lat)) * Math.PI) / 180;
  return [((lon + 180) / 360) * scale, ((1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI) / 2) * scale];
}

/**
 * Which labels to draw at a zoom so that none overlap: greedy by priority (highest first), each label kept when
 * its box, grown by `gap` pixels, touches no label kept before it. Returns the kept indices in input order.
 */
export function placeLabels(labels: readonly MapLabel[], boxes: readonly LabelBox[], zoom: number, gap = 3): number[] {
  return placeLabelBoxes(labels.map((l) => mercatorPixels(l.position[0], l.position[1], zoom)), labels.map((l) => l.priority), boxes, gap);
}

/**
 * Which labels to draw so that none overlap, given each label's point in pixels: greedy by priority (highest first),
 * each label kept when its box, grown by `gap` pixels, touches no label kept before it. Returns the kept indices in
 * input order. The map (any zoom) and the report's printed maps place their labels with it.
 */
export function placeLabelBoxes(points: readonly (readonly [number, number])[], priorities: readonly number[], boxes: readonly LabelBox[], gap = 3): number[] {
  const order = points.map((_, i) => i).sort((a, b) => priorities[b]! - priorities[a]! || a - b);
  const CELL = 128;
  const grid = new Map<string, number[][]>();
  const kept: number[] = [];
  for (const i of order) {
    const [px, py] = points[i]!;
    const b = boxes[i]!;
    const x0 = (b.anchor === 'middle' ? px - b.width / 2 : px - 3) - gap;
    const y0 = py - b.height / 2 - gap;
    const box = [x0, y0, x0 + b.width + 2 * gap, y0 + b.height + 2 * gap] as const;
    const cells: string[] = [];
    for (let cx = Math.floor(box[0] / CELL); cx <= Math.floor(box[2] / CELL); cx++) {
      for (let cy = Math.floor(box[1] / CELL); cy <= Math.floor(box[3] / CELL); cy++) cells.push(`${cx}:${cy}`);
    }
    const hit = cells.some((c) => (grid.get(c) ?? []).some((o) => o[0]! < box[2] && box[0] < o[2]! && o[1]! < box[3] && box[1] < o[3]!));
    if (hit) continue;
    kept.push(i);
    for (const c of cells) {
      const list = grid.get(c);
      if (list) list.push([...box]);
      else grid.set(c, [[...box]]);
    }
  }
  return kept.sort((a, b) => a - b);
}
