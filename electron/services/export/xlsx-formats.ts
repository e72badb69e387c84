import { scenarioKpiTable } from './csv-formats';
import { writeBytesFile } from './file-sink';
import type { ExportFormat } from './formats';
import { xlsxBytes } from './xlsx-writer';

/** Territory KPIs as an .xlsx workbook: the kpis-csv table with typed, formatted cells. */
export const kpisXlsx: ExportFormat = async (ws, selector, outPath, opts) => {
  const k = scenarioKpiTable(ws, selector);
  if (!k.ok) return k;
  const res = writeBytesFile(outPath, opts?.overwrite, await xlsxBytes([k.value.table]));
  if (!res.ok) return res;
  return { ok: true, value: { ...res.value, summary: k.value.summary } };
};
