/**
 * How to read a shapefile's coordinates, from its .prj (ESRI WKT): `lonlat` when they are already geographic
 * longitude/latitude on WGS84 or NAD83 (NAD83 and WGS84 differ by about 1-2 m in the US, far below what
 * territory boundaries need, so NAD83 is read as is), `reproject` for any other coordinate system (projected,
 * or geographic on another datum), to be converted to WGS84 lon/lat. No .prj: lon/lat is assumed and checked.
 */
export type PrjKind = { kind: 'lonlat'; crs: string } | { kind: 'reproject'; crs: string };

/** The coordinate system's name in WKT (first quoted string), e.g. GCS_North_American_1983. */
function crsName(wkt: string): string {
  return /^\s*\w+\s*\[\s*"([^"]*)"/.exec(wkt)?.[1] ?? 'unnamed coordinate system';
}

export function classifyPrj(wkt: string | null): PrjKind {
  if (wkt === null || wkt.trim() === '') return { kind: 'lonlat', crs: 'none given (.prj missing): lon/lat assumed' };
  const text = wkt.trim();
  const name = crsName(text);
  const geographic = /^(GEOGCS|GEOGCRS|GEODCRS)\s*\[/i.test(text);
  const datumOk = /WGS[ _]?(19)?84|North[ _]American[ _]1983|NAD[ _]?83/i.test(text);
  const degrees = /UNIT\s*\[\s*"(Degree|degree)/.test(text);
  return geographic && datumOk && degrees ? { kind: 'lonlat', crs: name } : { kind: 'reproject', crs: name };
}
