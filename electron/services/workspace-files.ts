import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { FileSource, SavedWorkspace, ShareErrorCode, WorkspaceErrorCode, WorkspaceTarget } from '../../shared/contracts/app-api';
import { err, ok, type Result } from '../../shared/contracts/result';
import type { ServiceContext } from './context';

const EXT = '.tessera';

/** The file a WorkspaceTarget names: its path, or its name in the data folder (created on first use). */
export function targetPath(ctx: ServiceContext, t: WorkspaceTarget): Result<string, WorkspaceErrorCode> {
  if (t.path !== undefined) return ok(t.path);
  if (!ctx.dataDir) return err('not-found', `This app keeps no workspace folder, so "${t.name}" names nothing; give a file path.`);
  mkdirSync(ctx.dataDir, { recursive: true, mode: 0o700 });
  return ok(join(ctx.dataDir, t.name.endsWith(EXT) ? t.name : `${t.name}${EXT}`));
}

/** Workspace files in the data folder, newest first. */
export function listSavedWorkspaces(ctx: ServiceContext): SavedWorkspace[] {
  if (!ctx.dataDir) return [];
  let names: string[];
  try {
    names = readdirSync(ctx.dataDir).filter((n) => n.endsWith(EXT));
  } catch {
    return [];
  }
  return names
    .map((name) => {
      const s = statSync(join(ctx.dataDir!, name));
      return { name, bytes: s.size, modifiedAt: s.mtime.toISOString() };
    })
    .sort((a, b) => b.modifiedAt.localeCompare(a.modifiedAt));
}

/** The file a FileSource names: its path, or a complete upload's file (with the name it was uploaded under). */
export function sourcePath(ctx: ServiceContext, s: FileSource): Result<{ path: string; label: string | null }, ShareErrorCode> {
  if (s.path !== undefined) return ok({ path: s.path, label: null });
  const f = ctx.uploads.file(s.upload);
  return f.ok ? ok({ path: f.value.path, label: f.value.fileName }) : f;
}
