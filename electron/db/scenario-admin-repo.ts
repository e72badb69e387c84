import type Database from 'better-sqlite3';
import type { VersionMeta } from '../../shared/contracts/app-api';
import type { ScenarioId } from '../../shared/domain/ids';

/** Renames and/or redescribes a scenario; false when the new name is taken by another scenario. */
export function updateScenario(db: Database.Database, id: number, patch: { name?: string; description?: string }, now = new Date().toISOString()): boolean {
  if (patch.name !== undefined) {
    const other = db.prepare('SELECT id FROM scenarios WHERE name = ? AND id <> ?').get(patch.name, id);
    if (other) return false;
  }
  db.prepare('UPDATE scenarios SET name = coalesce(?, name), description = coalesce(?, description), updated_at = ? WHERE id = ?').run(
    patch.name ?? null,
    patch.description ?? null,
    now,
    id,
  );
  return true;
}

/** Archives or unarchives a scenario (hidden from the default list; kept with its history). */
export function setArchived(db: Database.Database, id: number, archived: boolean, now = new Date().toISOString()): void {
  db.prepare('UPDATE scenarios SET archived = ?, updated_at = ? WHERE id = ?').run(archived ? 1 : 0, now, id);
}

/**
 * Deletes a scenario and its versions in one transaction. Branches made from it keep existing and
 * lose only their parent link (the one place history is removed: an explicit, confirmed delete).
 */
export function deleteScenario(db: Database.Database, id: number): number {
  return db.transaction(() => {
    db.prepare('UPDATE scenarios SET parent_id = NULL, parent_version = NULL WHERE parent_id = ?').run(id);
    const n = db.prepare('DELETE FROM scenario_versions WHERE scenario_id = ?').run(id).changes;
    db.prepare('DELETE FROM scenarios WHERE id = ?').run(id);
    return n;
  })();
}

/** The versions of a scenario, newest first, without payloads. */
export function listVersions(db: Database.Database, scenarioId: ScenarioId): VersionMeta[] {
  const rows = db
    .prepare('SELECT version, parent_version, created_at, author, note FROM scenario_versions WHERE scenario_id = ? ORDER BY version DESC')
    .all(scenarioId) as { version: number; parent_version: number | null; created_at: string; author: string; note: string }[];
  return rows.map((r) => ({ scenarioId, version: r.version, parentVersion: r.parent_version, createdAt: r.created_at, author: r.author, note: r.note }));
}
