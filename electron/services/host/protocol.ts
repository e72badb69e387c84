// The message protocol between a transport (Electron main, the browser-mode server) and the process or
// thread that hosts the services (an Electron utilityProcess, a worker thread, a forked Node process).
// Every message is structured-clone safe (Uint8Array results cross as they are).
import type { WorkspaceInfo } from '../../../shared/contracts/app-api';
import type { ServicesOptions } from '../app-services';

/** What the host needs to create the services (no callbacks: they cannot cross). */
export type HostInit = {
  options: Omit<ServicesOptions, 'onWorkspaceChanged'>;
  /** Folder of the demo tables (the packaged desktop app's resources); default: next to the code. */
  demoDataDir?: string | null;
  /** True when the transport prints PDFs for the host (Electron's printToPDF, which only main can run). */
  printsPdf?: boolean;
};

/** Messages to the host. */
export type ToHost =
  | { type: 'init'; init: HostInit }
  /** key (optional) names a cancellable long call for call.status / call.cancel (see shared/contracts/api/call-api.ts). */
  | { type: 'call'; id: number; method: string; arg: unknown; key?: string }
  /** The caller gave up (the browser closed the request): a call still waiting is dropped (call.cancel also stops a running one). */
  | { type: 'cancel'; id: number }
  /** Answer to a host's request (e.g. a PDF printed by main). */
  | { type: 'reply'; id: number; ok: true; value: unknown }
  | { type: 'reply'; id: number; ok: false; message: string }
  | { type: 'close' };

/** Why a call failed: the call itself was invalid, the service threw, or it was cancelled before it started. */
export type HostErrorCode = 'bad-call' | 'internal' | 'cancelled';

/** Messages from the host. */
export type FromHost =
  | { type: 'ready'; info: WorkspaceInfo }
  | { type: 'init-failed'; message: string }
  | { type: 'result'; id: number; value: unknown }
  | { type: 'error'; id: number; code: HostErrorCode; message: string }
  /** The host asks the transport for something only it can do (print a PDF in Electron's main process). */
  | { type: 'request'; id: number; kind: 'pdf'; html: string }
  | { type: 'closed' };

/** One end of a message channel, whatever carries it (worker_threads, child_process, utilityProcess). */
export type Channel<In, Out> = {
  send: (m: Out) => void;
  onMessage: (fn: (m: In) => void) => void;
};
