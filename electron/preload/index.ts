import { contextBridge, ipcRenderer } from 'electron';
import { APP_METHOD_NAMES } from '../../shared/contracts/app-api';
import type { HttpReply } from '../../shared/contracts/transport';

// Builds the API object from the contract's method list and exposes only that object
// (never ipcRenderer itself) to the isolated renderer.
const API_CHANNEL = 'tessera:call';
const client: Record<string, (arg: unknown) => Promise<unknown>> = {};
for (const method of APP_METHOD_NAMES) {
  client[method] = async (arg: unknown) => {
    const reply = (await ipcRenderer.invoke(API_CHANNEL, method, arg ?? {})) as HttpReply;
    if ('error' in reply) throw new Error(reply.error.message);
    return reply.result;
  };
}
contextBridge.exposeInMainWorld('tessera', client);
