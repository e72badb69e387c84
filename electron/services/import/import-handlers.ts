import type { ImportApi } from '../../../shared/contracts/api/import-api';
import { err, ok } from '../../../shared/contracts/result';
import type { ServiceContext } from '../context';
import { readOnlyError } from '../context';
import { PREVIEW_BYTES, previewBytes, readHead } from './import-service';
import { ImportSessions } from './import-sessions';
import { listPresets, savePreset } from './preset-store';
import { existsSync } from 'node:fs';

/** Handlers of import.* over the open workspace. */
export function importHandlers(ctx: ServiceContext): ImportApi {
  const sessions = new ImportSessions();
  return {
    'import.preview': async ({ kind, head, truncated, ...corrections }) => {
      const bytes = Buffer.from(head, 'base64');
      return previewBytes(kind, bytes.subarray(0, PREVIEW_BYTES), truncated || bytes.length > PREVIEW_BYTES, withoutFileName(corrections));
    },
    'import.previewPath': async ({ kind, path, ...corrections }) => {
      if (!existsSync(path)) return err('not-found', `No file at ${path}.`);
      const { head, truncated } = readHead(path);
      return previewBytes(kind, head, truncated, corrections);
    },
    'import.begin': async ({ kind, read, mapping, path, totalBytes }) => {
      const ws = ctx.ws();
      if (ws.readOnly) return readOnlyError(ws);
      return sessions.begin(ws, { kind, read, mapping }, path, totalBytes);
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
  };
}

function withoutFileName<T extends { fileName?: string }>(o: T): Omit<T, 'fileName'> {
  const { fileName: _fileName, ...rest } = o;
  return rest;
}
