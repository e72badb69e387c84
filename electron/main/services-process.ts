import { utilityProcess } from 'electron';
import type { FromHost, HostInit } from '../services/host/protocol';
import { createServicesClient, type ServicesClient } from '../services/host/services-client';
import { electronPdfPrinter } from './pdf-window';

/**
 * Starts the services in an Electron utilityProcess (entry: out/main/services-host.cjs), so no service call
 * blocks the window or its menus. Main keeps what only it can do: dialogs (the menu asks for a path, then
 * calls the services with it) and printing PDFs with printToPDF, which the services request over the channel.
 */
export function startServicesProcess(entry: string, init: HostInit): ServicesClient {
  const child = utilityProcess.fork(entry, [], { serviceName: 'Tessera services', stdio: 'inherit' });
  const printer = electronPdfPrinter();
  const client = createServicesClient(
    { send: (m) => child.postMessage(m), onMessage: (fn) => child.on('message', (m: FromHost) => fn(m)) },
    init,
    { pdf: (html) => printer.print(html) },
  );
  child.on('exit', (code) => client.stopped(`the services process exited (code ${code})`));
  client.ready.catch(() => child.kill());
  return {
    ...client,
    close: async () => {
      await client.close();
      child.kill();
    },
  };
}
