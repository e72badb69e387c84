import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { AppApi } from '../../shared/contracts/app-api';
import { isAppMethod } from '../../shared/contracts/app-api';
import { desktopOnlyRefusal } from '../../shared/contracts/server-paths';
import { CALL_KEY_PATTERN } from '../../shared/contracts/api/call-api';
import { API_PREFIX, CALL_KEY_HEADER } from '../../shared/contracts/transport';
import { BadCallError, dispatch } from '../services/dispatch';
import { HttpError, readBody, safeDecode, sendError, sendJson, sendText } from './http-util';
import { createSession, LAUNCH_PARAM, type Session } from './session';

/** Options of the browser-mode server. */
export type ServeOptions = {
  api: AppApi;
  /**
   * Runs a call instead of dispatch(api, …) (services in a worker validate it there); signal aborts when the
   * client goes away before the reply, so a call still waiting for its turn is dropped. key: the request's
   * CALL_KEY_HEADER, naming a cancellable long call for call.status / call.cancel.
   */
  call?: (method: string, arg: unknown, signal: AbortSignal, key?: string) => Promise<unknown>;
  /** Folder of the built renderer (out/renderer). */
  rendererDir: string;
  port: number;
  /** Largest accepted request body in bytes (64 MB by default). */
  maxBodyBytes?: number;
};

/** A running browser-mode server. */
export type RunningServer = {
  server: Server;
  /** The app's address (without a session it answers 401). */
  url: string;
  /** The address to open once: it carries the one-time launch code that sets the session cookie. */
  launchUrl: string;
  port: number;
  session: Session;
  close: () => Promise<void>;
};

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

const NO_SESSION_PAGE = `<!doctype html><meta charset="utf-8"><title>Tessera</title>
<p>This Tessera server needs its launch link. Open the address <code>tessera serve</code> printed
(it ends in <code>?${LAUNCH_PARAM}=…</code>); a launch link works once, in one browser. Restart
<code>tessera serve</code> for a new one.</p>`;

/**
 * Serves the built renderer and POST /api/<method> on 127.0.0.1 only. API calls need the session cookie
 * (handed out once, for the launch code in the URL `serve` prints), an Origin equal to our own and a Host
 * naming loopback (defeats DNS rebinding), so no other local user or web page can call it. Methods that
 * would read or write a file path on this machine are refused (see shared/contracts/server-paths.ts).
 * Nothing a client sends can throw out of a handler: bad requests get a 4xx, a failing service a 500.
 */
