import type { DistanceMetric } from '../geo/distance';

/** One numeric per-unit column (potential, revenue, accounts, workload, a segment's measure...). */
export type MeasureColumn = { name: string; values: Float64Array };

/** Balance requirement on one measure: a band of ±tolerance around the mean and/or absolute min/max per territory. */
export type BalanceTarget = {
  /** Index into BalanceInput.measures. */
  measure: number;
  /** Band half-width as a fraction of the mean (0.05 = ±5%); 0..1. */
  tolerance?: number;
  /** Absolute minimum per territory. */
  min?: number;
  /** Absolute maximum per territory. */
  max?: number;
  /** Relative importance in the objective (default 1). */
  weight?: number;
};

/** Unit adjacency in CSR form: neighbours of u are neighbors[offsets[u] .. offsets[u+1]). */
export type CsrAdjacency = {
  offsets: Int32Array;
  neighbors: Int32Array;
  /** Optional edge lengths aligned with neighbors; when given, distances are shortest paths over the graph. */
  distances?: Float64Array;
};

/** What the disruption budget is measured on: unit count or a measure index. */
export type DisruptionBasis = 'units' | number;

/** Everything one balancing run needs; large data as typed arrays (transferable to a worker). */
export type BalanceInput = {
  /** Optional unit ids (ZIP, FIPS) used in messages; must be unique. */
  ids?: readonly string[];
  /** Unit x (or longitude) and y (or latitude). */
  x: Float64Array;
  y: Float64Array;
  metric: DistanceMetric;
  measures: readonly MeasureColumn[];
  /** Balance requirements; at least one. */
  targets: readonly BalanceTarget[];
  /** Weight of each unit in the compactness term (default: the first target's measure). */
  compactnessWeights?: Float64Array;
  adjacency?: CsrAdjacency;
  /** Require contiguous territories (default: true when adjacency is given). */
  contiguity?: boolean;
  /** Number of territories. */
  k: number;
  /** Seed unit per territory (rep home units); -1 or missing entries are seeded by k-means++. */
  seedUnits?: Int32Array;
  /**
   * Loads a territory carries whatever units it gets (accounts assigned to it by name rather than by unit):
   * fixedLoads[m][t] on measure m (aligned with measures; missing = none), length k. They count in the territory's
   * load, in the mean and in the band, so the units are balanced around them.
   */
  fixedLoads?: readonly (Float64Array | null | undefined)[];
  /** Existing alignment unit -> territory (-1 = unassigned); given = rebalance mode. */
  baseline?: Int32Array;
  /** 1 = unit keeps its baseline territory. */
  lockedUnits?: Uint8Array;
  /** Territories that keep exactly their baseline units. */
  lockedTerritories?: Int32Array;
  /** 1 = unit may be a territory centre (default: all). */
  candidateCenters?: Uint8Array;
  /**
   * Compactness: 'sum' Σ weight × distance to centre (p-median), 'max' largest distance to centre (p-center),
   * 'diameter' largest distance between two units of one territory (shortest paths over edge distances when given).
   */
  objective?: 'sum' | 'max' | 'diameter';
  /** Cap on what may change territory vs the baseline, as a share (0..1) of units or of a measure. */
  maxDisruption?: { basis: DisruptionBasis; share: number };
  /** Objective weight of disruption: penalty × moved share of the disruption basis. */
  disruptionPenalty?: number;
  seed?: number;
  /** Wall-clock budget for the improvement phase (default 5000 ms). */
  timeLimitMs?: number;
  /** Number of independent restarts (default: more for small instances). */
  restarts?: number;
  /**
   * Iterated local search after the restarts (small instances without contiguity): that many centre-swap steps
   * (deterministic for a seed unless the time limit cuts them), or 'until-time-limit' (uses the whole limit; the
   * result then depends on the machine's speed). Default 0.
   */
  perturbations?: number | 'until-time-limit';
};

