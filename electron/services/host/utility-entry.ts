// Entry of the desktop app's services process (bundled to out/main/services-host.cjs). In Electron it runs as a
// utilityProcess and speaks the protocol over process.parentPort; forked by plain Node (tests) it uses process.send.
import type { FromHost, ToHost } from './protocol';
import { serveHost } from './services-host';

type ParentPort = { postMessage: (m: unknown) => void; on: (e: 'message', fn: (ev: { data: unknown }) => void) => void };

const parentPort = (process as NodeJS.Process & { parentPort?: ParentPort }).parentPort;
if (parentPort) {
  serveHost({ send: (m: FromHost) => parentPort.postMessage(m), onMessage: (fn) => parentPort.on('message', (ev) => fn(ev.data as ToHost)) });
} else if (process.send) {
  const send = process.send.bind(process);
  serveHost({ send: (m: FromHost) => void send(m), onMessage: (fn) => process.on('message', (m) => fn(m as ToHost)) });
} else {
  throw new Error('The services host runs as an Electron utilityProcess or a forked Node process (it needs a message channel).');
}
