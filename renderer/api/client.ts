import type { AppClient } from '../../shared/contracts/transport';
import { createHttpClient } from './http-client';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in browser mode. */
    tessera?: AppClient;
  }
}

/** The API: IPC in the desktop app, HTTP in browser mode. */
export const api: AppClient = window.tessera ?? createHttpClient();

/** True in the desktop app, where calls may name files on this machine; browser mode uploads and downloads instead. */
export const canUsePaths: boolean = Boolean(window.tessera);
