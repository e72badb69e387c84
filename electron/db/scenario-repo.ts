import type Database from 'better-sqlite3';
import type { ScenarioSummary, ScenarioVersion, VersionRef } from '../../shared/contracts/app-api';
import type { ScenarioId } from '../../shared/domain/ids';
import type { ScenarioPayload } from '../../shared/domain/territories/types';
import { upgradeScenarioPayload } from '../../shared/schema/scenario-payload';

type ScenarioRow = {
  id: number;
  name: string;
  description: string;
  author: string;
  created_at: string;
  updated_at: string;
  parent_id: number | null;
  parent_version: number | null;
  archived: number;
  head_version: number;
  version_count: number;
};

const SUMMARY_SQL = `
  SELECT s.*, coalesce(max(v.version), 0) AS head_version, count(v.version) AS version_count
  FROM scenarios s LEFT JOIN scenario_versions v ON v.scenario_id = s.id`;

function toSummary(r: ScenarioRow): ScenarioSummary {
  return {
    id: r.id as ScenarioId,
    name: r.name,
    description: r.description,
    author: r.author,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    parentId: r.parent_id as ScenarioId | null,
    parentVersion: r.parent_version,
    archived: r.archived === 1,
    headVersion: r.head_version,
    versionCount: r.version_count,
  };
}

/** Lists scenarios with their head version, oldest first. */
export function listScenarios(db: Database.Database): ScenarioSummary[] {
  return (db.prepare(`${SUMMARY_SQL} GROUP BY s.id ORDER BY s.id`).all() as ScenarioRow[]).map(toSummary);
}

/** Finds a scenario by numeric id or exact name. */
export function findScenario(db: Database.Database, key: number | string): ScenarioSummary | null {
  const row = (
    typeof key === 'number'
      ? db.prepare(`${SUMMARY_SQL} WHERE s.id = ? GROUP BY s.id`).get(key)
      : db.prepare(`${SUMMARY_SQL} WHERE s.name = ? GROUP BY s.id`).get(key)
  ) as ScenarioRow | undefined;
  return row ? toSummary(row) : null;
}

/** Reads one version (the head when version is omitted), upgrading its payload to the current schema. */
export function readVersion(db: Database.Database, scenario: ScenarioSummary, version?: number): ScenarioVersion | null {
  const v = version ?? scenario.headVersion;
  const row = db
    .prepare('SELECT version, parent_version, created_at, author, note, payload FROM scenario_versions WHERE scenario_id = ? AND version = ?')
    .get(scenario.id, v) as { version: number; parent_version: number | null; created_at: string; author: string; note: string; payload: string } | undefined;
  if (!row) return null;
  return {
    scenarioId: scenario.id,
    scenarioName: scenario.name,
    version: row.version,
    parentVersion: row.parent_version,
    createdAt: row.created_at,
    author: row.author,
    note: row.note,
    payload: upgradeScenarioPayload(JSON.parse(row.payload)),
  };
}

/** Input for creating a scenario with its first version. */
export type NewScenario = {
  name: string;
  description: string;
  author: string;
  parent: VersionRef | null;
  payload: ScenarioPayload;
  note: string;
};

/** Creates a scenario and its version 1 in one transaction; returns its id. */
export function insertScenario(db: Database.Database, s: NewScenario, now = new Date().toISOString()): ScenarioId {
  return db.transaction(() => {
    const info = db
      .prepare('INSERT INTO scenarios (name, description, author, created_at, updated_at, parent_id, parent_version) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(s.name, s.description, s.author, now, now, s.parent?.scenarioId ?? null, s.parent?.version ?? null);
    const id = Number(info.lastInsertRowid) as ScenarioId;
    db.prepare('INSERT INTO scenario_versions (scenario_id, version, parent_version, created_at, author, note, payload) VALUES (?, 1, NULL, ?, ?, ?, ?)').run(
      id,
      now,
      s.author,
      s.note,
      JSON.stringify(s.payload),
    );
    return id;
  })();
}

/** Creates a scenario (version 1 = s.payload) and saves next as its version 2, all in one transaction. */
export function insertScenarioWithVersion(db: Database.Database, s: NewScenario, next: { payload: ScenarioPayload; note: string }, now = new Date().toISOString()): VersionRef {
  return db.transaction(() => {
    const id = insertScenario(db, s, now);
    return appendVersion(db, id, 1, next.payload, s.author, next.note, now)!;
  })();
}

/**
 * Appends a version after baseVersion. Returns null when baseVersion is no longer the head
 * (someone saved in between): versions are append-only, never overwritten.
 */
export function appendVersion(
  db: Database.Database,
  scenarioId: ScenarioId,
  baseVersion: number,
  payload: ScenarioPayload,
  author: string,
  note: string,
  now = new Date().toISOString(),
): VersionRef | null {
  return db.transaction(() => {
    const head = (db.prepare('SELECT coalesce(max(version), 0) AS v FROM scenario_versions WHERE scenario_id = ?').get(scenarioId) as { v: number }).v;
    if (head !== baseVersion) return null;
    const version = head + 1;
    db.prepare('INSERT INTO scenario_versions (scenario_id, version, parent_version, created_at, author, note, payload) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      scenarioId,
      version,
      baseVersion || null,
      now,
      author,
      note,
      JSON.stringify(payload),
    );
    db.prepare('UPDATE scenarios SET updated_at = ? WHERE id = ?').run(now, scenarioId);
    return { scenarioId, version };
  })();
}
