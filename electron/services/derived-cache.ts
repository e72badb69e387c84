/** A scenario version as cache key: versions are append-only, so (scenario, version) names one payload. */
export type VersionKey = { scenarioId: number | string; version: number };

/**
 * Results computed from one scenario version and the workspace's dataset (territory KPIs, the dashboard),
 * kept until the content they were computed from changes. The stamp is the workspace's content version
 * (bumped by every write that changes the dataset or removes versions) plus SQLite's data_version (which
 * changes when another connection commits to the file); a new stamp drops every entry.
 * Bounded: the oldest entry goes first once `limit` is reached.
 */
export class DerivedCache {
  private entries = new Map<string, unknown>();
  private stamp = '';
  /** How many values were computed (not served from the cache); tests read it. */
  computations = 0;

  constructor(
    private readonly currentStamp: () => string,
    private readonly limit = 64,
  ) {}

  /** The value of kind for this version: from the cache when the content is unchanged, else computed and kept. */
  get<T>(kind: string, ref: VersionKey, compute: () => T): T {
    const stamp = this.currentStamp();
    if (stamp !== this.stamp) {
      this.entries.clear();
      this.stamp = stamp;
    }
    const key = `${kind}\u0000${ref.scenarioId}\u0000${ref.version}`;
    if (this.entries.has(key)) return this.entries.get(key) as T;
    const value = compute();
    this.computations++;
    if (this.entries.size >= this.limit) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, value);
    return value;
  }

  /** Drops every entry (a write changed what they were computed from). */
  clear(): void {
    this.entries.clear();
  }
}
