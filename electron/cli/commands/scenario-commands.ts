import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { AppApi, CompareResult, ScenarioSelector } from '../../../shared/contracts/app-api';
import type { Result } from '../../../shared/contracts/result';
import { formatKpiValue, movedCsv } from '../../../shared/domain/scenario/kpi-table';
import { createServices, type Services } from '../../services/app-services';
import { EXPORT_FORMATS } from '../../services/export/formats';
import { WorkspaceFileError } from '../../db/connection';
import { emit, num, positiveInt, positiveNumber, table, UserError, type Io } from '../output';
import { applyCommand, planMerge, planSplitHeavy, type ScenarioCommand } from '../../../shared/domain/scenario/commands';
import type { UnitId } from '../../../shared/domain/ids';
import { openForCli } from './workspace-commands';

type WsOpt = { workspace: string; json?: boolean };

/** Runs fn over the services of a workspace (read-only unless writing), closing them afterwards. */
async function withApi<T>(path: string, readOnly: boolean, keysDir: string | undefined, fn: (api: AppApi, s: Services) => Promise<T>): Promise<T> {
  let services: Services;
  try {
    services = createServices({ mode: 'direct', workspace: path, openOptions: { readOnly }, ...(keysDir ? { keysDir } : {}) });
  } catch (e) {
    if (e instanceof WorkspaceFileError) throw new UserError(e.message);
    throw e;
  }
  try {
    return await fn(services.api, services);
  } finally {
    services.close();
  }
}

/** The value of a Result, or a UserError with its message. */
function must<T>(r: Result<T>): T {
  if (!r.ok) throw new UserError(r.error.message);
  return r.value;
}

/** A scenario name or numeric id as typed on the command line. */
export function selectorOf(key: string, version?: number): ScenarioSelector {
  return { scenario: /^\d+$/.test(key) ? Number(key) : key, ...(version ? { version } : {}) };
}

async function idOf(api: AppApi, key: string): Promise<number> {
  return must(await api['scenario.get'](selectorOf(key))).scenarioId;
}

/** Human text of a comparison: KPI table with deltas, then moved counts and reps. */
export function compareText(c: CompareResult): string {
  const names = c.scenarios.map((s, i) => (i === c.baselineIndex ? `${s.name} (baseline)` : s.name));
  const rows = c.rows.map((r) => [
    r.label,
    ...r.values.flatMap((v, i) => (i === c.baselineIndex ? [formatKpiValue(v, r.format, c.distanceUnit, c.metric)] : [formatKpiValue(v, r.format, c.distanceUnit, c.metric), `${r.deltas[i]! >= 0 ? '+' : ''}${formatKpiValue(r.deltas[i]!, r.format, c.distanceUnit, c.metric)}`])),
  ]);
  const headers = ['KPI', ...names.flatMap((n, i) => (i === c.baselineIndex ? [n] : [n, 'delta']))];
  const moved = c.scenarios.flatMap((s, i) =>
    i === c.baselineIndex ? [] : [`${s.name}: ${num(s.diff.units.length)} units and ${num(s.diff.accounts.length)} accounts moved; ${s.reps.length} reps gain or lose accounts`],
  );
  return [table(headers, rows), '', ...moved].join('\n');
}

