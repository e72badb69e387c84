import type Database from 'better-sqlite3';
import type { ColumnMapping, ImportKind } from '../../shared/domain/import/types';

/** A mapping the user saved in a workspace. */
export type SavedPreset = { name: string; kind: ImportKind; mapping: ColumnMapping; createdAt: string };

/** Lists the import mappings saved in the workspace, by name. */
export function listPresets(db: Database.Database): SavedPreset[] {
  const rows = db.prepare('SELECT name, kind, mapping, created_at FROM import_presets ORDER BY name').all() as { name: string; kind: ImportKind; mapping: string; created_at: string }[];
  return rows.map((r) => ({ name: r.name, kind: r.kind, mapping: JSON.parse(r.mapping) as ColumnMapping, createdAt: r.created_at }));
}

/** Saves (or replaces) a named mapping in the workspace. */
export function savePreset(db: Database.Database, name: string, kind: ImportKind, mapping: ColumnMapping): SavedPreset {
  const createdAt = new Date().toISOString();
  db.prepare('INSERT OR REPLACE INTO import_presets (name, kind, mapping, created_at) VALUES (?, ?, ?, ?)').run(name, kind, JSON.stringify(mapping), createdAt);
  return { name, kind, mapping, createdAt };
}
