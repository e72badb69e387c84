import type { IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';

/** A request refused with an HTTP status, a stable code and a message saying what to do. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/** Sends a JSON reply (gzipped when large and the client accepts it). */
export function sendJson(req: IncomingMessage, res: ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}): void {
  let data: Buffer = Buffer.from(JSON.stringify(body));
  const headers: Record<string, string> = { 'content-type': 'application/json', 'cache-control': 'no-store', ...extra };
  if (data.length > 1024 && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
    data = gzipSync(data, { level: 4 });
    headers['content-encoding'] = 'gzip';
  }
  res.writeHead(status, headers);
  res.end(req.method === 'HEAD' ? undefined : data);
}

/** Sends an HttpError as the JSON error body every API reply uses. */
export function sendError(req: IncomingMessage, res: ServerResponse, e: HttpError): void {
  // After a refused body the rest of the upload is unread: close the connection instead of draining it.
  const extra: Record<string, string> = e.status === 413 ? { connection: 'close' } : {};
  sendJson(req, res, e.status, { error: { code: e.code, message: e.message } }, extra);
}

/** Sends a short plain-text reply. */
export function sendText(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(text);
}

const mb = (n: number): string => `${(n / (1024 * 1024)).toFixed(n % (1024 * 1024) ? 1 : 0)} MB`;

/** The 413 for a body over limit bytes. */
export function tooLarge(limit: number): HttpError {
  return new HttpError(413, 'too-large', `Request body is larger than the server's limit of ${limit} bytes (${mb(limit)}); send large files in chunks (upload.chunk / import.chunk).`);
}

/**
 * Reads a request body of at most limit bytes. Refuses up front when Content-Length says it is larger,
 * and while streaming when it grows past the limit (chunked bodies have no length); rejects when the
 * client aborts. Never leaves a listener that can throw.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const declared = req.headers['content-length'];
  if (declared !== undefined && Number(declared) > limit) return Promise.reject(tooLarge(limit));
  const encoding = req.headers['content-encoding'];
  if (encoding && encoding !== 'identity') {
    return Promise.reject(new HttpError(415, 'encoding', `Request bodies must not be compressed (got Content-Encoding: ${encoding}).`));
  }
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const fail = (e: HttpError): void => {
      if (settled) return;
      settled = true;
      req.removeListener('data', onData);
      req.pause();
      reject(e);
    };
    const onData = (c: Buffer): void => {
      size += c.length;
      if (size > limit) return fail(tooLarge(limit));
      chunks.push(c);
    };
    req.on('data', onData);
    req.on('end', () => {
      if (settled) return;
      settled = true;
      resolveBody(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', () => fail(new HttpError(400, 'aborted', 'The request was aborted while its body was read.')));
    req.on('close', () => {
      if (!req.complete) fail(new HttpError(400, 'aborted', 'The request was aborted while its body was read.'));
    });
  });
}

/** decodeURIComponent that returns null instead of throwing on malformed percent-encoding. */
export function safeDecode(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}
