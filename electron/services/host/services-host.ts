import { isLongCall } from '../../../shared/contracts/long-calls';
import { createServices, type Services } from '../app-services';
import { setDemoDataDir } from '../demo/build-demo';
import { BadCallError, dispatch } from '../dispatch';
import { setPdfPrinter } from '../report/pdf-printer';
import type { Channel, FromHost, ToHost } from './protocol';

/**
 * Runs the app's services behind a message channel: `init` creates them (answering `ready` with the open
 * workspace, or `init-failed` with the reason), each `call` is validated and dispatched like over IPC or
 * HTTP and answered by `result` or `error`, `close` closes the workspace and answers `closed`.
 * Calls wait in two queues: every waiting quick call runs before the next long one (see LONG_CALLS), so
 * a cheap call that arrives while a dashboard is computed waits for that one computation at most.
 * The transport's side is createServicesClient. Plain Node: the same code runs in an Electron utilityProcess,
 * a worker thread (browser mode) and a forked Node process (tests).
 */
export function serveHost(channel: Channel<ToHost, FromHost>, onClosed: () => void = () => undefined): void {
  let services: Services | null = null;
  let nextRequest = 1;
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  const ask = (m: { kind: 'pdf'; html: string }): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const id = nextRequest++;
      waiting.set(id, { resolve, reject });
      channel.send({ type: 'request', id, ...m });
    });

  const quick: Extract<ToHost, { type: 'call' }>[] = [];
  const long: Extract<ToHost, { type: 'call' }>[] = [];
  let draining = false;
  const run = ({ id, method, arg }: Extract<ToHost, { type: 'call' }>): void => {
    if (!services) return channel.send({ type: 'error', id, code: 'internal', message: 'The services are not started.' });
    dispatch(services.api, method, arg).then(
      (value) => channel.send({ type: 'result', id, value }),
      (e: unknown) => {
        const bad = e instanceof BadCallError;
        if (!bad) console.error(`API ${method} failed:`, e);
        channel.send({ type: 'error', id, code: bad ? 'bad-call' : 'internal', message: (e as Error)?.message ?? String(e) });
      },
    );
  };
  // Runs after the messages that arrived meanwhile are queued: all quick calls, then one long call, then yields.
  const drain = (): void => {
    draining = false;
    while (quick.length) run(quick.shift()!);
    const next = long.shift();
    if (next) run(next);
    if (long.length || quick.length) schedule();
  };
  const schedule = (): void => {
    if (draining) return;
    draining = true;
    setImmediate(drain);
  };

  channel.onMessage((m) => {
    switch (m.type) {
      case 'init': {
        if (services) return channel.send({ type: 'init-failed', message: 'The services are already started.' });
        try {
          if (m.init.demoDataDir !== undefined) setDemoDataDir(m.init.demoDataDir);
          if (m.init.printsPdf) setPdfPrinter({ engine: 'electron printToPDF', print: async (html) => (await ask({ kind: 'pdf', html })) as Uint8Array });
          services = createServices(m.init.options);
          channel.send({ type: 'ready', info: services.workspace().info() });
        } catch (e) {
          channel.send({ type: 'init-failed', message: (e as Error).message });
        }
        return;
      }
      case 'call':
        (isLongCall(m.method) ? long : quick).push(m);
        return schedule();
      case 'cancel': {
        for (const queue of [quick, long]) {
          const i = queue.findIndex((c) => c.id === m.id);
          if (i >= 0) {
            const [c] = queue.splice(i, 1);
            channel.send({ type: 'error', id: m.id, code: 'cancelled', message: `${c!.method} was cancelled before it started.` });
          }
        }
        return;
      }
      case 'reply': {
        const w = waiting.get(m.id);
        waiting.delete(m.id);
        if (m.ok) w?.resolve(m.value);
        else w?.reject(new Error(m.message));
        return;
      }
      case 'close': {
        services?.close();
        services = null;
        channel.send({ type: 'closed' });
        onClosed();
        return;
      }
    }
  });
}
