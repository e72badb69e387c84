import { join, normalize, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { net, protocol } from 'electron';

/** Origin the renderer is served from in the desktop app. */
export const APP_ORIGIN = 'app://tessera';

/**
 * Registers app:// as a standard, secure scheme. Must run before the app is ready.
 * A real origin (instead of file://) gives the page a proper 'self' for the CSP and lets
 * module workers and fetch work the same as in browser mode.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: false, stream: true } },
  ]);
}

/** Serves files of the built renderer folder under app://tessera/ (pages with the CSP header), refusing anything outside it. */
export function serveRenderer(rendererDir: string, csp: string): void {
  const root = normalize(rendererDir);
  protocol.handle('app', (request) => {
    const url = new URL(request.url);
    const rel = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname);
    const file = normalize(join(root, rel));
    if (url.host !== 'tessera' || !file.startsWith(root + sep)) return new Response('Not found', { status: 404 });
    return net.fetch(pathToFileURL(file).toString()).then((res) => {
      if (!file.endsWith('.html')) return res;
      const headers = new Headers(res.headers);
      headers.set('Content-Security-Policy', csp);
      headers.set('Content-Type', 'text/html; charset=utf-8');
      return new Response(res.body, { status: res.status, headers });
    });
  });
}
