import { existsSync, readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { Command } from 'commander';
import type { Result } from '../../../shared/contracts/result';
import { importBoundaries, readBoundaryBytes, ZCTA_ID_FIELDS, type BoundaryReport } from '../../services/import/boundary-import';
import { importGeojson, importShapefile, importUnitsCsv, type GeographyReport } from '../../services/import/geography-import';
import { createZipWorkspace, ZIP_STARTER_TERRITORIES } from '../../services/import/zip-geography';
import { emit, num, table, UserError, type Io } from '../output';
import { readTextInput } from '../read-text';
import { openForCli } from './workspace-commands';

function readText(path: string, what: string): string {
  if (!existsSync(path)) throw new UserError(`No file at ${path}.`);
  return readTextInput(path, what);
}

function report(io: Io, json: boolean, res: Result<GeographyReport>): void {
  if (!res.ok) throw new UserError(res.error.message);
  const r = res.value;
  emit(io, json, r, () =>
    [
      `Created ${r.path}: ${num(r.units)} units, ${num(r.edges)} adjacencies, measures ${r.measures.join(', ') || '(none)'}${r.scenario ? `, scenario "${r.scenario}"` : ''}`,
      r.ignoredColumns.length ? `Ignored (not numeric): ${r.ignoredColumns.join(', ')}` : '',
      r.issues.length ? table(['line', 'column', 'action', 'reason'], r.issues.slice(0, 30).map((i) => [i.line, i.column ?? '', i.action, i.reason])) : '',
    ].filter(Boolean).join('\n'),
  );
}

function readBytes(path: string): Uint8Array {
  if (!existsSync(path)) throw new UserError(`No file at ${path}.`);
  return readFileSync(path);
}

/** A boundary file's features: a shapefile zip or a GeoJSON FeatureCollection. */
async function readBoundaryFile(file: string): Promise<{ fc: GeoJSON.FeatureCollection; crs: string | null }> {
  const r = await readBoundaryBytes(readBytes(file));
  if (!r.ok) throw new UserError(r.error.message);
  return { fc: r.value.collection, crs: r.value.crs };
}

function boundaryText(r: BoundaryReport, path: string, crs: string | null): string {
  return [
    `Replaced the polygons of ${num(r.matched)} units of ${path} with ${r.source} (id field ${r.idField}${crs ? `, coordinate system ${crs}` : ''}); scenarios unchanged`,
    `Not in the workspace: ${num(r.unmatched.length)} ids${r.unmatched.length ? ` (${r.unmatched.slice(0, 10).join(', ')}${r.unmatched.length > 10 ? ', …' : ''})` : ''}`,
    r.approximateLeft !== null ? `Units still with approximate areas: ${num(r.approximateLeft)}` : '',
    `Adjacencies: ${num(r.edgesBefore)} before, ${num(r.edgesAfter)} after (${num(r.edgesBetweenReplaced)} between replaced units, from their shared boundaries)`,
    r.issues.length ? `Rejected features: ${num(r.issues.length)}\n${table(['feature', 'reason'], r.issues.slice(0, 30).map((i) => [i.line, i.reason]))}` : '',
  ].filter(Boolean).join('\n');
}

/** Registers `import units|geojson|shapefile|boundaries|zips`: each creates a new workspace from a geography. */
export function registerGeographyImports(cmd: Command, io: Io): void {
  cmd
    .command('units')
    .description("create a workspace from the balancing engine's units CSV (+ edges CSV)")
    .argument('<file>', 'units CSV: id, x,y or lon,lat, numeric measures, optional name, center, territory, locked')
    .requiredOption('-w, --workspace <file>', 'workspace file to create')
    .option('--edges <file>', 'edges CSV: from,to[,distance]')
    .option('--json', 'machine-readable output')
    .action((file: string, o: { workspace: string; edges?: string; json?: boolean }) =>
      report(io, !!o.json, importUnitsCsv(resolve(o.workspace), readText(file, 'units CSV'), o.edges ? readText(o.edges, 'edges CSV') : null, basename(file))),
    );
  cmd
    .command('geojson')
    .description('create a workspace from polygons (GeoJSON FeatureCollection); adjacency from shared boundaries')
    .argument('<file>', 'GeoJSON file')
    .requiredOption('-w, --workspace <file>', 'workspace file to create')
    .option('--id <property>', 'feature property holding the unit id (default: id, else the feature id)')
    .option('--json', 'machine-readable output')
    .action(async (file: string, o: { workspace: string; id?: string; json?: boolean }) =>
      report(io, !!o.json, await importGeojson(resolve(o.workspace), readText(file, 'GeoJSON file'), basename(file), o.id)),
    );
  cmd
    .command('shapefile')
    .description('create a workspace from an ESRI shapefile zip (.shp/.dbf, .prj reprojected to lon/lat); adjacency from shared boundaries')
    .argument('<file>', 'zip holding one shapefile (.shp, .shx, .dbf, optional .prj and .cpg)')
    .requiredOption('-w, --workspace <file>', 'workspace file to create')
    .option('--id-field <field>', 'attribute (.dbf field) holding the unit id (default: id, else the feature number)')
    .option('--json', 'machine-readable output')
    .action(async (file: string, o: { workspace: string; idField?: string; json?: boolean }) =>
      report(io, !!o.json, await importShapefile(resolve(o.workspace), readBytes(file), basename(file), o.idField)),
    );
  cmd
    .command('boundaries')
    .description('replace the polygons of the units whose ids match (e.g. Census ZCTA boundaries over approximate ZIP areas); scenarios untouched')
    .argument('<file>', 'GeoJSON FeatureCollection or shapefile .zip')
    .requiredOption('-w, --workspace <file>', 'existing workspace to update')
    .option('--id-field <field>', `feature attribute holding the unit id (default: the first of ${ZCTA_ID_FIELDS.join(', ')} present)`)
    .option('--json', 'machine-readable output')
    .action(async (file: string, o: { workspace: string; idField?: string; json?: boolean }) => {
      const { fc, crs } = await readBoundaryFile(file);
      const ws = openForCli(resolve(o.workspace));
      try {
        const res = await importBoundaries(ws, fc, basename(file), o.idField);
        if (!res.ok) throw new UserError(res.error.message);
        emit(io, !!o.json, res.value, () => boundaryText(res.value, o.workspace, crs));
      } finally {
        ws.close();
      }
    });
  cmd
    .command('zips')
    .description('create a workspace of US ZIP areas (built in, approximate: Voronoi cells of ZCTA centroids clipped to counties) with ZBP 2016 measures and a starting scenario')
    .requiredOption('-w, --workspace <file>', 'workspace file to create')
    .option('--states <list>', 'comma-separated state codes, e.g. NY,NJ,CT (default: all 50 states and DC)')
    .option('--territories <k>', `territories of the starting scenario, made of whole states (default ${ZIP_STARTER_TERRITORIES})`, String(ZIP_STARTER_TERRITORIES))
    .option('--json', 'machine-readable output')
    .action((o: { workspace: string; states?: string; territories: string; json?: boolean }) => {
      const k = Number(o.territories);
      if (!Number.isInteger(k) || k < 1) throw new UserError(`--territories must be a whole number of at least 1, not "${o.territories}".`);
      const res = createZipWorkspace(resolve(o.workspace), o.states ? o.states.split(',').map((s) => s.trim()).filter(Boolean) : [], k);
      if (!res.ok) throw new UserError(res.error.message);
      const v = res.value;
      emit(io, !!o.json, v, () =>
        [
          `Created ${v.path}: ${num(v.units)} ZIP areas, ${num(v.edges)} adjacencies, measures establishments, employees, payroll (ZBP 2016), scenario "${v.scenario}" with ${num(v.territories)} territories`,
          'ZIP areas are approximate: Voronoi cells of the ZCTA centroids clipped to their county (docs/geography.md).',
        ].join('\n'),
      );
    });
}
