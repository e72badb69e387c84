import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppApi } from '../../../shared/contracts/app-api';
import { createServices, type Services } from '../../../electron/services/app-services';
import { startServer, type RunningServer } from '../../../electron/server/server';
import { fillDataset, Workspace } from '../../../electron/services/workspace';
import { tinyDataset, tinyPayload } from '../../fixtures/tiny-dataset';

/** A reply as the tests see it. */
export type Reply = { status: number; headers: Record<string, string | string[] | undefined>; body: string };

/** A browser-mode server over a tiny workspace, with the headers a page that opened the launch link sends. */
export type TestServer = { dir: string; services: Services; server: RunningServer; good: Record<string, string>; close: () => Promise<void> };

/** Starts services (data folder in a temp dir) and a server on a free port; api overrides replace handlers. */
export async function startTestServer(opts: { maxBodyBytes?: number; api?: Partial<AppApi> } = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'tessera-srv-'));
  const path = join(dir, 'w.tessera');
  Workspace.createWith(path, (db) => fillDataset(db, tinyDataset(), [{ name: 'P', description: '', payload: tinyPayload() }], 't', 'n')).close();
  mkdirSync(join(dir, 'r'));
  writeFileSync(join(dir, 'r', 'index.html'), '<html><head></head><body>app</body></html>');
  writeFileSync(join(dir, 'r', 'app.js'), 'console.log(1)');
  writeFileSync(join(dir, 'secret.txt'), 'do not serve');
  const services = createServices({ mode: 'browser', workspace: path, dataDir: join(dir, 'data') });
  const server = await startServer({ api: { ...services.api, ...opts.api }, rendererDir: join(dir, 'r'), port: 0, ...(opts.maxBodyBytes ? { maxBodyBytes: opts.maxBodyBytes } : {}) });
  const good = {
    host: `127.0.0.1:${server.port}`,
    origin: `http://127.0.0.1:${server.port}`,
    cookie: `${server.session.cookieName}=${server.session.token}`,
    'content-type': 'application/json',
  };
  return {
    dir,
    services,
    server,
    good,
    close: async () => {
      await server.close();
      services.close();
    },
  };
}

/** One HTTP request; resolves with the reply even when the server closes the connection right after it. */
export function send(port: number, path: string, method: string, headers: Record<string, string>, body: string | Buffer = ''): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      let data = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (data += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: data }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Writes raw bytes to the server and returns whatever comes back until it closes the connection. */
export function sendRaw(port: number, bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(bytes));
    let data = '';
    socket.setEncoding('utf8');
    socket.on('data', (c: string) => (data += c));
    socket.on('end', () => resolve(data));
    socket.on('close', () => resolve(data));
    socket.on('error', (e: NodeJS.ErrnoException) => (e.code === 'ECONNRESET' || e.code === 'EPIPE' ? resolve(data) : reject(e)));
  });
}

/** POSTs an API call with the given headers and returns status and parsed body. */
export async function api(port: number, method: string, arg: unknown, headers: Record<string, string>): Promise<{ status: number; body: { result?: unknown; error?: { code: string; message: string } } }> {
  const r = await send(port, `/api/${method}`, 'POST', headers, JSON.stringify(arg));
  return { status: r.status, body: JSON.parse(r.body) as never };
}
