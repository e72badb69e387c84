import { existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { WorkspaceFileError } from '../../db/connection';
import { createServices } from '../../services/app-services';
import { EXPORT_FORMATS } from '../../services/export/formats';
import { Workspace } from '../../services/workspace';
import { emit, num, pct, table, UserError, type Io } from '../output';

/** Opens a workspace for a command, turning file errors into user errors. */
export function openForCli(path: string, readOnly = false): Workspace {
  try {
    return Workspace.open(path, { readOnly });
  } catch (e) {
    if (e instanceof WorkspaceFileError) throw new UserError(e.message);
    throw e;
  }
}

/** Registers `demo`, `info` and `kpis`. */
export function registerWorkspaceCommands(program: Command, io: Io): void {
  program
    .command('demo')
    .description('write the built-in US demo workspace to a file')
    .requiredOption('-w, --workspace <file>', 'workspace file to create')
    .option('--force', 'overwrite an existing file')
    .option('--json', 'machine-readable output')
    .action((o: { workspace: string; force?: boolean; json?: boolean }) => {
      const path = resolve(o.workspace);
      if (existsSync(path)) {
        if (!o.force) throw new UserError(`${path} already exists; pass --force to overwrite it or choose another name.`);
        // Validate before deleting so --force never destroys a file that is not a workspace.
        openForCli(path, true).close();
        for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
      }
      const started = performance.now();
      let ws: Workspace;
      try {
        ws = Workspace.create(path, true);
      } catch (e) {
        if (e instanceof WorkspaceFileError) throw new UserError(e.message);
        throw e;
      }
      const info = ws.info();
      ws.close();
      const seconds = (performance.now() - started) / 1000;
      emit(io, !!o.json, { ...info, seconds }, () => `Wrote demo workspace ${path} (${num(info.counts.units)} units, ${num(info.counts.accounts)} accounts, ${num(info.counts.reps)} reps) in ${seconds.toFixed(1)} s`);
    });

  program
    .command('info')
    .description('print counts, scenarios and versions of a workspace')
    .argument('<file>', 'workspace file')
    .option('--json', 'machine-readable output')
    .action((file: string, o: { json?: boolean }) => {
      const ws = openForCli(file, true);
      try {
        const info = ws.info();
        emit(io, !!o.json, { ...info, sources: ws.sources() }, () =>
          [
            `Workspace ${info.path}`,
            `Dataset   ${info.datasetName} (schema ${info.schemaVersion})`,
            `Units ${num(info.counts.units)}, adjacencies ${num(info.counts.edges)}, accounts ${num(info.counts.accounts)}, reps ${num(info.counts.reps)}`,
            '',
            table(
              ['id', 'scenario', 'versions', 'head', 'updated', 'parent'],
              info.scenarios.map((s) => [s.id, s.name, s.versionCount, s.headVersion, s.updatedAt, s.parentId ? `${s.parentId} v${s.parentVersion}` : '']),
            ),
          ].join('\n'),
        );
      } finally {
        ws.close();
      }
    });

  program
    .command('kpis')
    .description('print territory KPIs of a scenario')
    .requiredOption('-w, --workspace <file>', 'workspace file')
    .option('-s, --scenario <name>', 'scenario name or id (default: the first)')
    .option('--version <n>', 'scenario version (default: latest)', (v) => Number(v))
    .option('--format <f>', 'text (default), csv or xlsx (an Excel workbook with typed cells; needs --out)', 'text')
    .option('-o, --out <file>', 'file to write the csv or xlsx table to')
    .option('--force', 'overwrite an existing output file')
    .option('--json', 'machine-readable output')
    .action(async (o: { workspace: string; scenario?: string; version?: number; format: string; out?: string; force?: boolean; json?: boolean }) => {
      if (!['text', 'csv', 'xlsx'].includes(o.format)) throw new UserError(`Unknown KPI format "${o.format}": use text, csv or xlsx.`);
      if (o.format !== 'text' && !o.out) throw new UserError(`--format ${o.format} writes a file: give it with --out FILE.`);
      openForCli(o.workspace, true).close();
      const services = createServices({ mode: 'direct', workspace: o.workspace, openOptions: { readOnly: true } });
      try {
        const first = (await services.api['scenario.list']({}))[0];
        const key = o.scenario ?? first?.name;
        if (!key) throw new UserError(`${o.workspace} has no scenarios.`);
        const scenario = /^\d+$/.test(key) ? Number(key) : key;
        if (o.format !== 'text') {
          const written = await EXPORT_FORMATS[`kpis-${o.format}`]!(services.workspace(), { scenario, ...(o.version ? { version: o.version } : {}) }, o.out!, { overwrite: o.force });
          if (!written.ok) throw new UserError(written.error.message);
          const w = written.value;
          emit(io, !!o.json, w, () => `Wrote ${w.path}: ${w.summary}`);
          return;
        }
        const res = await services.api['kpi.territories']({ scenario, ...(o.version ? { version: o.version } : {}) });
        if (!res.ok) throw new UserError(res.error.message);
        const t = res.value;
        emit(io, !!o.json, t, () =>
          [
            table(
              ['territory', 'region', 'rep', 'units', 'accounts', 'potential', 'revenue', 'workload h', 'dev %'],
              t.rows.map((r) => [r.name, r.region, r.repName ?? '', r.units, r.accounts, num(r.potential), num(r.revenue), num(r.workload), pct(r.potentialDeviation)]),
            ),
            '',
            `Potential: worst deviation ${pct(t.potentialBalance.worstDeviation)}, max/min ${t.potentialBalance.maxMinRatio.toFixed(2)}, CV ${t.potentialBalance.cv.toFixed(3)}, Gini ${t.potentialBalance.gini.toFixed(3)}; unassigned accounts ${t.unassignedAccounts}`,
          ].join('\n'),
        );
      } finally {
        services.close();
      }
    });
}
