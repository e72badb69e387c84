import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FromHost, HostInit } from './protocol';
import { createServicesClient, type ServicesClient } from './services-client';

const BOOT = fileURLToPath(new URL('./worker-boot.mjs', import.meta.url));

/**
 * Starts the services in a worker thread (browser mode), so a long call (a dashboard, a compare, a report)
 * runs off the server's request loop and other requests keep being answered. Resolves once the workspace
 * is open; rejects with the reason the services could not start.
 */
export async function startServicesWorker(init: HostInit): Promise<ServicesClient> {
  const worker = new Worker(BOOT);
  const client = createServicesClient(
    { send: (m) => worker.postMessage(m), onMessage: (fn) => worker.on('message', (m: FromHost) => fn(m)) },
    init,
  );
  worker.on('error', (e) => client.stopped(e.message));
  worker.on('exit', (code) => client.stopped(`the services thread exited (code ${code})`));
  try {
    await client.ready;
  } catch (e) {
    await worker.terminate();
    throw e;
  }
  return {
    ...client,
    close: async () => {
      await client.close();
      await worker.terminate();
    },
  };
}
