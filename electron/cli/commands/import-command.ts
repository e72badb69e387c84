import { createReadStream, existsSync, statSync } from 'node:fs';
import type { Command } from 'commander';
import type { ImportKind, ImportSummary, ReadOptions } from '../../../shared/domain/import/types';
import { previewFile, readHead, runImport } from '../../services/import/import-service';
import { savePreset } from '../../db/preset-repo';
import { resolveMapping } from '../../services/import/preset-store';
import { emit, num, table, UserError, type Io } from '../output';
import { openForCli } from './workspace-commands';
import { registerGeographyImports } from './import-geography-command';

type DataOptions = {
  workspace: string;
  mapping: string;
  delimiter?: string;
  encoding?: ReadOptions['encoding'];
  headerRow?: number;
  sheet?: string;
  savePreset?: string;
  generateIds?: boolean;
  json?: boolean;
};

const DELIMITERS: Record<string, ReadOptions['delimiter']> = { ',': ',', comma: ',', ';': ';', semicolon: ';', tab: '\t', '\\t': '\t', '|': '|', pipe: '|' };

/** Registers `import accounts|reps|leads FILE` and the geography imports. */
export function registerImportCommand(program: Command, io: Io): void {
  const cmd = program.command('import').description('import CRM records (CSV/TSV/.xlsx) or a geography into a workspace');
  for (const kind of ['accounts', 'reps', 'leads'] as const) {
    cmd
      .command(kind)
      .description(`import ${kind} from a CSV, TSV or .xlsx file; records with a known id are updated`)
      .argument('<file>', 'CSV or TSV file (UTF-8 with or without BOM, UTF-16, Windows-1252) or .xlsx workbook')
      .requiredOption('-w, --workspace <file>', 'workspace file to import into')
      .option('-m, --mapping <spec>', 'auto | salesforce | hubspot | plain | a saved preset | FILE.json', 'auto')
      .option('--delimiter <d>', 'override the detected delimiter: comma, semicolon, tab, pipe')
      .option('--encoding <e>', 'override the detected encoding: utf-8, utf-16le, utf-16be, windows-1252')
      .option('--header-row <n>', 'override the detected header row (0 = first row)', (v) => Number(v))
      .option('--sheet <name|n>', 'workbook sheet to read, by name or number (default: the first)')
      .option('--save-preset <name>', 'save the mapping used as a preset in the workspace')
      .option('--generate-ids', 'the file has no id column: derive each id from name and address (the same on every re-import)')
      .option('--json', 'machine-readable output')
      .action(async (file: string, o: DataOptions) => importData(kind, file, o, io));
  }
  registerGeographyImports(cmd, io);
  cmd.commands.forEach((c) => c.exitOverride().configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) }));
}

async function importData(kind: ImportKind, file: string, o: DataOptions, io: Io): Promise<void> {
  if (!existsSync(file) || !statSync(file).isFile()) throw new UserError(`No file at ${file}.`);
  const delimiter = o.delimiter === undefined ? undefined : DELIMITERS[o.delimiter];
  if (o.delimiter !== undefined && !delimiter) throw new UserError(`Unknown delimiter "${o.delimiter}": use comma, semicolon, tab or pipe.`);
  const ws = openForCli(o.workspace);
  try {
    const { head, truncated } = readHead(file);
    const preview = await previewFile(kind, head, truncated, { delimiter, encoding: o.encoding, headerRow: o.headerRow, sheet: o.sheet });
    if (!preview.ok) throw new UserError(`${file}: ${preview.error.message}`);
    const p = preview.value;
    const mapping = resolveMapping(ws.db, kind, o.mapping, p.columns);
    if (!mapping.ok) throw new UserError(mapping.error.message);
    if (o.generateIds) delete mapping.value.id;
    const total = statSync(file).size;
    let lastReport = Date.now();
    const res = await runImport(ws, { kind, read: p.read, mapping: mapping.value, generateIds: o.generateIds === true }, createReadStream(file, { highWaterMark: 1 << 20 }), {
      onProgress: (pr) => {
        if (o.json || Date.now() - lastReport < 2000) return;
        lastReport = Date.now();
        io.err(`  ${Math.round((pr.bytes / Math.max(total, 1)) * 100)}%  ${num(pr.rows)} rows`);
      },
    });
    if (!res.ok) {
      const hint = res.error.code === 'bad-mapping' && !o.generateIds && !mapping.value.id ? ' With no id column, pass --generate-ids.' : '';
      throw new UserError(`${file}: ${res.error.message}${hint}`);
    }
    if (o.savePreset) savePreset(ws.db, o.savePreset, kind, mapping.value);
    const s = res.value;
    emit(io, !!o.json, { file, read: p.read, detectedPreset: p.detectedPreset, mapping: mapping.value, summary: s }, () => describeSummary(file, p.read, p.detectedPreset, s, p.headerLine));
  } finally {
    ws.close();
  }
}

const DELIMITER_NAMES: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' };

/** The human report of an import: what was read, counts, placements, and the first issues. */
export function describeSummary(file: string, read: ReadOptions, preset: string, s: ImportSummary, headerLine?: number): string {
  const how = read.sheet !== undefined ? `sheet "${read.sheet}", header on sheet row ${headerLine ?? read.headerRow + 1}` : `${read.encoding}, ${DELIMITER_NAMES[read.delimiter]}, header on row ${read.headerRow + 1}`;
  const lines = [
    `Imported ${s.kind} from ${file} (${how}, ${preset} headers) in ${s.seconds.toFixed(1)} s`,
    `Rows ${num(s.rows)}: imported ${num(s.imported)} (added ${num(s.added)}, updated ${num(s.updated)}, unchanged ${num(s.unchanged)}), rejected ${num(s.rejected)}, repaired ${num(s.repaired)}`,
  ];
  if (s.kind !== 'reps') lines.push(`Placed: ${Object.entries(s.placement).map(([k, v]) => `${k} ${num(v)}`).join(', ')}`);
  const changes = Object.entries(s.fieldChanges);
  if (changes.length) lines.push(`Changed fields: ${changes.map(([k, v]) => `${k} ${num(v)}`).join(', ')}`);
  if (s.unplaced.length) lines.push(`Not placed in a unit (kept): ${num(s.unplaced.length)}${s.unplaced.length >= 1000 ? '+' : ''}`);
  if (s.issues.length) {
    lines.push('', table(['line', 'record', 'column', 'action', 'reason'], s.issues.slice(0, 30).map((i) => [i.line, i.record ?? '', i.column ?? '', i.action, i.reason])));
    const more = s.issues.length - 30 + s.issuesOmitted;
    if (more > 0) lines.push(`… and ${num(more)} more issues (use --json for the full list)`);
  }
  return lines.join('\n');
}
