import type { AppClient, TrackedCall } from '../../shared/contracts/transport';
import { createHttpClient, httpCall } from './http-client';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in browser mode. */
    tessera?: AppClient;
    /** Set by the Electron preload: one call under a key, for call.status / call.cancel. */
    tesseraTracked?: TrackedCall;
  }
}

/** The API: IPC in the desktop app, HTTP in browser mode. */
export const api: AppClient = window.tessera ?? createHttpClient();

/** One cancellable long call under the caller's key (see ./long-call.ts). */
export const trackedCall: TrackedCall = window.tesseraTracked ?? httpCall();

/** True in the desktop app, where calls may name files on this machine; browser mode uploads and downloads instead. */
export const canUsePaths: boolean = Boolean(window.tessera);
