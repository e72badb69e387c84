import { contextBridge, ipcRenderer } from 'electron';
import { APP_METHOD_NAMES } from '../../shared/contracts/app-api';
import type { HttpReply, TrackedCall } from '../../shared/contracts/transport';

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
// A cancellable long call under the renderer's key (see shared/contracts/api/call-api.ts).
const tracked: TrackedCall = async (method, arg, key) => {
  const reply = (await ipcRenderer.invoke(API_CHANNEL, method, arg ?? {}, key)) as HttpReply;
  if ('error' in reply) throw new Error(reply.error.message);
  return reply.result;
};
contextBridge.exposeInMainWorld('tesseraTracked', tracked);
