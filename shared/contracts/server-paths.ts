import type { AppMethod } from './app-api';

const UPLOAD = 'upload the file (upload.begin, then upload.chunk) and pass { upload: <id> }';
const DATA_FOLDER = "pass { name } to use a workspace in the server's own data folder (workspace.list names them)";

/**
 * Methods whose argument may name a file on the machine that runs the services, with what a browser
 * uses instead. Only the desktop app (IPC) and the CLI may pass such a path; the browser-mode server
 * refuses any call to one of these methods whose argument carries `path`.
 */
export const SERVER_PATH_METHODS = {
  'workspace.open': DATA_FOLDER,
  'workspace.create': DATA_FOLDER,
  'workspace.saveAs': DATA_FOLDER,
  'workspace.createFromBoundaries': `${DATA_FOLDER} as target, and ${UPLOAD} as source`,
  'share.saveCopy': DATA_FOLDER,
  'import.previewPath': 'send the first bytes of the file with import.preview',
  'import.begin': 'leave out path and stream the file with import.chunk',
  'export.run': 'leave out path; the export comes back in the reply for download',
  'share.export': 'leave out path; the file comes back in the reply for download',
  'share.inspect': UPLOAD,
  'share.open': UPLOAD,
  'share.import': UPLOAD,
  'import.boundaries': UPLOAD,
} as const satisfies Partial<Record<AppMethod, string>>;

/** Why a call may not run over HTTP (it names a server-side path), or null when it may. */
export function desktopOnlyRefusal(method: AppMethod, arg: unknown): string | null {
  if (!Object.prototype.hasOwnProperty.call(SERVER_PATH_METHODS, method)) return null;
  if (typeof arg !== 'object' || arg === null) return null;
  // A path at the top or one level down (e.g. { target: { path }, source: { upload } }).
  const nested = Object.values(arg).some((v) => typeof v === 'object' && v !== null && 'path' in v);
  if (!('path' in arg) && !nested) return null;
  const instead = SERVER_PATH_METHODS[method as keyof typeof SERVER_PATH_METHODS];
  return `${method} with a file path works only in the desktop app and the CLI: browser mode never reads or writes a path the page names. Instead, ${instead}.`;
}
