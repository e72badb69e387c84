// Registry of `tessera export --format <name>` formats. Each format is one function; CSV, GeoJSON and
// KML register here next to the scenario file. Created minimal by the scenarios work so both can grow it.
import type { ScenarioSelector } from '../../../shared/contracts/app-api';
import type { Result } from '../../../shared/contracts/result';
import { writeShareFile } from '../scenarios/share-write';
import { assignmentsCsv, kpisCsv, salesforceCsv } from './csv-formats';
import { kpisXlsx } from './xlsx-formats';
import { territoriesGeojson, territoriesKml } from './geo-formats';
import { currentAuthor, type Workspace } from '../workspace';
import { APP_VERSION } from '../workspace-handlers';

/** What an export wrote, for the CLI's text and --json output. */
export type ExportReport = { path: string; bytes: number; summary: string };

/** Options every format may read; also lists more scenarios for formats that hold several. */
export type ExportOptions = {
  also?: ScenarioSelector[];
  overwrite?: boolean;
  /** Scenario files: the key to sign with (false: unsigned; default: the default key, when there is one). */
  sign?: string | false;
  keysDir?: string;
};

/** One export format: writes the selected scenario (with the data it needs) to outPath. */
export type ExportFormat = (ws: Workspace, selector: ScenarioSelector, outPath: string, opts?: ExportOptions) => Promise<Result<ExportReport, string>>;

/** Export formats by name. */
export type ExportRegistry = { [format: string]: ExportFormat };

/** `.tessera` share file: the dataset plus the chosen scenarios with their history (see docs/workspace-format.md). */
const scenarioFile: ExportFormat = async (ws, selector, outPath, opts) => {
  const res = await writeShareFile(ws, [selector, ...(opts?.also ?? [])], outPath, {
    overwrite: opts?.overwrite,
    author: currentAuthor(),
    appVersion: APP_VERSION,
    ...(opts?.sign !== undefined ? { sign: opts.sign } : {}),
    ...(opts?.keysDir ? { keysDir: opts.keysDir } : {}),
  });
  if (!res.ok) return res;
  const r = res.value;
  const signed = r.signedBy ? `signed by ${r.signedBy.name} (key ${r.signedBy.fingerprint})` : 'unsigned';
  return { ok: true, value: { path: r.path, bytes: r.bytes, summary: `${r.scenarios.length} scenario(s), ${r.versions} version(s), ${(r.bytes / 1e6).toFixed(1)} MB, ${signed}` } };
};

/** All registered export formats. */
export const EXPORT_FORMATS: ExportRegistry = {
  'scenario-file': scenarioFile,
  'assignments-csv': assignmentsCsv,
  'salesforce-csv': salesforceCsv,
  geojson: territoriesGeojson,
  kml: territoriesKml,
  'kpis-csv': kpisCsv,
  'kpis-xlsx': kpisXlsx,
};