/** Registers `scenario list|copy|rename|delete|history`, `compare`, `export` and `import-scenarios`. */
export function registerScenarioCommands(program: Command, io: Io): void {
  const scenario = program.command('scenario').description('list, copy, rename and delete scenarios');
  scenario
    .command('list')
    .description('list scenarios with their versions')
    .requiredOption('-w, --workspace <file>', 'workspace file')
    .option('--all', 'include archived scenarios')
    .option('--json', 'machine-readable output')
    .action((o: WsOpt & { all?: boolean }) =>
      withApi(o.workspace, true, undefined, async (api) => {
        const list = (await api['scenario.list']({})).filter((s) => o.all || !s.archived);
        emit(io, !!o.json, list, () =>
          table(['id', 'scenario', 'versions', 'author', 'updated', 'parent', 'archived'], list.map((s) => [s.id, s.name, s.versionCount, s.author, s.updatedAt, s.parentId ? `${s.parentId} v${s.parentVersion}` : '', s.archived ? 'yes' : ''])),
        );
      }),
    );
  scenario
    .command('copy')
    .description('create a scenario from another one (a branch from its latest or a given version)')
    .argument('<source>', 'scenario name or id')
    .argument('<name>', 'name of the new scenario')
    .requiredOption('-w, --workspace <file>', 'workspace file')
    .option('--version <n>', 'branch from this version (default: latest)', positiveInt('--version'))
    .option('-d, --description <text>', 'description')
    .option('--json', 'machine-readable output')
    .action((source: string, name: string, o: WsOpt & { version?: number; description?: string }) =>
      withApi(o.workspace, false, undefined, async (api) => {
        const s = must(await api['scenario.create']({ name, ...(o.description ? { description: o.description } : {}), from: selectorOf(source, o.version) }));
        emit(io, !!o.json, s, () => `Created scenario ${s.id} "${s.name}" from ${source}${o.version ? ` v${o.version}` : ''}`);
      }),
    );
  scenario
    .command('starter')
    .description('create a first scenario: K territories of whole states (about equal measure), or one territory per rep')
    .requiredOption('-w, --workspace <file>', 'workspace file')
    .option('-n, --name <name>', 'scenario name', 'Starting plan')
    .option('-k, --territories <k>', 'number of territories made of whole states (default: up to 10)', positiveInt('--territories'))
    .option('--measure <key>', 'measure to even out (default: the first unit measure)')
    .option('--per-rep', 'one territory per rep instead, units to the nearest rep home')
    .option('--json', 'machine-readable output')
    .action((o: WsOpt & { name: string; territories?: number; measure?: string; perRep?: boolean }) =>
      withApi(o.workspace, false, undefined, async (api) => {
        const s = must(
          await api['scenario.createStarter']({
            name: o.name,
            method: o.perRep ? 'per-rep' : 'state-groups',
            ...(o.territories ? { k: o.territories } : {}),
            ...(o.measure ? { measure: o.measure } : {}),
          }),
        );
        emit(io, !!o.json, s, () => `Created scenario ${s.id} "${s.name}": ${s.description}`);
      }),
    );
  scenario
    .command('rename')
    .description('rename a scenario')
    .argument('<scenario>', 'scenario name or id')
    .argument('<name>', 'new name')
    .requiredOption('-w, --workspace <file>', 'workspace file')
    .option('--json', 'machine-readable output')
    .action((key: string, name: string, o: WsOpt) =>
      withApi(o.workspace, false, undefined, async (api) => {
        const s = must(await api['scenario.update']({ scenarioId: await idOf(api, key), name }));
        emit(io, !!o.json, s, () => `Renamed scenario ${s.id} to "${s.name}"`);
      }),
    );
  scenario
    .command('delete')
    .description('delete a scenario and all its versions (asks for --yes)')
    .argument('<scenario>', 'scenario name or id')
    .requiredOption('-w, --workspace <file>', 'workspace file')
    .option('--yes', 'confirm the deletion')
    .option('--json', 'machine-readable output')
    .action((key: string, o: WsOpt & { yes?: boolean }) =>
      withApi(o.workspace, false, undefined, async (api) => {
        const v = must(await api['scenario.get'](selectorOf(key)));
        if (!o.yes) throw new UserError(`Deleting "${v.scenarioName}" removes all its ${v.version} versions; run again with --yes to confirm.`);
        const r = must(await api['scenario.delete']({ scenarioId: v.scenarioId, confirmName: v.scenarioName }));
        emit(io, !!o.json, { scenarioId: v.scenarioId, name: v.scenarioName, ...r }, () => `Deleted scenario "${v.scenarioName}" (${r.deleted} versions)`);
      }),
    );
  scenario
    .command('history')
    .description('list the versions of a scenario, newest first')
    .argument('<scenario>', 'scenario name or id')
    .requiredOption('-w, --workspace <file>', 'workspace file')
    .option('--json', 'machine-readable output')
    .action((key: string, o: WsOpt) =>
      withApi(o.workspace, true, undefined, async (api) => {
        const h = must(await api['scenario.history']({ scenario: selectorOf(key).scenario }));
        emit(io, !!o.json, h, () => table(['version', 'created', 'author', 'note'], h.map((v) => [v.version, v.createdAt, v.author, v.note])));
      }),
    );
  scenario
    .command('split')
    .description('split counties into their ZIP areas in a new version of a scenario (the ZIP areas keep the county\'s territory)')
    .argument('<scenario>', 'scenario name or id')
    .argument('[units...]', 'county FIPS codes to split, e.g. 06037 17031')
    .requiredOption('-w, --workspace <file>', 'workspace file')
    .option('--heavy <share>', 'instead: split every county holding more than this share of one territory\'s target (e.g. 0.5)', positiveNumber('--heavy'))
    .option('--measure <key>', 'measure --heavy compares (default: potential, else the first measure)')
    .option('-k, --territories <k>', 'territory count whose target --heavy takes a share of (default: the scenario\'s territories)', positiveInt('--territories'))
    .option('--json', 'machine-readable output')
    .action((key: string, units: string[], o: WsOpt & { heavy?: number; measure?: string; territories?: number }) =>
      withApi(o.workspace, false, undefined, async (api) => {
        const v = must(await api['scenario.get'](selectorOf(key)));
        if ((o.heavy === undefined) === (units.length === 0)) throw new UserError('Name the counties to split (FIPS codes), or give --heavy SHARE to split the heavy ones; not both.');
        let plan: { command: ScenarioCommand; units: UnitId[] };
        if (o.heavy !== undefined) {
          const view = await api['dataset.units']({ split: v.payload.splitUnits ?? [] });
          const measure = o.measure ?? (view.measures.potential ? 'potential' : view.measureDefs[0]?.key);
          const values = measure ? view.measures[measure] : undefined;
          if (!measure || !values) throw new UserError(`No measure "${o.measure}"; the workspace has ${view.measureDefs.map((m) => m.key).join(', ') || 'none'}.`);
          const children = await api['dataset.splitChildren']({ units: view.ids });
          const heavy = planSplitHeavy(v.payload, { ids: view.ids, values }, o.heavy, (u) => children[u]?.children ?? [], o.territories);
          if (!heavy) throw new UserError(`No county that can still be split holds more than ${(o.heavy * 100).toFixed(0)} % of a territory's target of ${measure}; nothing to do.`);
          plan = heavy;
        } else {
          const children = await api['dataset.splitChildren']({ units: units as UnitId[] });
          const bad = units.filter((u) => !children[u]);
          if (bad.length) throw new UserError(`Cannot split ${bad.join(', ')}: only US counties of this workspace (by 5-digit FIPS code) split, into their built-in ZIP areas.`);
          const done = units.filter((u) => v.payload.splitUnits?.includes(u as UnitId));
          if (done.length) throw new UserError(`Already split in "${v.scenarioName}" v${v.version}: ${done.join(', ')}.`);
          plan = { command: { kind: 'batch', commands: units.map((u) => ({ kind: 'split', unit: u as UnitId, children: children[u]!.children })) }, units: units as UnitId[] };
        }
        const payload = applyCommand(v.payload, plan.command).payload;
        const note = `Split ${plan.units.length} ${plan.units.length === 1 ? 'county' : 'counties'} into ZIP areas: ${plan.units.join(', ')}`;
        const ref = must(await api['scenario.saveVersion']({ scenarioId: v.scenarioId, baseVersion: v.version, payload, note }));
        emit(io, !!o.json, { ...ref, split: plan.units }, () => `Saved "${v.scenarioName}" v${ref.version}: ${note}`);
      }),
    );
  scenario
    .command('merge')
    .description('merge split counties back in a new version of a scenario (each takes the territory holding most of its ZIP areas\' potential)')
    .argument('<scenario>', 'scenario name or id')
    .argument('<units...>', 'county FIPS codes to merge back')
    .requiredOption('-w, --workspace <file>', 'workspace file')
    .option('--json', 'machine-readable output')
    .action((key: string, units: string[], o: WsOpt) =>
      withApi(o.workspace, false, undefined, async (api) => {
        const v = must(await api['scenario.get'](selectorOf(key)));
        const notSplit = units.filter((u) => !v.payload.splitUnits?.includes(u as UnitId));
        if (notSplit.length) throw new UserError(`Not split in "${v.scenarioName}" v${v.version}: ${notSplit.join(', ')}${v.payload.splitUnits?.length ? ` (split: ${v.payload.splitUnits.join(', ')})` : ' (it splits no county)'}.`);
        const view = await api['dataset.units']({ split: v.payload.splitUnits ?? [] });
        const index = new Map(view.ids.map((id, i) => [id as string, i]));
        const weight = view.measures.potential ?? view.measures[view.measureDefs[0]?.key ?? ''];
        const children = await api['dataset.splitChildren']({ units: units as UnitId[] });
        let payload = v.payload;
        for (const u of units) payload = applyCommand(payload, planMerge(payload, u as UnitId, children[u]?.children ?? [], weight ? (c) => weight[index.get(c) ?? -1] ?? 0 : undefined)).payload;
        const note = `Merged ${units.length} ${units.length === 1 ? 'county' : 'counties'} back from ZIP areas: ${units.join(', ')}`;
        const ref = must(await api['scenario.saveVersion']({ scenarioId: v.scenarioId, baseVersion: v.version, payload, note }));
        emit(io, !!o.json, { ...ref, merged: units }, () => `Saved "${v.scenarioName}" v${ref.version}: ${note}`);
      }),
    );
  scenario.commands.forEach((c) => c.exitOverride().configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) }));

  program
    .command('compare')
    .description('compare scenarios side by side: KPI deltas vs the first (or --baseline) and moved units/accounts')
    .argument('<scenarios...>', 'two or more scenario names or ids (NAME@VERSION for a given version)')
    .requiredOption('-w, --workspace <file>', 'workspace file')
    .option('--baseline <scenario>', 'which of the compared scenarios is the baseline (default: the first)')
    .option('--band <fraction>', 'target band around the mean potential', (v) => Number(v), 0.05)
    .option('--moved-csv <file>', 'write the moved units and accounts (from -> to) as CSV')
    .option('--json', 'machine-readable output')
    .action((keys: string[], o: WsOpt & { baseline?: string; band: number; movedCsv?: string }) =>
      withApi(o.workspace, true, undefined, async (api) => {
        if (keys.length < 2) throw new UserError('Name at least two scenarios to compare.');
        const selectors = keys.map((k) => {
          const m = /^(.*)@(\d+)$/.exec(k);
          return m ? selectorOf(m[1]!, Number(m[2])) : selectorOf(k);
        });
        const baseline = o.baseline === undefined ? 0 : keys.indexOf(o.baseline);
        if (baseline < 0) throw new UserError(`--baseline ${o.baseline} is not one of the compared scenarios (${keys.join(', ')}).`);
        const c = must(await api['compare.scenarios']({ scenarios: selectors, baseline, band: o.band }));
        if (o.movedCsv) writeFileSync(o.movedCsv, movedCsv(c, c.labels));
        emit(io, !!o.json, c, () => compareText(c));
      }),
    );

  program
    .command('export')
    .description(`export a scenario; formats: ${Object.keys(EXPORT_FORMATS).join(', ')}`)
    .requiredOption('-w, --workspace <file>', 'workspace file')
    .requiredOption('-s, --scenario <name...>', 'scenario name or id (repeat for formats that hold several)')
    .requiredOption('-f, --format <format>', 'output format')
    .requiredOption('-o, --out <file>', 'output file')
    .option('--version <n>', 'scenario version (default: latest; applies to the first --scenario)', positiveInt('--version'))
    .option('--force', 'overwrite an existing output file')
    .option('--sign <key>', 'scenario-file: sign with this key (default: your default key, if you have one)')
    .option('--no-sign', 'scenario-file: do not sign')
    .option('--keys-dir <dir>', 'keys folder (default: $TESSERA_KEYS_DIR, else $XDG_CONFIG_HOME/tessera/keys)')
    .option('--json', 'machine-readable output')
    .action(async (o: WsOpt & { scenario: string[]; format: string; out: string; force?: boolean; version?: number; sign?: string | boolean; keysDir?: string }) => {
      const format = EXPORT_FORMATS[o.format];
      if (!format) throw new UserError(`Unknown export format "${o.format}"; choose one of: ${Object.keys(EXPORT_FORMATS).join(', ')}.`);
      const ws = openForCli(o.workspace, true);
      try {
        const [first, ...more] = o.scenario.map((k, i) => selectorOf(k, i === 0 ? o.version : undefined));
        const sign = o.sign === false ? false : typeof o.sign === 'string' ? o.sign : undefined;
        const r = must(await format(ws, first!, o.out, { also: more, overwrite: o.force, ...(sign !== undefined ? { sign } : {}), ...(o.keysDir ? { keysDir: o.keysDir } : {}) }));
        emit(io, !!o.json, r, () => `Wrote ${r.path}: ${r.summary}`);
      } finally {
        ws.close();
      }
    });

  program
    .command('import-scenarios')
    .description('import the scenarios of a .tessera share file (validated; refused on a dataset mismatch)')
    .argument('<file>', 'share file (or another workspace)')
    .requiredOption('-w, --workspace <file>', 'workspace to import into')
    .option('-s, --scenario <name...>', 'only these scenarios (default: all)')
    .option('--keys-dir <dir>', 'keys folder with the public keys you trust')
    .option('--json', 'machine-readable output')
    .action((file: string, o: WsOpt & { scenario?: string[]; keysDir?: string }) =>
      withApi(o.workspace, false, o.keysDir, async (api) => {
        const r = must(await api['share.import']({ path: file, ...(o.scenario ? { scenarios: o.scenario } : {}) }));
        emit(io, !!o.json, r, () => r.imported.map((s) => `Imported "${s.from}" as "${s.as}" (id ${s.id}, ${s.versions} versions)`).join('\n'));
      }),
    );
}