export function startServer(opts: ServeOptions): Promise<RunningServer> {
  const rendererDir = resolve(opts.rendererDir);
  const indexPath = join(rendererDir, 'index.html');
  if (!existsSync(indexPath)) {
    return Promise.reject(new Error(`The renderer is not built (${indexPath} is missing). Run \`npm run build\` first.`));
  }
  const indexHtml = readFileSync(indexPath, 'utf8');
  const maxBody = opts.maxBodyBytes ?? 64 * 1024 * 1024;
  let port = opts.port;
  let session = createSession(port);

  const allowedHosts = (): Set<string> => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const allowedOrigins = (): Set<string> => new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);

  const handleApi = async (req: IncomingMessage, res: ServerResponse, method: string): Promise<void> => {
    if (req.method !== 'POST') throw new HttpError(405, 'method', 'Use POST for API calls.');
    const origin = req.headers.origin;
    if (!origin || !allowedOrigins().has(origin)) throw new HttpError(403, 'origin', `Origin not allowed: ${origin ?? '(none)'}`);
    if (!session.authorized(req.headers.cookie)) {
      throw new HttpError(401, 'session', 'No session: open the launch link `tessera serve` printed, then retry.');
    }
    const text = await readBody(req, maxBody);
    let arg: unknown = {};
    if (text.trim()) {
      try {
        arg = JSON.parse(text);
      } catch {
        throw new HttpError(400, 'bad-call', 'Request body is not valid JSON.');
      }
    }
    if (isAppMethod(method)) {
      const refusal = desktopOnlyRefusal(method, arg);
      if (refusal) throw new HttpError(403, 'desktop-only', refusal);
    }
    const key = req.headers[CALL_KEY_HEADER];
    if (key !== undefined && (typeof key !== 'string' || !CALL_KEY_PATTERN.test(key))) {
      throw new HttpError(400, 'bad-call', `The ${CALL_KEY_HEADER} header is 8 to 64 letters, digits or dashes.`);
    }
    const gone = new AbortController();
    res.once('close', () => {
      if (!res.writableFinished) gone.abort();
    });
    try {
      sendJson(req, res, 200, { result: await (opts.call ? opts.call(method, arg, gone.signal, key) : dispatch(opts.api, method, arg)) });
    } catch (e) {
      if (gone.signal.aborted) return void res.destroy();
      if (e instanceof BadCallError) throw new HttpError(400, 'bad-call', e.message);
      throw e;
    }
  };

  const handlePage = (req: IncomingMessage, res: ServerResponse, query: URLSearchParams): void => {
    const code = query.get(LAUNCH_PARAM);
    if (code !== null) {
      if (session.redeem(code)) {
        res.writeHead(303, { location: '/', 'set-cookie': session.setCookie(), 'cache-control': 'no-store' }).end();
      } else if (session.authorized(req.headers.cookie)) {
        res.writeHead(303, { location: '/', 'cache-control': 'no-store' }).end();
      } else {
        res.writeHead(403, { 'content-type': MIME['.html']!, 'cache-control': 'no-store' }).end(NO_SESSION_PAGE);
      }
      return;
    }
    if (!session.authorized(req.headers.cookie)) {
      res.writeHead(401, { 'content-type': MIME['.html']!, 'cache-control': 'no-store' }).end(NO_SESSION_PAGE);
      return;
    }
    res.writeHead(200, { 'content-type': MIME['.html']!, 'cache-control': 'no-store', 'x-frame-options': 'DENY' });
    res.end(req.method === 'HEAD' ? undefined : indexHtml);
  };

  const handleStatic = async (req: IncomingMessage, res: ServerResponse, pathname: string, query: URLSearchParams): Promise<void> => {
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'method', 'Only GET and HEAD serve files.');
    if (pathname === '/' || pathname === '/index.html') return handlePage(req, res, query);
    const decoded = safeDecode(pathname);
    if (decoded === null || decoded.includes('\0')) throw new HttpError(400, 'bad-url', 'Malformed percent-encoding in the URL path.');
    const file = resolve(join(rendererDir, decoded));
    const info = file.startsWith(rendererDir + sep) ? await stat(file).catch(() => null) : null;
    if (!info?.isFile()) return sendText(res, 404, 'Not found');
    res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream', 'x-content-type-options': 'nosniff', 'content-length': String(info.size) });
    if (req.method === 'HEAD') return void res.end();
    // A read error after the headers went out can only cut the reply short; it must not reach the process.
    await pipeline(createReadStream(file), res).catch(() => res.destroy());
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const host = String(req.headers.host ?? '');
    if (!allowedHosts().has(host)) return sendText(res, 421, 'Misdirected request: wrong Host');
    let url: URL;
    try {
      url = new URL(req.url ?? '/', `http://${host}`);
    } catch {
      throw new HttpError(400, 'bad-url', 'Malformed request URL.');
    }
    if (url.pathname === '/healthz') return sendText(res, 200, 'ok');
    if (url.pathname.startsWith(API_PREFIX)) return handleApi(req, res, url.pathname.slice(API_PREFIX.length));
    return handleStatic(req, res, url.pathname, url.searchParams);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (res.headersSent) return void res.destroy();
      if (e instanceof HttpError) return sendError(req, res, e);
      console.error(`${req.method} ${req.url} failed:`, e);
      sendError(req, res, new HttpError(500, 'internal', `Internal error: ${(e as Error)?.message ?? String(e)}`));
    }).catch(() => res.destroy());
  });
  // Malformed request lines and headers (including oversized ones) never reach the handler; answer and close.
  server.on('clientError', (e: NodeJS.ErrnoException, socket: Socket) => {
    if (!socket.writable) return void socket.destroy();
    const status = e.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : '400 Bad Request';
    socket.end(`HTTP/1.1 ${status}\r\nconnection: close\r\ncontent-length: 0\r\n\r\n`);
  });

  return new Promise((resolveStart, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', () => {
      server.off('error', reject);
      // After start, a server-level error is logged; it must not end the process through an unhandled 'error' event.
      server.on('error', (e) => console.error('Browser-mode server error:', e));
      const addr = server.address();
      port = typeof addr === 'object' && addr ? addr.port : opts.port;
      session = createSession(port);
      const url = `http://127.0.0.1:${port}/`;
      resolveStart({
        server,
        url,
        launchUrl: `${url}?${LAUNCH_PARAM}=${session.launchCode}`,
        port,
        session,
        close: () =>
          new Promise((r) => {
            server.close(() => r());
            server.closeAllConnections();
          }),
      });
    });
  });
}
