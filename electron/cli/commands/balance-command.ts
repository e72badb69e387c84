import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { readTextInput } from '../read-text';
import type { BalanceSettings } from '../../../shared/domain/balance';
import { createServices } from '../../services/app-services';
import { balanceFiles } from '../../services/balance/run-files';
import { balanceWorkspace } from '../../services/balance/run-workspace';
import { emit, UserError, type Io } from '../output';
import { formatChanges, formatReport, summarize, territoryRows } from './balance-output';
import { openForCli } from './workspace-commands';

type BalanceOpts = {
  workspace?: string; scenario?: string; from?: string; units?: string; edges?: string; out?: string;
  territories?: number; measures?: string; tolerance?: number; weight: string; min?: number; max?: number; contiguous?: boolean;
  objective: string; maxDisruption?: number; disruptionBasis: string; disruptionPenalty?: number; mode: string;
  alignment?: string; locks: boolean; seed?: number; timeLimit?: number; perturbations?: string; bound: boolean; json?: boolean;
};

const number = (name: string) => (v: string): number => {
  const n = Number(v);
  if (v.trim() === '' || Number.isNaN(n)) throw new UserError(`${name} expects a number, got "${v}"`);
  return n;
};

/** Registers `tessera balance` (on a workspace scenario or on plain units/edges CSV files). */
export function registerBalanceCommand(program: Command, io: Io): void {
  program
    .command('balance')
    .description('balance territories on a workspace scenario (--workspace) or on plain CSV files (--units)')
    .option('-w, --workspace <file>', 'workspace file')
    .option('-s, --scenario <name>', 'scenario to write (created from --from when missing, else a new version)')
    .option('--from <name>', 'scenario to start from (default: --scenario itself, else the first scenario)')
    .option('--units <csv>', 'units file: id, x,y or lon,lat, measure columns, optional center, territory, locked')
    .option('--edges <csv>', 'adjacency file: from,to[,distance]')
    .option('--out <csv>', 'assignment file to write (id,territory,is_center)')
    .option('-k, --territories <n>', 'number of territories', number('--territories'))
    .option('--measures <list>', 'measures to balance, comma separated (default: potential / the first numeric column)')
    .option('--tolerance <f>', 'band half-width as a fraction of the mean (default 0.05; on --units runs none when --min/--max are given)', number('--tolerance'))
    .option('--min <x>', 'minimum of the first measure per territory', number('--min'))
    .option('--max <y>', 'maximum of the first measure per territory (with --min/--max alone: a capacity)', number('--max'))
    .option('--contiguous', 'require contiguous territories')
    .option('--objective <kind>', 'compactness: sum (p-median), max (p-center) or diameter (largest distance between two units of a territory)', 'sum')
    .option('--weight <w>', 'compactness weights of the sum objective: measure (the first balanced measure) or uniform (1 per unit)', 'measure')
    .option('--max-disruption <share>', 'cap on the share that may change territory (0..1)', number('--max-disruption'))
    .option('--disruption-basis <b>', 'what the cap counts: units or a measure', 'units')
    .option('--disruption-penalty <w>', 'objective weight of disruption', number('--disruption-penalty'))
    .option('--mode <mode>', 'workspace: rebalance (start from the alignment) or design (from scratch)', 'rebalance')
    .option('--alignment <key>', 'workspace: alignment to balance (default: the default alignment)')
    .option('--no-locks', 'workspace: ignore locked units and territories')
    .option('--seed <n>', 'random seed (with --perturbations N, runs are deterministic per seed)', number('--seed'))
    .option('--time-limit <s>', 'time budget of the search in seconds (default 5; on a workspace 5 up to 5,000 units, 1 more per 1,000 units, at most 60)', number('--time-limit'))
    .option('--perturbations <n>', 'iterated local search after the construction: "until-time-limit" (default) searches the whole --time-limit unless the plan is proven optimal; a number of steps makes the run deterministic for a seed (0: stop at the first plan no move improves)')
    .option('--no-bound', 'skip the LP lower bound')
    .option('--json', 'machine-readable output')
    .action(async (o: BalanceOpts) => {
      const objective = o.objective;
      if (objective !== 'sum' && objective !== 'max' && objective !== 'diameter') throw new UserError(`--objective must be sum, max or diameter, got "${o.objective}"`);
      const weight = o.weight;
      if (weight !== 'measure' && weight !== 'uniform') throw new UserError(`--weight must be measure or uniform, got "${o.weight}"`);
      if (!!o.workspace === !!o.units) throw new UserError('Give either --workspace (with --scenario) or --units (with --out).');
      const measures = o.measures?.split(',').map((m) => m.trim()).filter(Boolean);
      const timeLimitMs = o.timeLimit !== undefined ? o.timeLimit * 1000 : undefined;
      // Anytime by default: the search uses the whole time limit unless it proves its plan optimal (LP bound reached).
      const perturbations = o.perturbations === undefined || o.perturbations === 'until-time-limit' ? 'until-time-limit' : Number(o.perturbations);
      if (typeof perturbations === 'number' && !(Number.isInteger(perturbations) && perturbations >= 0)) throw new UserError(`--perturbations must be a whole number >= 0 or until-time-limit, got "${o.perturbations}"`);
      if (o.units) {
        if (!o.out) throw new UserError('--units needs --out <assignment.csv>');
        if (o.territories === undefined) throw new UserError('--territories <n> is required');
        const res = await balanceFiles({
          unitsText: readTextInput(o.units, 'units file'), unitsFile: o.units,
          ...(o.edges ? { edgesText: readTextInput(o.edges, 'edges file'), edgesFile: o.edges } : {}),
          k: o.territories, measures, tolerance: o.tolerance ?? (o.min === undefined && o.max === undefined ? 0.05 : undefined),
          min: o.min, max: o.max, contiguous: o.contiguous, objective, weight, perturbations, maxDisruption: o.maxDisruption, seed: o.seed, timeLimitMs, bound: o.bound,
        });
        if (!res.ok) throw new UserError(res.error.message);
        const { input, result, labels, csv, lowerBound } = res.value;
        writeFileSync(resolve(o.out), csv);
        const names = input.measures.map((m) => m.name);
        const summary = summarize(result.report, input.x.length, lowerBound);
        io.out(JSON.stringify({ out: resolve(o.out), measures: names, ...summary, territories: territoryRows(result.report, labels, names, input.ids) }, null, 2));
        return;
      }
      if (!o.scenario) throw new UserError('--workspace needs --scenario <name> (the scenario to write)');
      if (o.mode !== 'rebalance' && o.mode !== 'design') throw new UserError(`--mode must be rebalance or design, got "${o.mode}"`);
      openForCli(o.workspace!).close();
      const services = createServices({ mode: 'direct', workspace: o.workspace! });
      try {
        const settings: BalanceSettings = {
          mode: o.mode, measures: measures ?? ['potential'], tolerance: o.tolerance ?? 0.05, contiguity: !!o.contiguous, objective, weight,
          useLocks: o.locks, seed: o.seed ?? 1,
          ...(o.territories !== undefined ? { k: o.territories } : {}), ...(o.alignment ? { alignmentKey: o.alignment } : {}),
          ...(o.min !== undefined ? { min: o.min } : {}), ...(o.max !== undefined ? { max: o.max } : {}),
          ...(o.maxDisruption !== undefined ? { maxDisruption: { share: o.maxDisruption, basis: o.disruptionBasis } } : {}),
          ...(o.disruptionPenalty !== undefined ? { disruptionPenalty: o.disruptionPenalty } : {}),
          ...(timeLimitMs !== undefined ? { timeLimitMs } : {}),
          ...(perturbations !== undefined ? { perturbations } : {}),
        };
        const res = await balanceWorkspace(services, { scenario: o.scenario, from: o.from, settings, bound: o.bound });
        if (!res.ok) throw new UserError(res.error.message);
        const { prepared, result, names, lowerBound, saved, base, applied, kpis, explanation } = res.value;
        const measureNames = prepared.input.measures.map((m) => m.name);
        const summary = { ...summarize(result.report, prepared.input.x.length, lowerBound), worstDeviation: kpis.worstDeviation, meanDistanceToCentre: kpis.compactness };
        const rows = territoryRows(result.report, names, measureNames, prepared.input.ids, kpis);
        const changes = { removed: applied.removed, reassigned: applied.reassigned, unstaffed: applied.unstaffed, untouched: applied.untouched };
        emit(io, !!o.json, { saved, base, warnings: prepared.warnings, measures: measureNames, ...summary, territories: rows, ...changes, explanation }, () => [
          `Saved ${saved.scenarioName} v${saved.version}${saved.created ? ` (new scenario from ${base.scenarioName} v${base.version})` : ''}`,
          ...prepared.warnings.map((w) => `Note: ${w}`),
          '',
          formatReport(rows, summary, measureNames, explanation, prepared.input.metric),
          ...formatChanges(changes),
        ].join('\n'));
      } finally {
        services.close();
      }
    });
}
