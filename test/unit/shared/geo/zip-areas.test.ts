import { area as turfArea } from '@turf/turf';
import { topology } from 'topojson-server';
import type { Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { clippedVoronoi, decodeZipAreas, shareBoundary, type Area, type ZipAreaAsset } from '../../../../shared/domain/geo/zip-areas';

const square = (x0: number, y0: number, x1: number, y1: number): GeoJSON.Polygon => ({
  type: 'Polygon',
  coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]],
});
const size = (a: Area | null) => (a ? turfArea({ type: 'Feature', properties: {}, geometry: a }) : 0);
const xs = (a: Area | null) => (a?.type === 'Polygon' ? a.coordinates[0]!.map((p) => p[0]!) : []);

describe('clippedVoronoi', () => {
  it('splits a county between its centroids halfway and keeps the county border exact', () => {
    const county = square(0, 0, 1, 1);
    const [west, east] = clippedVoronoi([[0.25, 0.5], [0.75, 0.5]], county);
    expect(Math.min(...xs(west!))).toBe(0);
    expect(Math.max(...xs(west!))).toBeCloseTo(0.5, 9);
    expect(Math.min(...xs(east!))).toBeCloseTo(0.5, 9);
    expect(Math.max(...xs(east!))).toBe(1);
    expect(size(west!) + size(east!)).toBeCloseTo(size(county), -3);
  });

  it('gives a lone centroid the whole county and cuts a cell that leaves the county', () => {
    const l: GeoJSON.Polygon = { type: 'Polygon', coordinates: [[[0, 0], [2, 0], [2, 1], [1, 1], [1, 2], [0, 2], [0, 0]]] };
    expect(clippedVoronoi([[0.5, 0.5]], l)).toEqual([l]);
    const cells = clippedVoronoi([[0.5, 0.5], [1.5, 0.5], [0.5, 1.5]], l);
    expect(cells.every((c) => c !== null)).toBe(true);
    expect(cells.reduce((s, c) => s + size(c), 0)).toBeCloseTo(size(l), -4);
  });
});

describe('shareBoundary', () => {
  it('is true for areas sharing an edge, even when their vertices along it differ', () => {
    expect(shareBoundary(square(0, 0, 1, 1), square(1, 0, 2, 1))).toBe(true);
    expect(shareBoundary(square(0, 0, 1, 1), square(1, 0.4, 2, 0.6))).toBe(true);
    expect(shareBoundary(square(1, 0.4, 2, 0.6), square(0, 0, 1, 1))).toBe(true);
  });

  it('is false for areas that touch at a corner only or are apart', () => {
    expect(shareBoundary(square(0, 0, 1, 1), square(1, 1, 2, 2))).toBe(false);
    expect(shareBoundary(square(0, 0, 1, 1), square(1.001, 0, 2, 1))).toBe(false);
    expect(shareBoundary(square(0, 0, 1, 1), square(1, 1, 2, 2), 1e-6)).toBe(false);
  });
});

describe('decodeZipAreas', () => {
  const asset = (): ZipAreaAsset => ({
    version: 1,
    sources: ['test'],
    zips: ['00001', '00002'],
    names: ['ZIP 00001, A', 'ZIP 00002, B'],
    counties: ['01001', '01003'],
    states: ['01', '01'],
    lon: [0.5, 1.5],
    lat: [0.5, 0.5],
    measures: { establishments: [3, 4], employees: [30, 40], payroll: [3000, 4000] },
    estimated: [],
    edges: { a: [0], b: [1] },
    topology: topology({
      zips: {
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', id: '00001', properties: {}, geometry: square(0, 0, 1, 1) },
          { type: 'Feature', id: '00002', properties: {}, geometry: null as unknown as GeoJSON.Geometry },
        ],
      } as GeoJSON.FeatureCollection,
    }) as unknown as Topology,
  });

  it('returns one area per ZIP with its county, state, measures and polygon (null when it has none)', () => {
    const z = decodeZipAreas(asset());
    expect(z.areas.map((a) => [a.id, a.name, a.county, a.state])).toEqual([['00001', 'ZIP 00001, A', '01001', '01'], ['00002', 'ZIP 00002, B', '01003', '01']]);
    expect(z.areas[1]!.measures).toEqual({ establishments: 4, employees: 40, payroll: 4000 });
    expect(z.areas[0]!.polygon?.type).toBe('Polygon');
    expect(z.areas[1]!.polygon).toBeNull();
    expect(z.byId.get('00002')).toBe(1);
    expect(z.measureDefs.map((m) => m.unit)).toEqual(['establishments', 'employees', 'USD']);
  });

  it('rejects an unknown version and a geometry count that does not match the ZIPs', () => {
    expect(() => decodeZipAreas({ ...asset(), version: 2 as 1 })).toThrow(/version 2/);
    expect(() => decodeZipAreas({ ...asset(), zips: ['00001'] })).toThrow(/2 geometries for 1 ZIPs/);
  });
});
