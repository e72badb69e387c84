import { parentPort } from 'node:worker_threads';
import type { FromHost, ToHost } from './protocol';
import { serveHost } from './services-host';

// The services in a worker thread (browser mode): the protocol over the thread's parent port.
if (!parentPort) throw new Error('worker-entry.ts runs as a worker thread (see startServicesWorker).');
const port = parentPort;
serveHost(
  { send: (m: FromHost) => port.postMessage(m), onMessage: (fn: (m: ToHost) => void) => port.on('message', fn) },
  () => port.close(),
);
