import { existsSync, renameSync, rmSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { userInfo } from 'node:os';
import type Database from 'better-sqlite3';
import type { WorkspaceInfo } from '../../shared/contracts/app-api';
import type { AccountsTable, Dataset, DatasetGeometry, Rep, UnitEdges, UnitsTable } from '../../shared/domain/dataset/types';
import type { ScenarioPayload } from '../../shared/domain/territories/types';
import { closeWorkspaceDb, createWorkspaceDb, forgetDigest, openWorkspace, vacuumInto, WorkspaceFileError, type OpenOptions } from '../db/connection';
import type { ContentReport } from '../db/content-check';
import { dataVersion, readAccounts, readCounts, readEdges, readGeometry, readMeta, readReps, readUnits, writeDataset } from '../db/dataset-repo';
import { insertScenario, listScenarios } from '../db/scenario-repo';
import { CURRENT_SCHEMA_VERSION } from '../db/migrations';
import { buildDemo, type DemoGeography } from './demo/demo-geography';
import { acquireWorkspaceLock, type WorkspaceLock } from './scenarios/lock';
import { DerivedCache } from './derived-cache';
import { buildSplitView, splitOptions, type DatasetView, type SplitOptions } from './geography/split-view';
import type { UnitId } from '../../shared/domain/ids';
import { checkpoint } from './long-call';

/**
 * What fills a new workspace: writes its content into db. A fill with several slow parts is a generator that
 * yields the name of each part before running it, so a tracked creation reports them and can stop between them.
 */
export type WorkspaceFill = (db: Database.Database) => void | Generator<string, void>;

/** The fill of a new workspace: the demo of a geography (true: counties with the heavy metro counties split), or nothing. */
export function demoFill(demo: boolean | DemoGeography): WorkspaceFill {
  return demo === false ? () => undefined : (db) => fillDemo(db, demo === true ? 'mixed' : demo);
}

/** Steps of a creation whose fill has two parts (building the data, storing it); a one-part fill skips one. */
const CREATE_STEPS = 4;

/** Name recorded as the author of versions written on this machine. */
export function currentAuthor(): string {
  try {
    return userInfo().username || 'unknown';
  } catch {
    return 'unknown';
  }
}

/** An open workspace file (or the in-memory demo) with lazily cached dataset reads. */
export class Workspace {
  private cache = new Map<string, unknown>();
  private views = new Map<string, DatasetView>();
  /** Bumped by every write that changes what derived results are computed from (imports, deleted scenarios). */
  private contentVersion = 0;
  /** Territory KPIs and dashboards per scenario version (see DerivedCache). */
  readonly derived = new DerivedCache(() => `${this.contentVersion}.${dataVersion(this.db)}`);
  /** Set by share.open: the share file's signature and origin, shown with the client view. */
  share: WorkspaceInfo['share'];

  private constructor(
    readonly db: Database.Database,
    readonly path: string | null,
    readonly isDemo: boolean,
    readonly readOnly: boolean,
    private readonly lock: WorkspaceLock | null = null,
    /** What the content check found when the file was opened (damage is empty for a sound file). */
    readonly report: ContentReport = { damage: [], digest: 'absent' },
  ) {}

  /** Opens an existing workspace file after validating it (see openWorkspaceDb); a writable open takes its lock file. */
  static open(path: string, opts: OpenOptions = {}): Workspace {
    const abs = resolve(path);
    const lock = opts.readOnly ? null : acquireWorkspaceLock(abs);
    try {
      const { db, report } = openWorkspace(abs, opts);
      return new Workspace(db, abs, false, opts.readOnly ?? false, lock, report);
    } catch (e) {
      lock?.release();
      throw e;
    }
  }

  /**
   * Creates a new workspace file, filled with the built-in demo when demo is true (counties, the geography most tests
   * and the county FIPS of old scenarios assume) or names a demo geography.
   */
  static create(path: string, demo: boolean | DemoGeography, opts: OpenOptions = {}): Workspace {
    return Workspace.createWith(path, demoFill(demo), opts);
  }

  /** Creates a new workspace file whose content is written by fill (dataset, scenarios). */
  static createWith(path: string, fill: WorkspaceFill, opts: OpenOptions = {}): Workspace {
    const steps = Workspace.createSteps(path, fill, opts);
    for (;;) {
      const r = steps.next();
      if (r.done) return r.value;
    }
  }

  /**
   * createWith as a tracked long call: reports its steps (build, write, open) and stops at the next one when
   * cancelled, leaving no file behind.
   */
  static async createWithProgress(path: string, fill: WorkspaceFill, opts: OpenOptions = {}): Promise<Workspace> {
    const steps = Workspace.createSteps(path, fill, opts);
    for (let done = 0; ; done++) {
      const r = steps.next();
      if (r.done) return r.value;
      try {
        await checkpoint(r.value, done, CREATE_STEPS);
      } catch (e) {
        steps.return(undefined as never); // runs the steps' cleanup: the in-memory build closed, the temp file removed
        throw e;
      }
    }
  }

  /**
   * The steps of creating a workspace file, each announced by the name of what runs next: the content is built in
   * a temporary in-memory database and written to the file in one step, so a crash or a cancel never leaves a
   * half-built workspace under the final name.
   */
  private static *createSteps(path: string, fill: WorkspaceFill, opts: OpenOptions): Generator<string, Workspace> {
    const abs = resolve(path);
    const tmp = `${abs}.creating`;
    if (existsSync(abs)) throw new WorkspaceFileError('exists', `${abs} already exists; choose another name or open it.`);
    rmSync(tmp, { force: true });
    let written = false;
    try {
      const mem = new Workspace(createWorkspaceDb(':memory:', opts), null, false, false);
      try {
        yield 'Building the workspace';
        const parts = fill(mem.db);
        if (parts) yield* parts;
        yield 'Writing the file';
        vacuumInto(mem.db, tmp);
      } finally {
        mem.close();
      }
      yield 'Opening it';
      renameSync(tmp, abs);
      written = true;
    } finally {
      if (!written) rmSync(tmp, { force: true });
    }
    return Workspace.open(abs, opts);
  }

  /** The built-in demo (or an empty workspace) in memory: nothing is written until Save As. */
  static inMemory(demo: boolean | DemoGeography, opts: OpenOptions = {}): Workspace {
    const db = createWorkspaceDb(':memory:', opts);
    const parts = demoFill(demo)(db);
    if (parts) Array.from(parts); // runs every part
    return new Workspace(db, null, demo !== false, false);
  }

  /** Copies the workspace to a new file atomically (VACUUM INTO a temp file, then rename) and opens the copy. */
  saveAs(path: string, opts: OpenOptions = {}): Workspace {
    const abs = resolve(path);
    if (this.path && abs === this.path) throw new WorkspaceFileError('exists', `${abs} is the open workspace already.`);
    const tmp = `${abs}.saving`;
    rmSync(tmp, { force: true });
    vacuumInto(this.db, tmp);
    forgetDigest(tmp, opts);
    renameSync(tmp, abs);
    return Workspace.open(abs, opts);
  }

  /** Name shown in the title bar. */
  get name(): string {
    return this.path ? basename(this.path) : this.isDemo ? 'Demo (unsaved)' : 'Untitled (unsaved)';
  }

  /** Summary for the title bar, status bar and `tessera info`. */
  info(): WorkspaceInfo {
    return {
      path: this.path,
      name: this.name,
      isDemo: this.isDemo,
      readOnly: this.readOnly,
      schemaVersion: CURRENT_SCHEMA_VERSION,
      datasetName: readMeta(this.db, 'dataset_name') ?? '',
      counts: readCounts(this.db),
      scenarios: listScenarios(this.db),
      integrity: { digest: this.report.digest, damage: this.report.damage.map((d) => d.message) },
      ...(this.share ? { share: this.share } : {}),
    };
  }

  private cached<T>(key: string, read: () => T): T {
    if (!this.cache.has(key)) this.cache.set(key, read());
    return this.cache.get(key) as T;
  }

  /** Units (cached; the dataset changes only through imports, which clear the cache). */
  units(): UnitsTable {
    return this.cached('units', () => readUnits(this.db));
  }
  edges(): UnitEdges {
    return this.cached('edges', () => readEdges(this.db));
  }
  geometry(): DatasetGeometry | null {
    return this.cached('geometry', () => readGeometry(this.db));
  }
  accounts(): AccountsTable {
    return this.cached('accounts', () => readAccounts(this.db));
  }
  reps(): Rep[] {
    return this.cached('reps', () => readReps(this.db));
  }

  /**
   * The dataset as a scenario with these split units sees it (buildSplitView); the stored dataset when none. The last
   * few views are kept (building one takes 0.5-1 s for a county workspace).
   */
  view(split: readonly UnitId[] | undefined): DatasetView {
    const key = (split ?? []).join(',');
    const hit = this.views.get(key);
    if (hit) {
      this.views.delete(key);
      this.views.set(key, hit);
      return hit;
    }
    const base = { name: '', sources: [], units: this.units(), edges: this.edges(), accounts: this.accounts(), reps: this.reps(), geometry: this.geometry() };
    const view = buildSplitView(base, [...(split ?? [])].sort() as UnitId[]);
    if (this.views.size >= 4) this.views.delete(this.views.keys().next().value as string);
    this.views.set(key, view);
    return view;
  }

  /** The view a scenario payload reads (its split units). */
  viewOf(payload: Pick<ScenarioPayload, 'splitUnits'>): DatasetView {
    return this.view(payload.splitUnits);
  }

  /** Which units can be split into finer ones, and into which (built-in ZIP areas of US counties). */
  splitOptions(): SplitOptions {
    return this.cached('splitOptions', () => splitOptions(this.units()));
  }
  sources(): string[] {
    try {
      const v: unknown = JSON.parse(readMeta(this.db, 'dataset_sources') ?? '[]');
      return Array.isArray(v) ? v.map(String) : [];
    } catch {
      return [];
    }
  }

  /** True when the file is a share file (it carries the share markers). */
  isShareFile(): boolean {
    return readMeta(this.db, 'share_format') !== null;
  }

  /** Forgets cached dataset reads and derived results (after an import or any write they depend on). */
  invalidate(): void {
    this.cache.clear();
    this.views.clear();
    this.contentVersion++;
    this.derived.clear();
  }

  close(): void {
    closeWorkspaceDb(this.db);
    this.lock?.release();
  }
}

/** A scenario to write with a new dataset. */
export type InitialScenario = { name: string; description: string; payload: ScenarioPayload };

/** Writes a dataset and its first scenarios into an empty workspace database. */
export function fillDataset(db: Database.Database, dataset: Dataset, scenarios: InitialScenario[], author: string, note: string): void {
  writeDataset(db, dataset);
  for (const s of scenarios) {
    insertScenario(db, { name: s.name, description: s.description, author, parent: null, payload: s.payload, note });
  }
}

/** Writes the built-in demo dataset and its scenarios into an empty workspace database. */
function* fillDemo(db: Database.Database, geography: DemoGeography): Generator<string, void> {
  const { dataset, scenarios } = buildDemo(geography);
  yield 'Storing the demo data';
  fillDataset(db, dataset, scenarios, 'Tessera demo', 'Built-in demo');
}
