import { CALL_KEY_PATTERN } from '../../../shared/contracts/api/call-api';
import { CANCELLABLE_CALLS, isLongCall } from '../../../shared/contracts/long-calls';
import type { AppMethod } from '../../../shared/contracts/app-api';
import { createServices, type Services } from '../app-services';
import { setDemoDataDir } from '../demo/build-demo';
import { BadCallError, dispatch } from '../dispatch';
import { setPdfPrinter } from '../report/pdf-printer';
import type { Channel, FromHost, ToHost } from './protocol';

type Call = Extract<ToHost, { type: 'call' }>;

/**
 * Runs the app's services behind a message channel: `init` creates them (answering `ready` with the open
 * workspace, or `init-failed` with the reason), each `call` is validated and dispatched like over IPC or
 * HTTP and answered by `result` or `error`, `close` closes the workspace and answers `closed`.
 * Calls wait in two queues: every waiting quick call runs before the next long one (see LONG_CALLS), so
 * a cheap call that arrives while a dashboard is computed waits for that one computation at most. Long
 * calls run one at a time. A cancellable long call sent with a key (CANCELLABLE_CALLS) is tracked in
 * services.calls: it yields between its steps, so quick calls (call.status, call.cancel) are answered meanwhile.
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

  const quick: Call[] = [];
  const long: Call[] = [];
  let draining = false;
  let longRunning = false;
  /** Keys of the tracked calls running now, by call id (a protocol cancel of a running call stops it too). */
  const runningKeys = new Map<number, string>();
  const tracked = (m: Call): m is Call & { key: string } =>
    m.key !== undefined && CALL_KEY_PATTERN.test(m.key) && CANCELLABLE_CALLS.has(m.method as AppMethod);
  const run = (m: Call): Promise<void> => {
    const { id, method, arg } = m;
    if (!services) return Promise.resolve(channel.send({ type: 'error', id, code: 'internal', message: 'The services are not started.' }));
    const api = services.api;
    const call = (): Promise<unknown> => dispatch(api, method, arg);
    if (!tracked(m)) return call().then(answer(m), failed(m));
    runningKeys.set(id, m.key);
    return services.calls
      .run(m.key, call)
      .then(answer(m), failed(m))
      .finally(() => runningKeys.delete(id));
  };
  const answer =
    ({ id }: Call) =>
    (value: unknown): void =>
      channel.send({ type: 'result', id, value });
  const failed =
    ({ id, method }: Call) =>
    (e: unknown): void => {
      const bad = e instanceof BadCallError;
      if (!bad) console.error(`API ${method} failed:`, e);
      channel.send({ type: 'error', id, code: bad ? 'bad-call' : 'internal', message: (e as Error)?.message ?? String(e) });
    };
  // Runs after the messages that arrived meanwhile are queued: all quick calls, then the next long call when
  // none runs (it may yield between its steps; the queue moves on when it has answered).
  const drain = (): void => {
    draining = false;
    while (quick.length) void run(quick.shift()!);
    const next = longRunning ? undefined : long.shift();
    if (next) {
      longRunning = true;
      void run(next).finally(() => {
        longRunning = false;
        if (long.length || quick.length) schedule();
      });
    }
    if (quick.length || (long.length && !longRunning)) schedule();
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
        if (services && tracked(m)) services.calls.register(m.key, m.method);
        // call.status and call.cancel are answered on arrival: a long call checks for them between its steps.
        if (m.method === 'call.status' || m.method === 'call.cancel') return void run(m);
        (isLongCall(m.method) ? long : quick).push(m);
        return schedule();
      case 'cancel': {
        for (const queue of [quick, long]) {
          const i = queue.findIndex((c) => c.id === m.id);
          if (i >= 0) {
            const [c] = queue.splice(i, 1);
            if (tracked(c!)) services?.calls.cancel(c.key);
            channel.send({ type: 'error', id: m.id, code: 'cancelled', message: `${c!.method} was cancelled before it started.` });
          }
        }
        const key = runningKeys.get(m.id);
        if (key) services?.calls.cancel(key);
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
