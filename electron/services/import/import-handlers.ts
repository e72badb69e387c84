import { checkpoint } from '../long-call';
import type { ImportApi, ImportErrorCode, ImportKind, ImportPreview } from '../../../shared/contracts/api/import-api';
import { err, ok, type Result } from '../../../shared/contracts/result';
import { BUILTIN_PRESETS } from '../../../shared/domain/import/presets';
import type { ServiceContext } from '../context';
import { readOnlyError } from '../context';
import { previewFile, readHead } from './import-service';
import { ImportSessions } from './import-sessions';
import { listPresets, savePreset } from '../../db/preset-repo';
import { resolveMapping } from './preset-store';
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { sourcePath } from '../workspace-files';
import { importBoundaries, readBoundaryBytes } from './boundary-import';

/** Handlers of import.* over the open workspace. */
export function importHandlers(ctx: ServiceContext): ImportApi {
  const sessions = new ImportSessions();
  return {
    'import.preview': async ({ kind, head, truncated, preset, ...corrections }) => {
      return withPreset(ctx, kind, preset, await previewFile(kind, Buffer.from(head, 'base64'), truncated, withoutFileName(corrections)));
    },
    'import.previewPath': async ({ kind, path, preset, ...corrections }) => {
      if (!existsSync(path)) return err('not-found', `No file at ${path}.`);
      const { head, truncated } = readHead(path);
      return withPreset(ctx, kind, preset, await previewFile(kind, head, truncated, corrections));
    },
    'import.begin': async ({ kind, read, mapping, path, totalBytes, generateIds }) => {
      const ws = ctx.ws();
      if (ws.readOnly) return readOnlyError(ws);
      return sessions.begin(ws, { kind, read, mapping, generateIds }, path, totalBytes);
    },
    'import.chunk': async ({ sessionId, seq, data }) => sessions.chunk(sessionId, seq, Buffer.from(data, 'base64')),
    'import.finish': async ({ sessionId }) => sessions.finish(sessionId),
    'import.status': async ({ sessionId }) => sessions.status(sessionId),
    'import.cancel': async ({ sessionId }) => sessions.cancel(sessionId),
    'import.presets': async () => listPresets(ctx.ws().db),
    'import.savePreset': async ({ name, kind, mapping }) => {
      const ws = ctx.ws();
      if (ws.readOnly) return readOnlyError(ws);
      return ok(savePreset(ws.db, name, kind, mapping));
    },
    'import.boundaries': async ({ idField, ...source }) => {
      const ws = ctx.ws();
      if (ws.readOnly) return readOnlyError(ws);
      const file = sourcePath(ctx, source);
      // An upload that is unknown or not yet complete: there is no file to read.
      if (!file.ok) return err('not-found', file.error.message);
      if (!existsSync(file.value.path)) return err('not-found', `No file at ${file.value.path}.`);
      await checkpoint('Reading the boundary file', 0, 4);
      const read = await readBoundaryBytes(readFileSync(file.value.path));
      if (!read.ok) return read;
      await checkpoint(`Matching ${read.value.collection.features.length.toLocaleString('en-US')} shapes to units`, 1, 4);
      return await importBoundaries(ws, read.value.collection, file.value.label ?? basename(file.value.path), idField);
    },
  };
}

/** Applies a named preset (built-in or saved; never a file path, which a browser client must not reach) to a preview. */
function withPreset(ctx: ServiceContext, kind: ImportKind, preset: string | undefined, res: Result<ImportPreview, ImportErrorCode>): Result<ImportPreview, ImportErrorCode> {
  if (!res.ok || !preset) return res;
  const db = ctx.ws().db;
  if (!BUILTIN_PRESETS[preset] && !listPresets(db).some((p) => p.name === preset)) return err('bad-mapping', `No mapping preset named "${preset}".`);
  const m = resolveMapping(db, kind, preset, res.value.columns);
  if (!m.ok) return m;
  const used = new Set(Object.values(m.value));
  return ok({ ...res.value, mapping: m.value, unmapped: res.value.columns.filter((c) => !used.has(c)) });
}

function withoutFileName<T extends { fileName?: string }>(o: T): Omit<T, 'fileName'> {
  const { fileName: _fileName, ...rest } = o;
  return rest;
}
