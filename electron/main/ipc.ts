import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { AppApi } from '../../shared/contracts/app-api';
import { BadCallError, dispatch } from '../services/dispatch';

/** IPC channel of API calls (one channel; the method name is the first argument). */
export const API_CHANNEL = 'tessera:call';

/** Only our own page (the built renderer file, or the dev server) may call the API. */
function trustedSender(event: IpcMainInvokeEvent, rendererUrl: string): boolean {
  const url = event.senderFrame?.url ?? '';
  return url.startsWith(rendererUrl);
}

/**
 * Registers the API on ipcMain: checks the sender frame, validates the method and its argument
 * against the contract (dispatch), and returns { result } or { error } (IPC keeps only the message of thrown errors).
 */
export function registerIpc(getApi: () => AppApi, rendererUrl: string): void {
  ipcMain.handle(API_CHANNEL, async (event, method: unknown, arg: unknown) => {
    if (!trustedSender(event, rendererUrl)) return { error: { code: 'sender', message: 'Untrusted sender' } };
    if (typeof method !== 'string') return { error: { code: 'bad-call', message: 'Method name must be a string' } };
    try {
      return { result: await dispatch(getApi(), method, arg) };
    } catch (e) {
      const bad = e instanceof BadCallError;
      if (!bad) console.error(`API ${method} failed:`, e);
      return { error: { code: bad ? 'bad-call' : 'internal', message: (e as Error).message } };
    }
  });
}
