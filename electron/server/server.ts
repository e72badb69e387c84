import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { AppApi } from '../../shared/contracts/app-api';
import { API_PREFIX, TOKEN_HEADER, TOKEN_META } from '../../shared/contracts/transport';
import { BadCallError, dispatch } from '../services/dispatch';

/** Options of the browser-mode server. */
export type ServeOptions = {
  api: AppApi;
  /** Folder of the built renderer (out/renderer). */
  rendererDir: string;
  port: number;
  /** Per-launch secret; random when omitted. */
  token?: string;
  /** Largest accepted request body in bytes. */
  maxBodyBytes?: number;
};

/** A running browser-mode server. */
export type RunningServer = { server: Server; url: string; port: number; token: string; close: () => Promise<void> };

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
  '.ico': 'image/x-icon',
};

function sendJson(req: IncomingMessage, res: ServerResponse, status: number, body: unknown): void {
  let data: Buffer = Buffer.from(JSON.stringify(body));
  const headers: Record<string, string> = { 'content-type': 'application/json', 'cache-control': 'no-store' };
  if (data.length > 1024 && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
    data = gzipSync(data, { level: 4 });
    headers['content-encoding'] = 'gzip';
  }
  res.writeHead(status, headers);
  res.end(data);
}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        reject(new BadCallError(`Request body larger than ${limit} bytes`));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Serves the built renderer and POST /api/<method> on 127.0.0.1 only. The API needs the per-launch
 * token (injected into index.html, which other origins cannot read), an Origin equal to our own
 * and a Host naming loopback (defeats DNS rebinding), so no other local web page can call it.
 */
export function startServer(opts: ServeOptions): Promise<RunningServer> {
  const token = opts.token ?? randomBytes(24).toString('hex');
  const rendererDir = resolve(opts.rendererDir);
  const indexPath = join(rendererDir, 'index.html');
  if (!existsSync(indexPath)) {
    return Promise.reject(new Error(`The renderer is not built (${indexPath} is missing). Run \`npm run build\` first.`));
  }
  const indexHtml = readFileSync(indexPath, 'utf8').replace('<head>', `<head>\n    <meta name="${TOKEN_META}" content="${token}">`);
  const maxBody = opts.maxBodyBytes ?? 64 * 1024 * 1024;
  let port = opts.port;

  const allowedHosts = (): Set<string> => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const allowedOrigins = (): Set<string> => new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);

  const handleApi = async (req: IncomingMessage, res: ServerResponse, method: string): Promise<void> => {
    if (req.method !== 'POST') return sendJson(req, res, 405, { error: { code: 'method', message: 'Use POST for API calls' } });
    const origin = req.headers.origin;
    if (!origin || !allowedOrigins().has(origin)) {
      return sendJson(req, res, 403, { error: { code: 'origin', message: `Origin not allowed: ${origin ?? '(none)'}` } });
    }
    const given = String(req.headers[TOKEN_HEADER] ?? '');
    if (!sameSecret(given, token)) return sendJson(req, res, 401, { error: { code: 'token', message: 'Missing or wrong API token' } });
    try {
      const text = await readBody(req, maxBody);
      let arg: unknown = {};
      if (text.trim()) {
        try {
          arg = JSON.parse(text);
        } catch {
          throw new BadCallError('Request body is not valid JSON');
        }
      }
      sendJson(req, res, 200, { result: await dispatch(opts.api, method, arg) });
    } catch (e) {
      const bad = e instanceof BadCallError;
      if (!bad) console.error(`API ${method} failed:`, e);
      sendJson(req, res, bad ? 400 : 500, { error: { code: bad ? 'bad-call' : 'internal', message: (e as Error).message } });
    }
  };

  const handleStatic = (req: IncomingMessage, res: ServerResponse, pathname: string): void => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    if (pathname === '/' || pathname === '/index.html') {
      res.writeHead(200, { 'content-type': MIME['.html']!, 'cache-control': 'no-store', 'x-frame-options': 'DENY' });
      res.end(indexHtml);
      return;
    }
    const file = normalize(join(rendererDir, decodeURIComponent(pathname)));
    if (!file.startsWith(rendererDir + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream', 'x-content-type-options': 'nosniff' });
    createReadStream(file).pipe(res);
  };

  const server = createServer((req, res) => {
    const host = String(req.headers.host ?? '');
    if (!allowedHosts().has(host)) {
      res.writeHead(421, { 'content-type': 'text/plain' }).end('Misdirected request: wrong Host');
      return;
    }
    const pathname = new URL(req.url ?? '/', `http://${host}`).pathname;
    if (pathname === '/healthz') {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      return;
    }
    if (pathname.startsWith(API_PREFIX)) {
      void handleApi(req, res, pathname.slice(API_PREFIX.length));
      return;
    }
    handleStatic(req, res, pathname);
  });

  return new Promise((resolveStart, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', () => {
      const addr = server.address();
      port = typeof addr === 'object' && addr ? addr.port : opts.port;
      const url = `http://127.0.0.1:${port}/`;
      resolveStart({
        server,
        url,
        port,
        token,
        close: () => new Promise((r) => server.close(() => r())),
      });
    });
  });
}