/** Progress event, emitted at most ~10 times per second. */
export type BalanceProgress = {
  phase: 'validate' | 'seed' | 'construct' | 'improve' | 'report';
  iteration: number;
  bestObjective: number;
  worstDeviation: number;
  /** 0..1 estimate of completion. */
  fraction: number;
};

/** Run options: progress callback and an AbortSignal-like cancellation token. */
export type BalanceOptions = {
  onProgress?: (p: BalanceProgress) => void;
  signal?: { readonly aborted: boolean };
  /** Clock in ms (default Date.now); injectable for tests. */
  now?: () => number;
  /**
   * A proven lower bound of the compactness objective (the LP relaxation's, see lpRelaxationBound). The search stops
   * as soon as its best plan meets every band and reaches it: that plan is optimal. Not used for 'diameter'.
   */
  lowerBound?: number;
};

/** Why a run stopped: its search finished, its perturbation steps ran out, its time ran out, it reached the lower bound (proven optimal), or it was cancelled. */
export type BalanceStop = 'converged' | 'steps' | 'time-limit' | 'bound' | 'cancelled';

/** Kind of an unmet constraint. */
export type ViolationKind = 'tolerance' | 'min' | 'max' | 'contiguity' | 'lock-conflict' | 'disconnected-graph' | 'disruption';

/** A constraint that is not (or provably cannot be) met; territory -1 = the whole instance. */
export type Violation = {
  territory: number;
  /** Measure name, or '' for non-measure constraints. */
  measure: string;
  kind: ViolationKind;
  value: number;
  target: number;
  reason: string;
  /** True when proven infeasible: by a pre-check before the search, or for a territory holding the units of such a proof. */
  proven?: boolean;
  /** Units a proof is about (a unit above the bound, a cluster that must share a territory); the territory holding them is out of band. */
  units?: number[];
};

/** Per-territory figures of a result. */
export type TerritoryReport = {
  territory: number;
  center: number;
  units: number;
  /** Load per measure (all measures, in input order). */
  measures: number[];
  /** Signed deviation from the mean per target (fraction). */
  deviations: number[];
  /** Connected pieces in the adjacency graph (whole-island pieces not counted, see docs). */
  components: number;
  /** Pieces that are whole graph components (islands) attached to this territory. */
  islandPieces: number;
  /** Σ weight × distance to centre, and max distance to centre. */
  sumDistance: number;
  maxDistance: number;
  /** Largest distance between two of its units (objective 'diameter' only). */
  diameter?: number;
  locked: boolean;
};

/** Change against the baseline. */
export type DisruptionReport = {
  unitsMoved: number;
  unitsShare: number;
  /** Moved amount and share per measure (input order). */
  measuresMoved: { name: string; moved: number; share: number }[];
};

/** LP-relaxation lower bound, when computed. */
export type LowerBoundReport = { bound: number; gap: number; status: string; variables: number } | { skipped: string };

/** Everything a run reports. */
export type BalanceReport = {
  territories: TerritoryReport[];
  /** Target (mean) per balance target, and band [lo, hi]. */
  targets: { measure: string; mean: number; lo: number; hi: number }[];
  worstDeviation: number;
  /** Territories with more than one piece. */
  nonContiguous: number;
  /** Units without neighbours or in small graph components, attached to the nearest territory. */
  islands: number[];
  graphComponents: number;
  objective: 'sum' | 'max' | 'diameter';
  /** Σ weight × distance (sum), max distance (max) or largest territory diameter (diameter), whichever the objective is. */
  compactness: number;
  sumDistance: number;
  maxDistance: number;
  /** Internal normalised objective value of the search. */
  score: number;
  disruption: DisruptionReport | null;
  violations: Violation[];
  feasible: boolean;
  runtimeMs: number;
  iterations: number;
  restarts: number;
  cancelled: boolean;
  stoppedBy: BalanceStop;
  lowerBound?: LowerBoundReport;
};

/** Output of runBalance. */
export type BalanceResult = { assignment: Int32Array; centers: Int32Array; report: BalanceReport };
