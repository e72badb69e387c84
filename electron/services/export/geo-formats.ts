import { merge } from 'topojson-client';
import type { GeometryCollection, GeometryObject, Topology } from 'topojson-specification';
import { err, ok, type Result } from '../../../shared/contracts/result';
import { xmlText } from '../../../shared/domain/export/xml';
import type { Territory } from '../../../shared/domain/territories/types';
import type { ExportFormat } from './formats';
import { writeTextFile } from './file-sink';
import { resolveScenario } from './scenario-data';
import type { Workspace } from '../workspace';
import type { ScenarioSelector } from '../../../shared/contracts/app-api';

type Dissolved = { territory: Territory; units: number; geometry: GeoJSON.MultiPolygon };

/**
 * Territory outlines of the default alignment: topojson-client merge of each territory's unit polygons.
 * Exact and fast because it works on the shared arcs of the topology (no polygon clipping).
 */
function dissolve(ws: Workspace, selector: ScenarioSelector): Result<{ name: string; items: Dissolved[] }, string> {
  const r = resolveScenario(ws, selector);
  if (!r.ok) return r;
  const { geometry: geo, units } = r.value.view;
  const topology = geo?.topology as Topology | undefined;
  const object = topology?.objects[geo?.unitsObject ?? ''] as GeometryCollection | undefined;
  if (!topology || !object) return err('no-geometry', `${ws.name} has no unit polygons (a point-only geography); export assignments as CSV instead.`);
  const unitIndex = new Map(units.ids.map((id, i) => [id as string, i]));
  const groups = r.value.version.payload.territories.map(() => [] as GeometryObject[]);
  for (const g of object.geometries) {
    const u = unitIndex.get(String(g.id));
    const t = u === undefined ? -1 : r.value.defaultUnitTerritory[u]!;
    if (t >= 0 && (g.type === 'Polygon' || g.type === 'MultiPolygon')) groups[t]!.push(g);
  }
  const items = r.value.version.payload.territories.flatMap((territory, i) =>
    groups[i]!.length ? [{ territory, units: groups[i]!.length, geometry: merge(topology, groups[i]! as never) as GeoJSON.MultiPolygon }] : [],
  );
  return ok({ name: `${r.value.version.scenarioName} v${r.value.version.version}`, items });
}

const round = (ring: number[][]) => ring.map(([x, y]) => [Math.round(x! * 1e6) / 1e6, Math.round(y! * 1e6) / 1e6]);

/** Territories as a GeoJSON FeatureCollection (RFC 7946, WGS84) with name, colour, rep and region. */
export const territoriesGeojson: ExportFormat = async (ws, selector, outPath, opts) => {
  const d = dissolve(ws, selector);
  if (!d.ok) return d;
  const res = writeTextFile(outPath, opts?.overwrite, (out) => {
    out.write('{"type":"FeatureCollection","features":[\n');
    d.value.items.forEach((it, i) => {
      const t = it.territory;
      const feature = {
        type: 'Feature',
        id: t.id,
        properties: { id: t.id, name: t.name, color: t.color, region: t.region, repId: t.repId, units: it.units },
        geometry: { type: 'MultiPolygon', coordinates: it.geometry.coordinates.map((p) => p.map(round)) },
      };
      out.write(`${i ? ',\n' : ''}${JSON.stringify(feature)}`);
    });
    out.write('\n]}\n');
  });
  if (!res.ok) return res;
  return { ok: true, value: { ...res.value, summary: `${d.value.items.length} territory outlines of "${d.value.name}"` } };
};

/** KML colours are aabbggrr. */
const kmlColor = (hex: string, alpha: string) => {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  return m ? `${alpha}${m[3]}${m[2]}${m[1]}`.toLowerCase() : `${alpha}888888`;
};
const kmlRing = (ring: number[][]) => round(ring).map(([x, y]) => `${x},${y}`).join(' ');

/** Territories as KML (Google Earth): one styled Placemark per territory. */
export const territoriesKml: ExportFormat = async (ws, selector, outPath, opts) => {
  const d = dissolve(ws, selector);
  if (!d.ok) return d;
  const res = writeTextFile(outPath, opts?.overwrite, (out) => {
    out.write(`<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>${xmlText(d.value.name)}</name>\n`);
    for (const { territory: t, geometry } of d.value.items) {
      out.write(`<Style id="s-${xmlText(t.id)}"><LineStyle><color>${kmlColor(t.color, 'ff')}</color><width>1.5</width></LineStyle><PolyStyle><color>${kmlColor(t.color, '80')}</color></PolyStyle></Style>\n`);
      out.write(`<Placemark><name>${xmlText(t.name)}</name><description>${xmlText(`Region ${t.region}; rep ${t.repId ?? 'none'}`)}</description><styleUrl>#s-${xmlText(t.id)}</styleUrl><MultiGeometry>`);
      for (const poly of geometry.coordinates) {
        const [outer, ...holes] = poly;
        out.write(`<Polygon><outerBoundaryIs><LinearRing><coordinates>${kmlRing(outer!)}</coordinates></LinearRing></outerBoundaryIs>`);
        for (const h of holes) out.write(`<innerBoundaryIs><LinearRing><coordinates>${kmlRing(h)}</coordinates></LinearRing></innerBoundaryIs>`);
        out.write('</Polygon>');
      }
      out.write('</MultiGeometry></Placemark>\n');
    }
    out.write('</Document></kml>\n');
  });
  if (!res.ok) return res;
  return { ok: true, value: { ...res.value, summary: `${d.value.items.length} territory outlines of "${d.value.name}"` } };
};
