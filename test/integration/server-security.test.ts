import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_CHUNK_BYTES } from '../../shared/contracts/api/import-api';
import { SERVER_PATH_METHODS } from '../../shared/contracts/server-paths';
import { api, send, startTestServer, type TestServer } from './helpers/test-server';

describe('browser-mode server security', () => {
  let t: TestServer;
  let port: number;

  beforeAll(async () => {
    t = await startTestServer();
    port = t.server.port;
  });
  afterAll(async () => t.close());

  it('listens on loopback only and does not hand the session secret to whoever loads the page', async () => {
    expect(t.server.url).toBe(`http://127.0.0.1:${port}/`);
    expect(t.server.session.token).toMatch(/^[0-9a-f]{48}$/);
    for (const path of ['/', '/index.html', '/?launch=', `/?launch=${'0'.repeat(32)}`]) {
      const page = await send(port, path, 'GET', { host: t.good.host! });
      expect(page.status).toBeGreaterThanOrEqual(401);
      expect(page.body).not.toContain(t.server.session.token);
      expect(page.headers['set-cookie']).toBeUndefined();
      expect(page.body).toContain('launch link');
    }
  });

  it('exchanges the one-time launch code for an HttpOnly, SameSite=Strict cookie, once', async () => {
    // A separate server: its launch code is spent by this test.
    const s = await startTestServer();
    try {
      const path = new URL(s.server.launchUrl).pathname + new URL(s.server.launchUrl).search;
      const first = await send(s.server.port, path, 'GET', { host: s.good.host! });
      expect(first.status).toBe(303);
      expect(first.headers.location).toBe('/');
      const cookie = String(first.headers['set-cookie']);
      expect(cookie).toBe(`${s.server.session.cookieName}=${s.server.session.token}; HttpOnly; SameSite=Strict; Path=/`);
      const page = await send(s.server.port, '/', 'GET', { host: s.good.host!, cookie: cookie.split(';')[0]! });
      expect(page.status).toBe(200);
      expect(page.body).toContain('app');
      expect(page.body).not.toContain(s.server.session.token);
      const again = await send(s.server.port, path, 'GET', { host: s.good.host! });
      expect(again.status).toBe(403);
      expect(again.headers['set-cookie']).toBeUndefined();
    } finally {
      await s.close();
    }
  });

  it('answers an API call with the session cookie and our own Origin', async () => {
    const r = await api(port, 'app.info', {}, t.good);
    expect(r.status).toBe(200);
    expect((r.body.result as { mode: string }).mode).toBe('browser');
  });

  it('refuses a call without the session cookie or with a wrong one', async () => {
    const { cookie: _c, ...noCookie } = t.good;
    const none = await api(port, 'workspace.info', {}, noCookie);
    expect(none.status).toBe(401);
    expect(none.body.error?.message).toMatch(/open the launch link/);
    expect((await api(port, 'workspace.info', {}, { ...t.good, cookie: `${t.server.session.cookieName}=${'f'.repeat(48)}` })).status).toBe(401);
    // The secret under another port's cookie name does not count either.
    expect((await api(port, 'workspace.info', {}, { ...t.good, cookie: `tessera-session-1=${t.server.session.token}` })).status).toBe(401);
  });

  it('refuses a call from another origin even with the cookie', async () => {
    expect((await api(port, 'workspace.info', {}, { ...t.good, origin: 'http://evil.example' })).status).toBe(403);
    const { origin: _o, ...noOrigin } = t.good;
    expect((await api(port, 'workspace.info', {}, noOrigin)).status).toBe(403);
  });

  it('refuses requests whose Host is not loopback (DNS rebinding)', async () => {
    expect((await send(port, '/', 'GET', { host: `evil.example:${port}` })).status).toBe(421);
  });

  it('does not serve files outside the renderer folder', async () => {
    for (const path of ['/..%2fsecret.txt', '/%2e%2e/secret.txt', '/..%5csecret.txt']) {
      const r = await send(port, path, 'GET', { host: t.good.host! });
      expect(r.status).toBe(404);
      expect(r.body).not.toContain('do not serve');
    }
  });

  it('answers malformed JSON and unknown methods with a 400 naming the problem', async () => {
    const bad = await send(port, '/api/workspace.info', 'POST', t.good, '{nope');
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).error.message).toMatch(/not valid JSON/);
    const unknown = await api(port, 'shell.exec', {}, t.good);
    expect(unknown.status).toBe(400);
    expect(unknown.body.error?.message).toMatch(/Unknown API method: shell.exec/);
  });

  it('refuses every method that would take a path on the server, before it runs', async () => {
    const target = (name: string): string => join(t.dir, name);
    const calls: [string, Record<string, unknown>][] = [
      ['workspace.open', { path: join(t.dir, 'w.tessera') }],
      ['workspace.create', { path: target('created.tessera'), demo: false }],
      ['workspace.saveAs', { path: target('saved.tessera') }],
      ['share.saveCopy', { path: target('copy.tessera') }],
      ['import.previewPath', { kind: 'accounts', path: join(t.dir, 'secret.txt') }],
      ['import.begin', { kind: 'accounts', read: { encoding: 'utf-8', delimiter: ',', headerRow: 0 }, mapping: {}, path: join(t.dir, 'secret.txt') }],
      ['export.run', { scenario: 'P', format: 'assignments-csv', path: target('export.csv') }],
      ['share.export', { scenarios: [{ scenario: 'P' }], path: target('out.tessera') }],
      ['share.inspect', { path: join(t.dir, 'w.tessera') }],
      ['share.open', { path: join(t.dir, 'w.tessera') }],
      ['share.import', { path: join(t.dir, 'w.tessera') }],
      ['import.boundaries', { path: join(t.dir, 'secret.txt') }],
      ['workspace.createFromBoundaries', { target: { name: 'own' }, source: { path: join(t.dir, 'secret.txt') } }],
    ];
    expect(calls.map((c) => c[0]).sort()).toEqual(Object.keys(SERVER_PATH_METHODS).sort());
    for (const [method, arg] of calls) {
      const r = await api(port, method, arg, t.good);
      expect(r.status, method).toBe(403);
      expect(r.body.error?.code).toBe('desktop-only');
      expect(r.body.error?.message).toContain(`${method} with a file path works only in the desktop app and the CLI`);
    }
    for (const f of ['created.tessera', 'saved.tessera', 'copy.tessera', 'export.csv', 'out.tessera']) expect(existsSync(target(f)), f).toBe(false);
    expect(((await api(port, 'workspace.info', {}, t.good)).body.result as { name: string }).name).toBe('w.tessera');
  });

  it('downloads a scenario file, uploads it into a private folder and opens it by upload id', async () => {
    const exported = await api(port, 'export.run', { scenario: 'P', format: 'scenario-file' }, t.good);
    const file = (exported.body.result as { ok: true; value: { content: string; encoding: string; bytes: number } }).value;
    expect(file.encoding).toBe('base64');
    const bytes = Buffer.from(file.content, 'base64');
    expect(bytes.length).toBe(file.bytes);
    expect(bytes.subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0');

    const begun = await api(port, 'upload.begin', { fileName: '../../client.tessera', totalBytes: bytes.length }, t.good);
    const { uploadId, fileName } = (begun.body.result as { ok: true; value: { uploadId: string; fileName: string } }).value;
    expect(fileName).toBe('client.tessera');
    const early = await api(port, 'share.inspect', { upload: uploadId }, t.good);
    expect((early.body.result as { ok: false; error: { message: string } }).error.message).toMatch(/send the rest first/);
    for (let off = 0, seq = 0; off < bytes.length; off += IMPORT_CHUNK_BYTES, seq++) {
      const r = await api(port, 'upload.chunk', { uploadId, seq, data: bytes.subarray(off, off + IMPORT_CHUNK_BYTES).toString('base64') }, t.good);
      expect((r.body.result as { ok: boolean }).ok).toBe(true);
    }
    const info = await api(port, 'share.inspect', { upload: uploadId }, t.good);
    expect(info.body.result).toMatchObject({ ok: true, value: { path: 'client.tessera', isShareFile: true, scenarios: [{ name: 'P' }] } });
    const opened = await api(port, 'share.open', { upload: uploadId }, t.good);
    expect(opened.body.result).toMatchObject({ ok: true, value: { name: 'client.tessera', readOnly: true } });
    const path = (opened.body.result as { value: { path: string } }).value.path;
    expect(statSync(join(path, '..', '..')).mode & 0o077).toBe(0);

    const copy = await api(port, 'share.saveCopy', { name: 'my copy' }, t.good);
    expect(copy.body.result).toMatchObject({ ok: true, value: { name: 'my copy.tessera', readOnly: false } });
    expect(existsSync(join(t.dir, 'data', 'my copy.tessera'))).toBe(true);
    const escape = await api(port, 'share.saveCopy', { name: '../escape' }, t.good);
    expect(escape.status).toBe(400);
    expect(escape.body.error?.message).toMatch(/plain file name/);
  });
});
