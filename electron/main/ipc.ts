import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { CALL_KEY_PATTERN } from '../../shared/contracts/api/call-api';
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
 * With call (the services process's client), a third argument, the caller's key of a cancellable long
 * call, goes along with it (see shared/contracts/api/call-api.ts).
 */
export function registerIpc(getApi: () => AppApi, rendererUrl: string, call?: (method: string, arg: unknown, signal?: AbortSignal, key?: string) => Promise<unknown>): void {
  ipcMain.handle(API_CHANNEL, async (event, method: unknown, arg: unknown, key: unknown) => {
    if (!trustedSender(event, rendererUrl)) return { error: { code: 'sender', message: 'Untrusted sender' } };
    if (typeof method !== 'string') return { error: { code: 'bad-call', message: 'Method name must be a string' } };
    if (key !== undefined && (typeof key !== 'string' || !CALL_KEY_PATTERN.test(key))) return { error: { code: 'bad-call', message: 'A call key is 8 to 64 letters, digits or dashes' } };
    try {
      return { result: await (call && key ? call(method, arg, undefined, key) : dispatch(getApi(), method, arg)) };
    } catch (e) {
      const bad = e instanceof BadCallError;
      if (!bad) console.error(`API ${method} failed:`, e);
      return { error: { code: bad ? 'bad-call' : 'internal', message: (e as Error).message } };
    }
  });
}
