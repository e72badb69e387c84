import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, send, sendRaw, startTestServer, type TestServer } from './helpers/test-server';

// Browser mode must survive anything a local process or a web page (via <img>, fetch, forms) can send:
// bad requests get a 4xx, a failing service a 500, and the server keeps answering afterwards.
describe('browser-mode server robustness', () => {
  let t: TestServer;
  let small: TestServer;
  const alive = async (s: TestServer = t): Promise<void> => {
    expect((await send(s.server.port, '/healthz', 'GET', { host: s.good.host! })).body).toBe('ok');
    expect((await api(s.server.port, 'app.info', {}, s.good)).status).toBe(200);
  };

  beforeAll(async () => {
    t = await startTestServer({
      api: {
        'app.info': async () => {
          throw new Error('boom in a service');
        },
        // A result JSON cannot encode: the reply itself fails after the service succeeded.
        'workspace.list': async () => [{ name: 'x', bytes: 1n as unknown as number, modifiedAt: '' }],
      },
    });
    small = await startTestServer({ maxBodyBytes: 1024 });
  });
  afterAll(async () => {
    await t.close();
    await small.close();
  });

  it.each(['/%zz', '/%', '/%ff', '/..%c0%af..', '/assets/%E0%A4%A', '/%00', '/a%00.js'])('answers the malformed path %s with 400 and keeps running', async (path) => {
    const r = await send(t.server.port, path, 'GET', { host: t.good.host! });
    expect(r.status).toBe(400);
    expect(r.body).toMatch(/Malformed/);
    expect((await send(t.server.port, '/healthz', 'GET', { host: t.good.host! })).body).toBe('ok');
  });

  it('answers malformed request lines, absolute-form URLs and garbage bytes with 400', async () => {
    for (const raw of [`GET http://[ HTTP/1.1\r\nHost: ${t.good.host}\r\nConnection: close\r\n\r\n`, 'GARBAGE\r\n\r\n', `GET / HTTP/1.1\r\nHost ${t.good.host}\r\n\r\n`, '\x00\x01\x02\r\n\r\n']) {
      expect(await sendRaw(t.server.port, raw)).toMatch(/^HTTP\/1\.1 400/);
    }
    const r = await send(t.server.port, 'http://127.0.0.1:1/%zz', 'GET', { host: t.good.host! });
    expect(r.status).toBe(400);
    await alive(small);
  });

  it('answers oversized headers with 431', async () => {
    const reply = await sendRaw(t.server.port, `GET / HTTP/1.1\r\nHost: ${t.good.host}\r\nX-Big: ${'a'.repeat(64 * 1024)}\r\n\r\n`);
    expect(reply).toMatch(/^HTTP\/1\.1 431/);
    expect((await send(t.server.port, '/healthz', 'GET', { host: t.good.host! })).body).toBe('ok');
  });

  it('answers HEAD without a body and serves static files with their length', async () => {
    const head = await send(t.server.port, '/app.js', 'HEAD', { host: t.good.host! });
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe('14');
    expect(head.body).toBe('');
    expect((await send(t.server.port, '/app.js', 'GET', { host: t.good.host! })).body).toBe('console.log(1)');
    expect((await send(t.server.port, '/api/app.info', 'HEAD', t.good)).status).toBe(405);
  });

  it('turns an exception in a service into a 500 naming it, and keeps running', async () => {
    const r = await api(t.server.port, 'app.info', {}, t.good);
    expect(r.status).toBe(500);
    expect(r.body.error).toEqual({ code: 'internal', message: 'Internal error: boom in a service' });
    const unencodable = await api(t.server.port, 'workspace.list', {}, t.good);
    expect(unencodable.status).toBe(500);
    expect((await api(t.server.port, 'workspace.info', {}, t.good)).status).toBe(200);
  });

  it('refuses a body whose Content-Length is over the limit with a 413 naming the limit, before reading it', async () => {
    const r = await sendRaw(small.server.port, `POST /api/workspace.info HTTP/1.1\r\nHost: ${small.good.host}\r\nOrigin: ${small.good.origin}\r\nCookie: ${small.good.cookie}\r\nContent-Type: application/json\r\nContent-Length: 5000000000\r\n\r\n{}`);
    expect(r).toMatch(/^HTTP\/1\.1 413/);
    expect(r).toContain('"code":"too-large"');
    expect(r).toContain("server's limit of 1024 bytes");
    await alive(small);
  });

  it('refuses a chunked body with a 413 as soon as it grows past the limit', async () => {
    const reply = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: small.server.port, path: '/api/workspace.info', method: 'POST', headers: { ...small.good } }, (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', (e: NodeJS.ErrnoException) => (e.code === 'EPIPE' || e.code === 'ECONNRESET' ? undefined : reject(e)));
      // No Content-Length: the size shows only while streaming. Keep writing until the server answers.
      let answered = false;
      const pump = (): void => {
        if (answered || req.destroyed) return;
        if (req.write(' '.repeat(512))) setImmediate(pump);
        else req.once('drain', pump);
      };
      req.once('response', () => (answered = true));
      pump();
    });
    expect(reply.status).toBe(413);
    expect(JSON.parse(reply.body).error.message).toMatch(/limit of 1024 bytes/);
    await alive(small);
  });

  it('refuses compressed request bodies with 415', async () => {
    const r = await api(t.server.port, 'workspace.info', {}, { ...t.good, 'content-encoding': 'gzip' });
    expect(r.status).toBe(415);
    expect(r.body.error?.message).toMatch(/must not be compressed/);
  });

  it('logs a server-level error after start instead of ending the process', async () => {
    for (let i = 0; i < 2; i++) expect(() => small.server.server.emit('error', new Error('EMFILE: too many open files'))).not.toThrow();
    await alive(small);
  });

  it('keeps running when a client aborts in the middle of a body', async () => {
    await new Promise<void>((resolve) => {
      const req = request({ host: '127.0.0.1', port: small.server.port, path: '/api/workspace.info', method: 'POST', headers: { ...small.good, 'content-length': '900' } });
      req.on('error', () => resolve());
      req.write('{"a":', () => setImmediate(() => req.destroy()));
      req.on('close', () => resolve());
    });
    await alive(small);
  });
});
