import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../electron/services/app-services';
import { startServer, type RunningServer } from '../../electron/server/server';
import { fillDataset, Workspace } from '../../electron/services/workspace';
import { tinyDataset, tinyPayload } from '../fixtures/tiny-dataset';

type Reply = { status: number; body: string };

function send(port: number, path: string, method: string, headers: Record<string, string>, body = ''): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      let data = '';
      res.on('data', (c) => (data += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: data }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('browser-mode server security', () => {
  let services: Services;
  let server: RunningServer;
  let good: Record<string, string>;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tessera-srv-'));
    const path = join(dir, 'w.tessera');
    Workspace.createWith(path, (db) => fillDataset(db, tinyDataset(), [{ name: 'P', description: '', payload: tinyPayload() }], 't', 'n')).close();
    mkdirSync(join(dir, 'r'));
    writeFileSync(join(dir, 'r', 'index.html'), '<html><head></head><body>app</body></html>');
    writeFileSync(join(dir, 'secret.txt'), 'do not serve');
    services = createServices({ mode: 'browser', workspace: path });
    server = await startServer({ api: services.api, rendererDir: join(dir, 'r'), port: 0 });
    good = { host: `127.0.0.1:${server.port}`, origin: `http://127.0.0.1:${server.port}`, 'x-tessera-token': server.token, 'content-type': 'application/json' };
  });
  afterAll(async () => {
    await server.close();
    services.close();
  });

  it('listens on loopback only and injects the per-launch token into the page', async () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
    const page = await send(server.port, '/', 'GET', { host: good.host! });
    expect(page.status).toBe(200);
    expect(page.body).toContain(`<meta name="tessera-token" content="${server.token}">`);
    expect(server.token).toMatch(/^[0-9a-f]{48}$/);
  });

  it('answers an API call with the token and our own Origin', async () => {
    const r = await send(server.port, '/api/app.info', 'POST', good, '{}');
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body).result.mode).toBe('browser');
  });

  it('refuses a call without the token or with a wrong one', async () => {
    const { 'x-tessera-token': _t, ...noToken } = good;
    expect((await send(server.port, '/api/workspace.info', 'POST', noToken, '{}')).status).toBe(401);
    expect((await send(server.port, '/api/workspace.info', 'POST', { ...good, 'x-tessera-token': 'f'.repeat(48) }, '{}')).status).toBe(401);
  });

  it('refuses a call from another origin even with the token', async () => {
    expect((await send(server.port, '/api/workspace.info', 'POST', { ...good, origin: 'http://evil.example' }, '{}')).status).toBe(403);
    const { origin: _o, ...noOrigin } = good;
    expect((await send(server.port, '/api/workspace.info', 'POST', noOrigin, '{}')).status).toBe(403);
  });

  it('refuses requests whose Host is not loopback (DNS rebinding)', async () => {
    expect((await send(server.port, '/', 'GET', { host: `evil.example:${server.port}` })).status).toBe(421);
  });

  it('does not serve files outside the renderer folder', async () => {
    const r = await send(server.port, '/..%2fsecret.txt', 'GET', { host: good.host! });
    expect(r.status).toBe(404);
    expect(r.body).not.toContain('do not serve');
  });

  it('answers malformed JSON and unknown methods with a 400 naming the problem', async () => {
    const bad = await send(server.port, '/api/workspace.info', 'POST', good, '{nope');
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).error.message).toMatch(/not valid JSON/);
    const unknown = await send(server.port, '/api/shell.exec', 'POST', good, '{}');
    expect(unknown.status).toBe(400);
    expect(JSON.parse(unknown.body).error.message).toMatch(/Unknown API method: shell.exec/);
  });
});
