import { describe, expect, it } from 'vitest';
import { geometryProblem } from '../../../../shared/domain/geo/feature-check';
import { classifyPrj } from '../../../../shared/domain/geo/prj';

const square = [[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]];

describe('geometryProblem', () => {
  it('accepts a polygon, and a hole that touches its outer ring at one point (as in Census TIGER files)', () => {
    expect(geometryProblem({ type: 'Polygon', coordinates: [square] })).toBeNull();
    expect(geometryProblem({ type: 'Polygon', coordinates: [square, [[0, 0], [1, 2], [2, 1], [0, 0]]] })).toBeNull();
  });

  it('names null, non-polygon, empty, short, non-numeric and self-crossing geometry', () => {
    expect(geometryProblem(null)).toBe('has no geometry (null)');
    expect(geometryProblem({ type: 'Point', coordinates: [1, 2] })).toBe('is a Point, not a Polygon or MultiPolygon');
    expect(geometryProblem({ type: 'Polygon', coordinates: [] })).toBe('is empty (no coordinates)');
    expect(geometryProblem({ type: 'MultiPolygon', coordinates: [[[]]] })).toBe('is empty (no coordinates)');
    expect(geometryProblem({ type: 'Polygon', coordinates: [[[0, 0], [1, 1], [0, 0]]] })).toBe('ring 1 of polygon 1 has 3 points (a ring needs at least 4)');
    expect(geometryProblem({ type: 'Polygon', coordinates: [[[0, 0], [Number.NaN, 1], [1, 1], [0, 0]]] })).toBe('ring 1 of polygon 1 has a coordinate that is not a number');
    const bowtie = [[0, 0], [2, 2], [2, 0], [0, 2], [0, 0]];
    expect(geometryProblem({ type: 'MultiPolygon', coordinates: [[square], [bowtie]] })).toBe('ring 1 of polygon 2 crosses itself near 1.00000, 1.00000 (lon, lat)');
  });
});

describe('classifyPrj', () => {
  it('reads NAD83 and WGS84 lon/lat as is, and asks to reproject anything else', () => {
    const nad83 = 'GEOGCS["GCS_North_American_1983",DATUM["D_North_American_1983",SPHEROID["GRS_1980",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';
    expect(classifyPrj(nad83)).toEqual({ kind: 'lonlat', crs: 'GCS_North_American_1983' });
    expect(classifyPrj('GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137,298.257223563]],PRIMEM["Greenwich",0],UNIT["Degree",0.017453292519943295]]').kind).toBe('lonlat');
    expect(classifyPrj('PROJCS["NAD_1983_UTM_Zone_18N",GEOGCS["GCS_North_American_1983",DATUM["D_North_American_1983",SPHEROID["GRS_1980",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],UNIT["Meter",1.0]]')).toEqual({ kind: 'reproject', crs: 'NAD_1983_UTM_Zone_18N' });
    expect(classifyPrj('GEOGCS["GCS_ETRS_1989",DATUM["D_ETRS_1989",SPHEROID["GRS_1980",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]').kind).toBe('reproject');
    expect(classifyPrj(null).kind).toBe('lonlat');
  });
});
