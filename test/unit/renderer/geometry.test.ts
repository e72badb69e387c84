import { describe, expect, it } from 'vitest';
import type { GeometryPayload } from '../../../shared/contracts/app-api';
import { prepareGeometry, territoryBorders, territoryOutline } from '../../../renderer/map/geometry';
import { fitContinentalUs, DEFAULT_VIEW } from '../../../renderer/map/initial-view';

// Two unit squares A | B sharing the edge x = 1; arc 0 is the shared edge.
const payload = (ids: string[]): GeometryPayload => ({
  format: 'topojson',
  unitsObject: 'units',
  parentsObject: 'states',
  topology: {
    type: 'Topology',
    arcs: [
      [[1, 0], [1, 1]],
      [[1, 1], [0, 1], [0, 0], [1, 0]],
      [[1, 0], [2, 0], [2, 1], [1, 1]],
    ],
    objects: {
      units: { type: 'GeometryCollection', geometries: [{ type: 'Polygon', id: ids[0], arcs: [[1, 0]] }, { type: 'Polygon', id: ids[1], arcs: [[2, -1]] }] },
      states: { type: 'GeometryCollection', geometries: [{ type: 'Polygon', id: 'S', arcs: [[1, 2]] }] },
    },
  },
});
/** True when a line runs along the shared edge x = 1 (mesh stitches arcs, so count edges, not lines). */
const hasSharedEdge = (lines: number[][][]): boolean =>
  lines.some((l) => l.some((p, i) => i > 0 && p[0] === 1 && l[i - 1]![0] === 1 && Math.abs(p[1]! - l[i - 1]![1]!) === 1));
const pointCount = (lines: number[][][]): number => lines.reduce((n, l) => n + l.length, 0);

const units = { ids: ['B', 'A', 'C'], names: ['Bravo', 'Alpha', 'Charlie'], parents: ['S', 'S', 'S'] };

describe('map geometry from the workspace TopoJSON', () => {
  it('tags each polygon with its unit index and name', () => {
    const g = prepareGeometry(payload(['A', 'B']), units);
    expect(g.features.map((f) => f.properties)).toEqual([
      { unitIndex: 1, name: 'Alpha', parent: 'S' },
      { unitIndex: 0, name: 'Bravo', parent: 'S' },
    ]);
    expect(g.unmatched).toBe(0);
    expect(g.parentOutlines?.geometry.type).toBe('MultiLineString');
  });

  it('counts polygons whose id matches no unit instead of dropping them silently', () => {
    const g = prepareGeometry(payload(['A', 'X']), units);
    expect(g.unmatched).toBe(1);
    expect(g.features[1]!.properties.unitIndex).toBe(-1);
  });

  it('refuses a payload whose units object is missing, naming it', () => {
    expect(() => prepareGeometry({ ...payload(['A', 'B']), unitsObject: 'counties' }, units)).toThrow('"counties"');
  });

  it('draws the shared edge as a territory border only when the two units are in different territories', () => {
    const g = prepareGeometry(payload(['A', 'B']), units);
    const same = territoryBorders(g, Int32Array.from([0, 0, -1])).geometry.coordinates;
    const different = territoryBorders(g, Int32Array.from([0, 1, -1])).geometry.coordinates;
    expect(hasSharedEdge(same)).toBe(false);
    expect(pointCount(same)).toBe(7);
    expect(hasSharedEdge(different)).toBe(true);
  });

  it('outlines one territory with its coast and its borders with other territories', () => {
    const g = prepareGeometry(payload(['A', 'B']), units);
    // A (unit 1) is territory 1, B (unit 0) territory 0: A's outline is its outer arc plus the shared edge.
    const outline = territoryOutline(g, Int32Array.from([0, 1, -1]), 1).geometry.coordinates;
    expect(hasSharedEdge(outline)).toBe(true);
    expect(outline.flat().some((p) => p[0] === 2)).toBe(false); // nothing of B's far side
    expect(territoryOutline(g, Int32Array.from([0, 1, -1]), 5).geometry.coordinates).toHaveLength(0);
  });
});

describe('initial map view', () => {
  it('fits the continental US into the map size', () => {
    const v = fitContinentalUs(800, 600);
    expect(v.longitude).toBeGreaterThan(-100);
    expect(v.longitude).toBeLessThan(-92);
    expect(v.zoom).toBeGreaterThan(2.5);
    expect(v.zoom).toBeLessThan(4.5);
    expect(fitContinentalUs(1600, 1200).zoom).toBeGreaterThan(v.zoom);
  });

  it('falls back to the default view for a map that has no size yet', () => {
    expect(fitContinentalUs(0, 0)).toEqual(DEFAULT_VIEW);
  });
});
