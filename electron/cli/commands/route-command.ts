import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { readTextInput } from '../read-text';
import { ruleSetSchema } from '../../../shared/domain/rules/schema';
import type { RuleSet } from '../../../shared/domain/rules/types';
import { createServices } from '../../services/app-services';
import { resolveVersion } from '../../services/context';
import { dashboardSettings } from '../../services/report/dashboard-service';
import { checkTravelSettings, readQuotaCsv, saveQuotas, saveTravelSettings } from '../../services/report/quota-import';
import { reportHtmlFile, reportPdf } from '../../services/report/report-service';
import { routeCsvText } from '../../services/rules/route-service';
import { rulesOf } from '../../services/rules/rules-store';
import { emit, num, table, UserError, type Io } from '../output';
import { selectorOf } from './scenario-commands';
import { openForCli } from './workspace-commands';

type RouteOpts = { workspace: string; scenario: string; leads: string; out: string; dryRun?: boolean; force?: boolean; json?: boolean };
type ReportOpts = { workspace: string; scenario: string; baseline?: string; out: string; html?: boolean; title?: string; force?: boolean; json?: boolean };

function mustNotExist(path: string, force: boolean | undefined): void {
  if (existsSync(path) && !force) throw new UserError(`${path} already exists; pass --force to overwrite it.`);
}

/** Registers `route` (leads CSV through a scenario's routing rules), `rules show|set` and `report` (executive PDF). */
export function registerRouteCommands(program: Command, io: Io): void {
  registerRulesCommands(program, io);
  program
    .command('quotas')
    .description("import quotas per territory or rep (CSV: territory,quota or rep,quota) into a scenario's dashboard settings")
    .requiredOption('-w, --workspace <file>', 'workspace file')
    .requiredOption('-s, --scenario <name>', 'scenario name or id')
    .requiredOption('-f, --file <csv>', 'quota CSV')
    .option('--json', 'machine-readable output')
    .action((o: { workspace: string; scenario: string; file: string; json?: boolean }) => {
      const path = resolve(o.file);
      if (!existsSync(path)) throw new UserError(`Quota file not found: ${path}`);
      const ws = openForCli(o.workspace);
      try {
        const v = resolveVersion(ws, selectorOf(o.scenario));
        if (!v.ok) throw new UserError(v.error.message);
        const q = readQuotaCsv(readTextInput(path, 'quota file'), v.value, ws.reps());
        if (!q.ok) throw new UserError(((q.error.details as string[] | undefined) ?? [q.error.message]).join('\n'));
        const ref = saveQuotas(ws, v.value, q.value);
        if (!ref) throw new UserError(`Scenario ${v.value.scenarioName} changed while importing; run the command again.`);
        emit(io, !!o.json, ref, () => `Saved imported quotas as version ${ref.version} of ${v.value.scenarioName}`);
      } finally {
        ws.close();
      }
    });
  program
    .command('travel')
    .description("set how a scenario's dashboard and report show distances and estimate travel (see docs/algorithms.md)")
    .requiredOption('-w, --workspace <file>', 'workspace file')
    .requiredOption('-s, --scenario <name>', 'scenario name or id')
    .option('--unit <km|mi>', 'distance unit')
    .option('--visits-per-trip <n>', 'accounts visited on one day trip from the home base', (v: string) => Number(v))
    .option('--json', 'machine-readable output')
    .action((o: { workspace: string; scenario: string; unit?: string; visitsPerTrip?: number; json?: boolean }) => {
      const ws = openForCli(o.workspace);
      try {
        const v = resolveVersion(ws, selectorOf(o.scenario));
        if (!v.ok) throw new UserError(v.error.message);
        const t = checkTravelSettings(o.unit, o.visitsPerTrip, dashboardSettings(v.value.payload).travel);
        if (!t.ok) throw new UserError(t.error.message);
        const ref = saveTravelSettings(ws, v.value, t.value);
        if (!ref) throw new UserError(`Scenario ${v.value.scenarioName} changed meanwhile; run the command again.`);
        emit(io, !!o.json, { ...ref, travel: t.value }, () => `Saved travel settings (${t.value.distanceUnit}, ${t.value.visitsPerTrip} accounts per day trip) as version ${ref.version} of ${v.value.scenarioName}`);
      } finally {
        ws.close();
      }
    });
  program
    .command('route')
    .description("route a leads CSV through a scenario's routing rules and write routed.csv")
    .requiredOption('-w, --workspace <file>', 'workspace file')
    .requiredOption('-s, --scenario <name>', 'scenario name or id')
    .requiredOption('--leads <csv>', 'leads CSV (see docs/csv-formats.md)')
    .requiredOption('-o, --out <csv>', 'routed CSV to write')
    .option('--dry-run', 'do not advance the round-robin cursors')
    .option('--force', 'overwrite the output file')
    .option('--json', 'machine-readable output')
    .action((o: RouteOpts) => {
      const leadsPath = resolve(o.leads);
      const out = resolve(o.out);
      if (!existsSync(leadsPath)) throw new UserError(`Leads file not found: ${leadsPath}`);
      mustNotExist(out, o.force);
      const ws = openForCli(o.workspace, !!o.dryRun);
      try {
        const v = resolveVersion(ws, selectorOf(o.scenario));
        if (!v.ok) throw new UserError(v.error.message);
        const res = routeCsvText(ws, v.value, readTextInput(leadsPath, 'leads file'), { commit: !o.dryRun });
        if (!res.ok) throw new UserError(res.error.message);
        const r = res.value;
        writeFileSync(out, r.csv);
        const c = r.coverage;
        const summary = { out, leads: r.leads, rejected: r.rejected, unplaced: r.unplaced, unmatched: c.unmatched.length, perRule: c.perRule, shadowed: c.shadowed, committed: r.committed, ms: r.ms, leadsPerSecond: r.ms > 0 ? Math.round((r.leads / r.ms) * 1000) : null };
        emit(io, !!o.json, summary, () =>
          [
            `Routed ${num(r.leads)} leads in ${r.ms} ms to ${out}${r.committed ? '' : ' (dry run: round-robin cursors not saved)'}`,
            `${c.unmatched.length} matched no rule (fallback queue); ${r.unplaced} could not be placed on the map; ${r.rejected.length} rows rejected`,
            ...r.rejected.slice(0, 10).map((x) => `  line ${x.line}: ${x.reason}`),
            '',
            table(['rule', 'enabled', 'matched', 'won'], c.perRule.map((p) => [p.ruleName, p.enabled ? 'yes' : 'no', p.matched, p.won])),
            ...c.shadowed.map((s) => `shadowed (${s.kind}): ${s.ruleName}: ${s.detail}`),
          ].join('\n'),
        );
      } finally {
        ws.close();
      }
    });

  program
    .command('report')
    .description('write the executive report (PDF, or print-styled HTML) of a scenario or a comparison')
    .requiredOption('-w, --workspace <file>', 'workspace file')
    .requiredOption('-s, --scenario <name>', 'scenario name or id')
    .option('-b, --baseline <name>', 'compare against this scenario')
    .requiredOption('-o, --out <file>', 'PDF (or HTML with --html) to write')
    .option('--html', 'write the HTML page instead of printing a PDF')
    .option('--title <text>', 'report title')
    .option('--force', 'overwrite the output file')
    .option('--json', 'machine-readable output')
    .action(async (o: ReportOpts) => {
      const out = resolve(o.out);
      mustNotExist(out, o.force);
      const ws = openForCli(o.workspace, true);
      try {
        const req = { scenario: selectorOf(o.scenario), ...(o.baseline ? { baseline: selectorOf(o.baseline) } : {}), ...(o.title ? { title: o.title } : {}) };
        const res = o.html ? await reportHtmlFile(ws, req) : await reportPdf(ws, req);
        if (!res.ok) throw new UserError(res.error.message);
        const { base64, ...file } = res.value;
        writeFileSync(out, Buffer.from(base64, 'base64'));
        emit(io, !!o.json, { ...file, path: out }, () => `Wrote ${out} (${file.pages ? `${file.pages} pages, ` : ''}${(file.bytes / 1024).toFixed(0)} KB) in ${file.ms} ms with ${file.engine}`);
      } finally {
        ws.close();
      }
    });
}

