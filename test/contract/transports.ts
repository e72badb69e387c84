import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppArg, AppMethod, AppReturn } from '../../shared/contracts/app-api';
import { createServices, type Services } from '../../electron/services/app-services';
import { dispatch } from '../../electron/services/dispatch';
import { fillDataset, Workspace } from '../../electron/services/workspace';
import { startServer, type RunningServer } from '../../electron/server/server';
import { createHttpClient } from '../../renderer/api/http-client';
import { tinyDataset, tinyPayload } from '../fixtures/tiny-dataset';

// The transports every contract test runs over: the services called directly (through the same validating
// dispatch IPC uses) and the browser-mode HTTP server with the renderer's HTTP client.
export type Call = <M extends AppMethod>(method: M, arg: AppArg<M>) => Promise<AppReturn<M>>;
// serverPaths: whether the transport may name files on the services' machine (not over HTTP).
export type Transport = { name: string; serverPaths: boolean; setup: (workspace: string) => Promise<{ call: Call; raw: (m: string, a: unknown) => Promise<unknown>; close: () => Promise<void> }> };

const root = mkdtempSync(join(tmpdir(), 'tessera-contract-'));
const rendererDir = join(root, 'renderer');
mkdirSync(rendererDir);
writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><html><head><title>t</title></head><body></body></html>');

export const transports: Transport[] = [
  {
    name: 'direct services',
    serverPaths: true,
    setup: async (workspace) => {
      const services: Services = createServices({ mode: 'direct', workspace, dataDir: mkdtempSync(join(tmpdir(), 'tessera-data-')) });
      const raw = (m: string, a: unknown): Promise<unknown> => dispatch(services.api, m, a);
      return { call: raw as Call, raw, close: async () => services.close() };
    },
  },
  {
    name: 'HTTP (browser mode)',
    serverPaths: false,
    setup: async (workspace) => {
      const services = createServices({ mode: 'browser', workspace, dataDir: mkdtempSync(join(tmpdir(), 'tessera-data-')) });
      const server: RunningServer = await startServer({ api: services.api, rendererDir, port: 0 });
      const client = createHttpClient(`http://127.0.0.1:${server.port}`);
      // Node's fetch sends no Origin and keeps no cookies; a browser page on our origin that opened the
      // launch link sends both, so the test does too.
      const cookie = `${server.session.cookieName}=${server.session.token}`;
      const origFetch = globalThis.fetch;
      globalThis.fetch = (input, init) =>
        origFetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), origin: `http://127.0.0.1:${server.port}`, cookie } });
      // Raw calls bypass the typed client so unknown method names reach the server too.
      const raw = async (m: string, a: unknown): Promise<unknown> => {
        const res = await fetch(`http://127.0.0.1:${server.port}/api/${m}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(a),
        });
        const body = (await res.json()) as { result?: unknown; error?: { message: string } };
        if (body.error) throw new Error(body.error.message);
        return body.result;
      };
      return {
        call: ((m: AppMethod, a: unknown) => (client[m] as (a: unknown) => Promise<unknown>)(a)) as Call,
        raw,
        close: async () => {
          globalThis.fetch = origFetch;
          await server.close();
          services.close();
        },
      };
    },
  },
];


/** A tiny workspace file (2x2 units, 6 accounts, 2 reps, scenario "Current plan") in a fresh temp folder. */
export function tinyWorkspaceFile(): string {
  const path = join(mkdtempSync(join(tmpdir(), 'tessera-ws-')), 'tiny.tessera');
  Workspace.createWith(path, (db) =>
    fillDataset(db, tinyDataset(), [{ name: 'Current plan', description: 'baseline', payload: tinyPayload() }], 'test', 'fixture'),
  ).close();
  return path;
}
