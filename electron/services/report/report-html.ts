import type { CompareResult, ScenarioVersion } from '../../../shared/contracts/app-api';
import type { Dashboard } from '../../../shared/domain/kpi/dashboard';
import { formatDistance, travelNote, type DistanceUnit } from '../../../shared/domain/kpi/travel';
import { formatKpiValue, type KpiDeltaRow } from '../../../shared/domain/scenario/kpi-table';
import { executiveSummary } from '../../../shared/domain/scenario/executive-summary';
import { formatMoney } from '../../../shared/domain/format/numbers';
import { formatMeasure, TERRITORY_MEASURES, totalCards } from '../../../shared/domain/kpi/registry';
import { accountFrom, repFrom, repLabel, territoryFrom } from '../../../shared/domain/labels';
import type { Workspace } from '../workspace';
import { mapSvg } from './map-svg';
import { esc } from './svg-parts';
import { chartFigure } from './charts-svg';
import { bandAround, fitBars, orderedNames, potentialCharts, rowHeightFor, type ChartBar } from '../../../shared/charts/bar-charts';

/** Everything one report page set is built from. */
export type ReportData = {
  title: string;
  workspace: string;
  version: ScenarioVersion;
  /** The comparison's baseline version (its map is drawn next to the plan's), when there is a comparison. */
  baseline?: ScenarioVersion | null;
  dashboard: Dashboard;
  comparison: CompareResult | null;
  generatedAt: string;
};

const int = (v: number): string => Math.round(v).toLocaleString('en-US');
const pct = (v: number | null, signed = false): string => (v === null || !Number.isFinite(v) ? '—' : `${signed && v >= 0 ? '+' : ''}${(v * 100).toFixed(1)}%`);
const ratio = (v: number | null): string => (v === null || !Number.isFinite(v) ? '—' : v.toFixed(2));

function table(headers: string[], rows: (string | number)[][], numericFrom = 1): string {
  const th = headers.map((h, i) => `<th${i >= numericFrom ? ' class="n"' : ''}>${esc(h)}</th>`).join('');
  const tr = rows.map((r) => `<tr>${r.map((c, i) => `<td${i >= numericFrom ? ' class="n"' : ''}>${esc(c)}</td>`).join('')}</tr>`).join('');
  return `<table><thead><tr>${th}</tr></thead><tbody>${tr}</tbody></table>`;
}

function fmtDelta(r: KpiDeltaRow, v: number, c: CompareResult, unit: DistanceUnit): string {
  if (r.format === 'percent') return pct(v);
  if (r.format === 'ratio' || r.format === 'index') return ratio(v);
  if (r.format === 'distance') return formatKpiValue(v, r.format, unit, c.metric);
  return int(v);
}

function summary(d: Dashboard): string {
  const cards: [string, string][] = [
    ['Territories', int(d.territories.length)],
    ...totalCards(d.totals),
    ['Quota', formatMoney(d.totals.quota)],
    ['Expected attainment', pct(d.totals.quota > 0 ? d.totals.revenue / d.totals.quota : null)],
    ['Coverage ratio (capacity / workload)', ratio(d.coverage.ratio)],
    ['Potential in staffed territories', pct(d.coverage.staffedPotentialShare)],
    ['Potential: worst deviation', pct(d.balance.potential.worstDeviation)],
    ['Potential: CV / Gini', `${ratio(d.balance.potential.cv)} / ${ratio(d.balance.potential.gini)}`],
    ['Workload: worst deviation', pct(d.balance.workload.worstDeviation)],
    ['Close rate', pct(d.closeRate)],
  ];
  return `<div class="cards">${cards.map(([k, v]) => `<div class="card"><div class="k">${esc(k)}</div><div class="v">${esc(v)}</div></div>`).join('')}</div>`;
}

/** The first page's written summary of the comparison's plan against its baseline. */
function writtenSummary(c: CompareResult): string {
  const plan = c.scenarios.findIndex((_, i) => i !== c.baselineIndex);
  return `<section class="exec-summary"><h2>Summary</h2>${executiveSummary(c, c.labels, plan).map((p) => `<p class="lead">${esc(p)}</p>`).join('')}</section>`;
}

