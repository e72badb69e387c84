import { csvCell } from '../../../shared/domain/export/csv';
import { err, ok, type Result } from '../../../shared/contracts/result';
import { BalanceInputError, boundGap, runBalance, validateBalanceInput, type BalanceInput, type BalanceResult, type LowerBoundReport, type LpBound } from '../../../shared/domain/balance';
import { lpBoundFor } from './lower-bound';
import { readEdgesCsv, readUnitsCsv } from './units-csv';

/** Options of a balancing run on plain files. */
export type FileBalanceOptions = {
  unitsText: string;
  unitsFile: string;
  edgesText?: string;
  edgesFile?: string;
  k: number;
  measures?: string[];
  /** Band half-width; none = the band is --min/--max alone. */
  tolerance?: number;
  min?: number;
  max?: number;
  contiguous?: boolean;
  objective: 'sum' | 'max' | 'diameter';
  /** Compactness weights: the first balanced measure (default) or 1 per unit. */
  weight?: 'measure' | 'uniform';
  /** Iterated local search steps after the restarts (see BalanceInput.perturbations). */
  perturbations?: number | 'until-time-limit';
  maxDisruption?: number;
  seed?: number;
  timeLimitMs?: number;
  bound?: boolean;
};

/** A finished run on files: the result, the territory label per index, and the assignment CSV text. */
export type FileBalanceOutcome = {
  input: BalanceInput;
  result: BalanceResult;
  labels: string[];
  csv: string;
  lowerBound: LowerBoundReport;
};

/** Checks the run-level numbers shared by the file and workspace runs; null when fine. */
export function checkRunNumbers(o: { k: number; tolerance?: number; maxDisruption?: number; timeLimitMs?: number }, units: number): string | null {
  if (!Number.isInteger(o.k) || o.k < 1) return `--territories must be an integer >= 1, got ${o.k}`;
  if (o.k > units) return `--territories ${o.k} is greater than the number of units (${units})`;
  if (o.tolerance !== undefined && !(o.tolerance >= 0 && o.tolerance <= 1)) return `--tolerance ${o.tolerance} is out of range: give a fraction between 0 and 1 (0.05 = ±5%)`;
  if (o.maxDisruption !== undefined && !(o.maxDisruption >= 0 && o.maxDisruption <= 1)) return `--max-disruption ${o.maxDisruption} is out of range 0..1`;
  if (o.timeLimitMs !== undefined && !(o.timeLimitMs > 0)) return '--time-limit must be a positive number of seconds';
  return null;
}

/** Reads units (and edges), runs the engine, and formats `id,territory,is_center`; bad input is an error value. */
export async function balanceFiles(o: FileBalanceOptions): Promise<Result<FileBalanceOutcome, 'bad-input'>> {
  const units = readUnitsCsv(o.unitsText, o.unitsFile, o.measures);
  if (!units.ok) return units;
  const u = units.value;
  const bad = checkRunNumbers(o, u.ids.length);
  if (bad) return err('bad-input', bad);
  let adjacency;
  if (o.edgesText !== undefined) {
    const edges = readEdgesCsv(o.edgesText, o.edgesFile ?? 'edges.csv', u.ids);
    if (!edges.ok) return edges;
    adjacency = edges.value;
  }
  if (o.tolerance === undefined && o.min === undefined && o.max === undefined) return err('bad-input', 'Give a band: --tolerance, or --min/--max on the first measure');
  if (o.tolerance === undefined && (o.measures?.length ?? 1) > 1) return err('bad-input', '--min/--max bound the first measure only; give --tolerance to balance the other measures');
  if (o.contiguous && !adjacency) return err('bad-input', '--contiguous needs --edges (the unit adjacency)');
  // Existing alignment: labels in order of first appearance become territories 0..; further territories get T<n>.
  const labels: string[] = [];
  let baseline: Int32Array | undefined;
  if (u.territory && u.territory.some((t) => t !== '')) {
    const index = new Map<string, number>();
    baseline = Int32Array.from(u.territory, (t) => {
      if (t === '') return -1;
      if (!index.has(t)) { index.set(t, labels.length); labels.push(t); }
      return index.get(t)!;
    });
    if (labels.length > o.k) return err('bad-input', `${o.unitsFile}: the "territory" column names ${labels.length} territories, more than --territories ${o.k}`);
  }
  for (let t = labels.length; t < o.k; t++) { let name = `T${t + 1}`; while (labels.includes(name)) name += '_'; labels.push(name); }
  if (o.maxDisruption !== undefined && !baseline) return err('bad-input', '--max-disruption needs an existing alignment (a "territory" column)');
  const input: BalanceInput = {
    ids: u.ids, x: u.x, y: u.y, metric: u.metric, measures: u.measures,
    targets: u.measures.slice(0, o.measures?.length || 1).map((_, j) => ({
      measure: j, ...(o.tolerance !== undefined ? { tolerance: o.tolerance } : {}), ...(j === 0 && o.min !== undefined ? { min: o.min } : {}), ...(j === 0 && o.max !== undefined ? { max: o.max } : {}),
    })),
    k: o.k, objective: o.objective, seed: o.seed ?? 1,
    ...(o.weight === 'uniform' ? { compactnessWeights: new Float64Array(u.ids.length).fill(1) } : {}),
    ...(o.perturbations !== undefined ? { perturbations: o.perturbations } : {}),
    ...(adjacency ? { adjacency, contiguity: !!o.contiguous } : {}),
    ...(baseline ? { baseline } : {}),
    ...(baseline && u.lockedUnits ? { lockedUnits: u.lockedUnits } : {}),
    ...(u.candidateCenters ? { candidateCenters: u.candidateCenters } : {}),
    ...(o.maxDisruption !== undefined ? { maxDisruption: { basis: 'units' as const, share: o.maxDisruption } } : {}),
    ...(o.timeLimitMs !== undefined ? { timeLimitMs: o.timeLimitMs } : {}),
  };
  const issues = validateBalanceInput(input);
  if (issues.length > 0) return err('bad-input', `${o.unitsFile}: ${issues[0]}${issues.length > 1 ? ` (and ${issues.length - 1} more)` : ''}`);
  const lp: LpBound = o.bound === false ? { skipped: 'not requested (--no-bound)' } : await lpBoundFor(input);
  let result: BalanceResult;
  try {
    result = runBalance(input, 'bound' in lp ? { lowerBound: lp.bound } : {});
  } catch (e) {
    if (e instanceof BalanceInputError) return err('bad-input', e.message);
    throw e;
  }
  const lowerBound = boundGap(lp, result);
  const centers = new Set(result.centers);
  const lines = ['id,territory,is_center'];
  for (let i = 0; i < u.ids.length; i++) {
    const t = result.assignment[i]!;
    lines.push(`${csvCell(u.ids[i]!)},${t >= 0 ? csvCell(labels[t]!) : ''},${centers.has(i) ? 1 : 0}`);
  }
  return ok({ input, result, labels, csv: `${lines.join('\n')}\n`, lowerBound });
}

