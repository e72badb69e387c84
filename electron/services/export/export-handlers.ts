import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { ExportApi, ExportFormatInfo } from '../../../shared/contracts/api/export-api';
import { err, ok } from '../../../shared/contracts/result';
import type { ServiceContext } from '../context';
import { checkpoint } from '../long-call';
import { MAX_EXPORT_CELLS } from '../../../shared/domain/export/table';
import { EXPORT_FORMATS } from './formats';
import { XLSX_MIME, xlsxBytes } from './xlsx-writer';

// Labels, file extensions and types for the menu; a registered format without an entry still works.
const INFO: Record<string, Omit<ExportFormatInfo, 'name'>> = {
  'assignments-csv': { label: 'Assignments (CSV)', extension: 'csv', mimeType: 'text/csv' },
  'salesforce-csv': { label: 'Salesforce Data Loader (CSV)', extension: 'csv', mimeType: 'text/csv' },
  geojson: { label: 'Territories (GeoJSON)', extension: 'geojson', mimeType: 'application/geo+json' },
  kml: { label: 'Territories (KML)', extension: 'kml', mimeType: 'application/vnd.google-earth.kml+xml' },
  'kpis-csv': { label: 'Territory KPIs (CSV)', extension: 'csv', mimeType: 'text/csv' },
  'kpis-xlsx': { label: 'Territory KPIs (Excel .xlsx)', extension: 'xlsx', mimeType: XLSX_MIME },
  'scenario-file': { label: 'Scenario file (.tessera)', extension: 'tessera', mimeType: 'application/octet-stream' },
};
// Binary formats a browser cannot take as text: the scenario file needs a path; workbooks come back as base64.
const BINARY = new Set(['scenario-file', 'kpis-xlsx']);

const infoOf = (name: string): ExportFormatInfo => ({ name, ...(INFO[name] ?? { label: name, extension: 'dat', mimeType: 'application/octet-stream' }) });

/** Handlers of export.*: with a path the file is written there (desktop, CLI); without, the content comes back for a download. */
export function exportHandlers(ctx: ServiceContext): ExportApi {
  return {
    'export.formats': async () => Object.keys(EXPORT_FORMATS).map(infoOf),
    'export.run': async ({ format, path, overwrite, ...selector }) => {
      const write = EXPORT_FORMATS[format];
      if (!write) return err('unknown-format', `Unknown export format "${format}"; choose one of: ${Object.keys(EXPORT_FORMATS).join(', ')}.`);
      const info = infoOf(format);
      const ws = ctx.ws();
      // Step boundaries where a tracked call reports progress and stops when cancelled (nothing written yet at the first).
      await checkpoint(`Writing ${info.label}`, 0, 2);
      if (path) {
        const r = await write(ws, selector, path, { overwrite });
        return r.ok ? ok({ fileName: basename(r.value.path), mimeType: info.mimeType, bytes: r.value.bytes, summary: r.value.summary, path: r.value.path, content: null, encoding: null }) : r;
      }
      const dir = mkdtempSync(join(tmpdir(), 'tessera-export-'));
      try {
        const fileName = `${format}.${info.extension}`;
        const r = await write(ws, selector, join(dir, fileName), { overwrite: true });
        if (!r.ok) return r;
        await checkpoint('Preparing the download', 1, 2);
        const binary = BINARY.has(format);
        const content = readFileSync(r.value.path, binary ? 'base64' : 'utf8');
        return ok({ fileName, mimeType: info.mimeType, bytes: r.value.bytes, summary: r.value.summary, path: null, content, encoding: binary ? 'base64' : 'utf8' });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    'export.xlsx': async ({ fileName, tables }) => {
      const cells = tables.reduce((n, t) => n + t.rows.length * t.columns.length, 0);
      if (cells > MAX_EXPORT_CELLS) return err('too-large', `${cells.toLocaleString('en-US')} cells are more than an .xlsx export takes (${MAX_EXPORT_CELLS.toLocaleString('en-US')}); filter the grid or export it as CSV.`);
      const bytes = await xlsxBytes(tables);
      const name = /\.xlsx$/i.test(fileName) ? fileName : `${fileName}.xlsx`;
      const rows = tables.reduce((n, t) => n + t.rows.length, 0);
      return ok({ fileName: name, mimeType: XLSX_MIME, bytes: bytes.length, summary: `${rows.toLocaleString('en-US')} rows in ${tables.length} sheet(s)`, path: null, content: bytes.toString('base64'), encoding: 'base64' });
    },
  };
}