function comparisonSection(c: CompareResult, unit: DistanceUnit): string {
  const other = c.scenarios.findIndex((_, i) => i !== c.baselineIndex);
  const s = c.scenarios[other]!;
  const base = c.scenarios[c.baselineIndex]!;
  const rows = c.rows.map((r) => [r.label, fmtDelta(r, r.values[c.baselineIndex]!, c, unit), fmtDelta(r, r.values[other]!, c, unit), `${r.deltas[other]! >= 0 ? '+' : ''}${fmtDelta(r, r.deltas[other]!, c, unit)}`]);
  const d = s.metrics.disruption;
  const reps = [...s.reps].sort((a, b) => b.potentialGained + b.potentialLost - (a.potentialGained + a.potentialLost)).slice(0, 15);
  const moves = [...s.diff.accounts].sort((a, b) => b.potential - a.potential).slice(0, 15);
  return `<section class="page"><h2>Comparison: ${esc(s.name)} vs ${esc(base.name)}</h2>
<p class="lead">${int(d.accounts)} accounts (${pct(d.accountsShare)}) change territory, carrying ${pct(d.potentialShare)} of potential and ${pct(d.revenueShare)} of revenue; ${int(s.diff.units.length)} unit assignments differ.</p>
${table(['KPI', base.name, s.name, 'Change'], rows)}
${beforeAfterCharts(c)}
<h3>Gains and losses per rep (largest first)</h3>
${table(['Rep', 'Accounts gained', 'Accounts lost', 'Potential gained', 'Potential lost', 'Revenue gained', 'Revenue lost'], reps.map((r) => [repFrom(c.labels, r.repId), r.accountsGained, r.accountsLost, formatMoney(r.potentialGained), formatMoney(r.potentialLost), formatMoney(r.revenueGained), formatMoney(r.revenueLost)]))}
<h3>Largest moved accounts</h3>
${table(['Account', 'From', 'To', 'Potential', 'Revenue', 'Named account'], moves.map((m) => [accountFrom(c.labels, m.accountId), territoryFrom(c.labels, c.baselineIndex, m.from), territoryFrom(c.labels, other, m.to), formatMoney(m.potential), formatMoney(m.revenue), m.viaOverride ? 'yes' : 'no']))}
</section>`;
}

/** The plan's map; with a comparison, the baseline's (before) and the plan's (after) side by side. */
function maps(ws: Workspace, r: ReportData, moved: ReadonlySet<string>): string {
  if (!r.comparison || !r.baseline) return mapSvg(ws, r.version.payload, moved);
  // One colouring carried from the first map to the second: a territory in both plans keeps its colour.
  const colours = new Map<string, number>();
  const before = mapSvg(ws, r.baseline.payload, new Set(), 345, 230, `Before: ${r.baseline.scenarioName} v${r.baseline.version}`, colours);
  const after = mapSvg(ws, r.version.payload, moved, 345, 230, `After: ${r.version.scenarioName} v${r.version.version}`, colours);
  return `<div class="map-row">${before}${after}</div>`;
}

/** Bars per printed chart: more would not fit a page at a readable size. */
const PAGE_BARS = 70;

/**
 * Potential and workload per territory side by side in one order (largest potential first), each with its band
 * (over all territories of the default alignment; overlay territories such as Enterprise are on another scale).
 */
function balanceCharts(d: Dashboard): string {
  const main = d.territories.filter((t) => t.group === 0);
  const all = (k: 'potential' | 'workload'): ChartBar[] => main.map((t) => ({ name: t.name, value: t[k], color: t.color }));
  const { bars: potential, note } = fitBars(all('potential'), PAGE_BARS);
  const shown = new Set(potential.map((b) => b.name));
  const workload = all('workload').filter((b) => shown.has(b.name));
  const share = d.settings.band;
  const common = { order: orderedNames(potential), rowHeight: rowHeightFor(potential.length, 800) };
  return `<div class="chart-row">
${chartFigure('Potential by territory', { ...common, axis: 'Potential (USD)', display: 'money', bars: potential, band: bandAround(all('potential').map((b) => b.value), share), width: 380 }, share, note ?? undefined)}
${chartFigure('Workload by territory', { ...common, axis: 'Workload (hours)', display: 'hours', bars: workload, band: bandAround(all('workload').map((b) => b.value), share), width: 300, names: false }, share)}
</div>`;
}

/** Before and after: the potential per territory of the baseline and the plan side by side, on one scale. */
function beforeAfterCharts(c: CompareResult): string {
  const plan = c.scenarios.findIndex((_, i) => i !== c.baselineIndex);
  const plans = [c.scenarios[c.baselineIndex]!, c.scenarios[plan]!].map((s) => {
    const fit = fitBars(s.territories.filter((t) => t.group === 0).map((t) => ({ name: t.name, value: t.potential, color: t.color })), PAGE_BARS);
    return { name: s.name, band: s.band, note: fit.note, territories: fit.bars.map((b) => ({ name: b.name, potential: b.value, color: b.color })) };
  });
  const rows = Math.max(...plans.map((p) => p.territories.length));
  const charts = potentialCharts(plans, 340).map((ch, i) => chartFigure(ch.title, { ...ch.spec, rowHeight: rowHeightFor(rows, 700) }, c.band, plans[i]!.note ?? undefined));
  return `<h3>Potential by territory, before and after</h3><div class="chart-row">${charts.join('')}</div>`;
}

