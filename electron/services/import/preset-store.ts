import { existsSync, readFileSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { err, ok, type Result } from '../../../shared/contracts/result';
import { autoMap, applyPreset, BUILTIN_PRESETS } from '../../../shared/domain/import/presets';
import type { ColumnMapping, ImportKind } from '../../../shared/domain/import/types';
import { listPresets } from '../../db/preset-repo';

const mappingSchema = z.record(z.string().min(1).max(64), z.string().max(500));

/**
 * Resolves a --mapping option: 'auto', a built-in preset (salesforce, hubspot, plain), a preset saved in
 * the workspace, or a JSON file of field -> header.
 */
export function resolveMapping(db: Database.Database, kind: ImportKind, spec: string, headers: readonly string[]): Result<ColumnMapping, 'bad-mapping'> {
  if (spec === 'auto') return ok(autoMap(kind, headers).mapping);
  const builtin = BUILTIN_PRESETS[spec];
  if (builtin) return ok(applyPreset(builtin, kind, headers));
  const saved = listPresets(db).find((p) => p.name === spec);
  if (saved) return ok(saved.mapping);
  if (!existsSync(spec)) {
    return err('bad-mapping', `Unknown mapping "${spec}": use auto, salesforce, hubspot, plain, a preset saved in the workspace, or a JSON file.`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(spec, 'utf8'));
  } catch (e) {
    return err('bad-mapping', `${spec} is not valid JSON: ${(e as Error).message}`);
  }
  const m = mappingSchema.safeParse(parsed);
  if (!m.success) return err('bad-mapping', `${spec} must be a JSON object of field -> column header.`);
  return ok(m.data);
}
