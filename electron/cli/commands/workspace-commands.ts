import { existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { WorkspaceFileError } from '../../db/connection';
import { createServices } from '../../services/app-services';
import { EXPORT_FORMATS } from '../../services/export/formats';
import { Workspace } from '../../services/workspace';
import { DEMO_GEOGRAPHIES } from '../../services/demo/demo-geography';
import { checkNewWorkspace, createEmptyWorkspace, EMPTY_GEOGRAPHIES, type EmptyGeography } from '../../services/geography/new-workspace';
import type { ShareSignature, WorkspaceInfo } from '../../../shared/contracts/app-api';
import { signatureText } from '../../../shared/domain/scenario/share-signature';
import { validateTesseraFile } from '../../services/scenarios/share-validate';
import { emit, num, pct, positiveInt, table, UserError, type Io } from '../output';

/** Opens a workspace for a command, turning file errors into user errors. */
export function openForCli(path: string, readOnly = false): Workspace {
  try {
    return Workspace.open(path, { readOnly });
  } catch (e) {
    if (e instanceof WorkspaceFileError) throw new UserError(e.message);
    throw e;
  }
}

/** Creates a workspace file with make, closes it, and returns its info and the seconds it took (file errors become user errors). */
function createTimed(make: () => Workspace): { info: WorkspaceInfo; seconds: number } {
  const started = performance.now();
  try {
    const ws = make();
    const info = ws.info();
    ws.close();
    return { info, seconds: (performance.now() - started) / 1000 };
  } catch (e) {
    if (e instanceof WorkspaceFileError) throw new UserError(e.message);
    throw e;
  }
}

/** The share-file status of a workspace that is a share file (validated in full), else null. */
function shareStatus(ws: Workspace): { signature: ShareSignature; integrity: string } | null {
  if (!ws.path || !ws.isShareFile()) return null;
  const v = validateTesseraFile(ws.path);
  if (!v.ok) throw new UserError(v.error.message);
  return { signature: v.value.signature, integrity: v.value.integrity };
}

function integrityText(info: WorkspaceInfo): string {
  const i = info.integrity;
  if (!i || i.digest === 'absent') return 'not verified (no content digest: the file was not closed cleanly, or an older Tessera wrote it)';
  return i.digest === 'verified' ? 'verified: the content matches the digest recorded when it was last saved' : 'the content no longer matches the digest recorded when it was last saved';
}

/** Registers `demo`, `new`, `info`, `recover` and `kpis`. */
export function registerWorkspaceCommands(program: Command, io: Io): void {
  program
    .command('demo')
    .description('write the built-in US demo workspace to a file')
    .requiredOption('-w, --workspace <file>', 'workspace file to create')
    .option('--geography <kind>', `counties, zips, or mixed (counties with the heavy metro counties split into ZIP areas)`, 'mixed')
    .option('--force', 'overwrite an existing file')
    .option('--json', 'machine-readable output')
    .action((o: { workspace: string; geography: string; force?: boolean; json?: boolean }) => {
      const geography = DEMO_GEOGRAPHIES.find((g) => g === o.geography);
      if (!geography) throw new UserError(`Unknown demo geography "${o.geography}"; choose ${DEMO_GEOGRAPHIES.join(', ')}.`);
      const path = resolve(o.workspace);
      if (existsSync(path)) {
        if (!o.force) throw new UserError(`${path} already exists; pass --force to overwrite it or choose another name.`);
        // Validate before deleting so --force never destroys a file that is not a workspace.
        openForCli(path, true).close();
        for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
      }
      const { info, seconds } = createTimed(() => Workspace.create(path, geography));
      emit(io, !!o.json, { ...info, seconds }, () => `Wrote demo workspace ${path} (${info.datasetName}: ${num(info.counts.units)} units, ${num(info.counts.accounts)} accounts, ${num(info.counts.reps)} reps) in ${seconds.toFixed(1)} s`);
    });

  program
    .command('new')
    .description('create an empty workspace of a built-in geography (no accounts, reps or scenarios) to import your own data into')
    .argument('<file>', 'workspace file to create')
    .option('--geography <kind>', `${EMPTY_GEOGRAPHIES.join(' or ')} (approximate ZIP areas, docs/geography.md)`, 'counties')
    .option('--json', 'machine-readable output')
    .action((file: string, o: { geography: string; json?: boolean }) => {
      const bad = checkNewWorkspace(false, o.geography);
      if (bad) throw new UserError(bad);
      const { info, seconds } = createTimed(() => createEmptyWorkspace(resolve(file), o.geography as EmptyGeography));
      emit(io, !!o.json, { ...info, seconds }, () =>
        [
          `Created ${info.path} (${info.datasetName}: ${num(info.counts.units)} units, ${num(info.counts.edges)} adjacencies, no accounts, reps or scenarios) in ${seconds.toFixed(1)} s`,
          `Next: tessera import accounts FILE -w ${file}; tessera import reps FILE -w ${file}; tessera scenario starter -w ${file}`,
        ].join('\n'),
      );
    });

  program
    .command('info')
    .description('print counts, scenarios and versions of a workspace')
    .argument('<file>', 'workspace file')
    .option('--json', 'machine-readable output')
    .action((file: string, o: { json?: boolean }) => {
      const ws = openForCli(file, true);
      try {
        const share = shareStatus(ws);
        const info = ws.info();
        const damage = info.integrity?.damage ?? [];
        emit(io, !!o.json, { ...info, sources: ws.sources(), ...(share ? { signature: share.signature, shareIntegrity: share.integrity } : {}) }, () =>
          [
            `Workspace ${info.path}`,
            ...(share ? [`Share file ${signatureText(share.signature)}`] : []),
            `Integrity ${integrityText(info)}`,
            ...damage.map((d) => `  damaged: ${d}`),
            `Dataset   ${info.datasetName} (schema ${info.schemaVersion})`,
            `Units ${num(info.counts.units)}, adjacencies ${num(info.counts.edges)}, accounts ${num(info.counts.accounts)}, reps ${num(info.counts.reps)}`,
            '',
            table(
              ['id', 'scenario', 'versions', 'head', 'updated', 'parent'],
              info.scenarios.map((s) => [s.id, s.name, s.versionCount, s.headVersion, s.updatedAt, s.parentId ? `${s.parentId} v${s.parentVersion}` : '']),
            ),
          ].join('\n'),
        );
        if (damage.length) {
          throw new UserError(`${info.path} is damaged (${damage.length} part${damage.length === 1 ? '' : 's'} listed above were left out or flagged); save the intact part with \`tessera recover ${file} --out NEW.tessera\`.`);
        }
      } finally {
        ws.close();
      }
    });

  program
    .command('recover')
    .description('write the intact part of a damaged workspace into a new file (damaged scenario versions left out)')
    .argument('<file>', 'damaged workspace')
    .requiredOption('-o, --out <file>', 'new workspace file to write')
    .option('--json', 'machine-readable output')
    .action((file: string, o: { out: string; json?: boolean }) => {
      if (existsSync(o.out)) throw new UserError(`${resolve(o.out)} already exists; choose another name for the recovered workspace.`);
      const ws = openForCli(file, true);
      let copy: Workspace;
      try {
        copy = ws.saveAs(o.out);
      } catch (e) {
        if (e instanceof WorkspaceFileError) throw new UserError(e.message);
        throw e;
      } finally {
        ws.close();
      }
      const damage = ws.report.damage.map((d) => d.message);
      const info = copy.info();
      copy.close();
      emit(io, !!o.json, { path: info.path, scenarios: info.scenarios.length, leftOut: damage }, () =>
        [
          `Wrote ${info.path}: ${info.scenarios.length} scenario(s), ${num(info.counts.units)} units, ${num(info.counts.accounts)} accounts.`,
          ...(damage.length ? ['Left out or copied as found (check these):', ...damage.map((d) => `  ${d}`)] : ['Nothing was damaged.']),
        ].join('\n'),
      );
    });

  program
    .command('kpis')
    .description('print territory KPIs of a scenario')
    .requiredOption('-w, --workspace <file>', 'workspace file')
    .option('-s, --scenario <name>', 'scenario name or id (default: the first)')
    .option('--version <n>', 'scenario version (default: latest)', positiveInt('--version'))
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