/** The executive report as one self-contained, print-styled HTML page (A4/Letter, page breaks per section). */
export function reportHtml(ws: Workspace, r: ReportData): string {
  const d = r.dashboard;
  const unit = d.settings.travel.distanceUnit;
  const dist = (km: number): string => formatDistance(km, unit, d.distanceMetric);
  const moved = new Set<string>(r.comparison ? r.comparison.scenarios.flatMap((s, i) => (i === r.comparison!.baselineIndex ? [] : s.diff.units.map((u) => u.unitId as string))) : []);
  const repNames = new Map(d.reps.map((p) => [p.repId, p.name]));
  // The registry's territory measures that the dashboard rows carry, each followed by its deviation where it has one.
  const measures = TERRITORY_MEASURES.filter((m) => d.territories.every((t) => m.key in t));
  const tHeaders = ['Territory', 'Rep', ...measures.flatMap((m) => (m.deviation ? [m.label, m.deviation.label] : [m.label])), 'Quota', 'Exp. attainment', 'Coverage'];
  const tRows = [...d.territories].sort((a, b) => a.name.localeCompare(b.name)).map((t) => {
    const row = t as unknown as Record<string, number>;
    const cells = measures.flatMap((m) => [formatMeasure(row[m.key]!, m.display), ...(m.deviation ? [pct(row[m.deviation.key]!, true)] : [])]);
    return [t.name, repLabel(t.repId, repNames), ...cells, formatMoney(t.quota), pct(t.expectedAttainment), ratio(t.coverageRatio)];
  });
  const rRows = [...d.reps].sort((a, b) => a.name.localeCompare(b.name)).map((p) => [p.name, p.territories.length, int(p.accounts), formatMoney(p.potential), formatMoney(p.revenue), formatMoney(p.quota), pct(p.expectedAttainment), ratio(p.coverageRatio), dist(p.meanDistance), dist(p.travelPerCycle)]);
  return `<!doctype html><html><head><meta charset="utf-8"><title>${esc(r.title)}</title><style>
@page { size: Letter; margin: 14mm; }
body { font: 10px/1.35 system-ui, 'DejaVu Sans', Arial, sans-serif; color: #1b1f24; margin: 0; }
h1 { font-size: 20px; margin: 0 0 2px; } h2 { font-size: 15px; margin: 0 0 8px; } h3 { font-size: 12px; margin: 12px 0 4px; }
.meta, figcaption { color: #5a6270; } figure { margin: 6px 0; break-inside: avoid; }
.page { break-before: page; } .lead { font-size: 11px; }
*, *::before, *::after { box-sizing: border-box; }
.cards { display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 6px; margin: 10px 0; }
.card { border: 1px solid #d7dce2; border-radius: 4px; padding: 5px 7px; } .card .k { color: #5a6270; font-size: 9px; } .card .v { font-size: 14px; font-weight: 600; }
table { border-collapse: collapse; width: 100%; font-size: 9px; } th, td { border-bottom: 1px solid #e3e6ea; padding: 2px 4px; text-align: left; }
th { background: #f3f5f7; } .n { text-align: right; font-variant-numeric: tabular-nums; } tr { break-inside: avoid; } thead { display: table-header-group; }
.notes { color: #5a6270; font-size: 9px; }
.chart-row, .map-row { display: flex; gap: 10px; align-items: flex-start; } .chart-row .chart, .map-row .map { flex: none; margin: 0; } .map-row .map { width: 345px; } .chart svg { display: block; }
.map-legend { display: flex; flex-wrap: wrap; gap: 4px 10px; font-size: 9px; color: #374151; margin: 2px 0; } .map-legend i { display: inline-block; width: 14px; height: 9px; margin-right: 4px; vertical-align: middle; }
</style></head><body data-report="executive">
<header><h1>${esc(r.title)}</h1><div class="meta">${esc(r.workspace)} · scenario ${esc(r.version.scenarioName)} v${r.version.version} · generated ${esc(r.generatedAt)}</div></header>
${r.comparison ? writtenSummary(r.comparison) : ''}
${summary(d)}
${maps(ws, r, moved)}
<section class="page"><h2>Balance by territory (default alignment)</h2>
${balanceCharts(d)}
</section>
<section class="page"><h2>Territory KPIs</h2>
${table(tHeaders, tRows, 2)}
</section>
<section class="page"><h2>Reps</h2>
${table(['Rep', 'Territories', 'Accounts', 'Potential', 'Revenue', 'Quota', 'Exp. attainment', 'Coverage', 'Mean distance home → account', 'Travel / visit cycle'], rRows)}
<p class="notes">${d.notes.map(esc).join(' ')} Quotas: ${esc(d.settings.quotas.mode)}; capacity ${int(d.settings.capacityHours)} h per rep-year. ${esc(travelNote(d.settings.travel))}</p>
</section>
${r.comparison ? comparisonSection(r.comparison, unit) : ''}
</body></html>`;
}
