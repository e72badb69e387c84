import { APP_METHOD_NAMES, type AppApi, type WorkspaceInfo } from '../../../shared/contracts/app-api';
import { BadCallError } from '../dispatch';
import type { Channel, FromHost, HostInit, ToHost } from './protocol';

/** The transport's view of services running elsewhere. */
export type ServicesClient = {
  /** The whole AppApi; every call crosses to the host (invalid calls reject with BadCallError, as dispatch does). */
  api: AppApi;
  /** Resolves with the open workspace once the host has created the services; rejects with why it could not. */
  ready: Promise<WorkspaceInfo>;
  /**
   * One call by name; aborting signal drops the call when it has not started yet (it then rejects with
   * CancelledCallError) and stops a running tracked one. key names a cancellable long call for call.status / call.cancel.
   */
  call: (method: string, arg: unknown, signal?: AbortSignal, key?: string) => Promise<unknown>;
  /** Asks the host to close the workspace; resolves when it has (or the host is gone). */
  close: () => Promise<void>;
};

/** A call dropped by its caller before the services started it. */
export class CancelledCallError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CancelledCallError';
  }
}

/** What the transport does for the host on request (only Electron's main can print with printToPDF). */
export type HostRequests = { pdf?: (html: string) => Promise<Uint8Array> };

/**
 * Connects to a services host over a channel (see serveHost) and starts it with init. `stopped` is called by
 * the owner when the host process or thread ends; every call still waiting then fails with that reason.
 */
export function createServicesClient(
  channel: Channel<FromHost, ToHost>,
  init: HostInit,
  requests: HostRequests = {},
): ServicesClient & { stopped: (why: string) => void } {
  let nextId = 1;
  let gone: string | null = null;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let started!: { resolve: (i: WorkspaceInfo) => void; reject: (e: Error) => void };
  const ready = new Promise<WorkspaceInfo>((resolve, reject) => (started = { resolve, reject }));
  let closed: (() => void) | null = null;

  channel.onMessage((m) => {
    switch (m.type) {
      case 'ready':
        return started.resolve(m.info);
      case 'init-failed':
        return started.reject(new Error(m.message));
      case 'result':
      case 'error': {
        const p = pending.get(m.id);
        pending.delete(m.id);
        if (!p) return;
        if (m.type === 'result') p.resolve(m.value);
        else p.reject(m.code === 'bad-call' ? new BadCallError(m.message) : m.code === 'cancelled' ? new CancelledCallError(m.message) : new Error(m.message));
        return;
      }
      case 'request': {
        const handler = requests[m.kind];
        if (!handler) return channel.send({ type: 'reply', id: m.id, ok: false, message: `This transport cannot ${m.kind}.` });
        handler(m.html).then(
          (value) => channel.send({ type: 'reply', id: m.id, ok: true, value }),
          (e: unknown) => channel.send({ type: 'reply', id: m.id, ok: false, message: (e as Error)?.message ?? String(e) }),
        );
        return;
      }
      case 'closed':
        closed?.();
        return;
    }
  });

  const call = (method: string, arg: unknown, signal?: AbortSignal, key?: string): Promise<unknown> => {
    if (gone) return Promise.reject(new Error(gone));
    return new Promise((resolve, reject) => {
      const id = nextId++;
      const cancel = (): void => channel.send({ type: 'cancel', id });
      const settle = (): void => signal?.removeEventListener('abort', cancel);
      pending.set(id, { resolve: (v) => (settle(), resolve(v)), reject: (e) => (settle(), reject(e)) });
      channel.send({ type: 'call', id, method, arg, ...(key ? { key } : {}) });
      if (signal?.aborted) cancel();
      else signal?.addEventListener('abort', cancel, { once: true });
    });
  };
  const api = Object.fromEntries(APP_METHOD_NAMES.map((m) => [m, (arg: unknown) => call(m, arg)])) as unknown as AppApi;
  channel.send({ type: 'init', init });

  return {
    api,
    call,
    ready,
    close: () =>
      gone
        ? Promise.resolve()
        : new Promise<void>((resolve) => {
            closed = resolve;
            channel.send({ type: 'close' });
          }),
    stopped: (why) => {
      gone = `The services stopped: ${why}`;
      started.reject(new Error(gone));
      for (const p of pending.values()) p.reject(new Error(gone));
      pending.clear();
      closed?.();
    },
  };
}