/** Registers `rules show` and `rules set` (a rule set JSON file saved as a new scenario version). */
export function registerRulesCommands(program: Command, io: Io): void {
  const rules = program.command('rules').description("show or set a scenario's lead routing rules");
  rules
    .command('show')
    .requiredOption('-w, --workspace <file>', 'workspace file')
    .requiredOption('-s, --scenario <name>', 'scenario name or id')
    .action(async (o: { workspace: string; scenario: string }) => {
      const ws = openForCli(o.workspace, true);
      try {
        const v = resolveVersion(ws, selectorOf(o.scenario));
        if (!v.ok) throw new UserError(v.error.message);
        io.out(JSON.stringify(rulesOf(v.value.payload).rules, null, 2));
      } finally {
        ws.close();
      }
    });
  rules
    .command('set')
    .requiredOption('-w, --workspace <file>', 'workspace file')
    .requiredOption('-s, --scenario <name>', 'scenario name or id')
    .requiredOption('-f, --file <json>', 'rule set JSON (see docs/csv-formats.md)')
    .option('--json', 'machine-readable output')
    .action(async (o: { workspace: string; scenario: string; file: string; json?: boolean }) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(readFileSync(resolve(o.file), 'utf8'));
      } catch (e) {
        throw new UserError(`Cannot read rules from ${o.file}: ${(e as Error).message}`);
      }
      const valid = ruleSetSchema.safeParse(parsed);
      if (!valid.success) throw new UserError(`Invalid rules in ${o.file}: ${valid.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      const services = createServices({ mode: 'direct', workspace: o.workspace });
      try {
        const head = await services.api['scenario.get'](selectorOf(o.scenario));
        if (!head.ok) throw new UserError(head.error.message);
        const res = await services.api['rules.save']({ scenarioId: head.value.scenarioId, baseVersion: head.value.version, rules: valid.data as RuleSet });
        if (!res.ok) throw new UserError([res.error.message, ...((res.error.details as string[] | undefined) ?? []).slice(1)].join('\n'));
        emit(io, !!o.json, res.value, () => `Saved ${valid.data.rules.length} rules as version ${res.value.version} of scenario ${head.value.scenarioName}`);
      } finally {
        services.close();
      }
    });
}
