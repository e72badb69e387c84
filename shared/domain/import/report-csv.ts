import { csvLine } from '../export/csv';
import type { ImportSummary } from './types';

/**
 * The import's listed problems as CSV, in line order: every issue (rejected, repaired, kept) and every
 * record kept without a unit, with the record's id and name where the import knows them.
 */
export function importProblemsCsv(s: Pick<ImportSummary, 'issues' | 'unplaced'>): string {
  const records = new Map(s.unplaced.map((u) => [u.line, u]));
  const rows: { line: number; cells: (string | number)[] }[] = [];
  const listed = new Set<number>();
  for (const i of s.issues) {
    const r = records.get(i.line);
    if (r && (i.code === 'unplaced' || i.code === 'outside-geography')) listed.add(i.line);
    rows.push({ line: i.line, cells: [i.line, r?.id ?? '', r?.name ?? i.record ?? '', i.action, i.column ?? '', i.reason] });
  }
  for (const u of s.unplaced) if (!listed.has(u.line)) rows.push({ line: u.line, cells: [u.line, u.id, u.name, 'kept', '', u.reason] });
  rows.sort((a, b) => a.line - b.line);
  return csvLine(['line', 'id', 'name', 'action', 'column', 'reason']) + rows.map((r) => csvLine(r.cells)).join('');
}
