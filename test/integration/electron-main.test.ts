import { existsSync, readFileSync } from 'node:fs';
import Module from 'node:module';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The Electron binary cannot be downloaded on CI machines, so this loads the BUILT main process
// (out/main/index.cjs) in Node with a recording stand-in for the 'electron' module. It checks what
// the desktop shell really does: window security options, denied windows, menu, validated IPC.
const MAIN = resolve(__dirname, '../../out/main/index.cjs');
const built = existsSync(MAIN);
if (!built) console.warn(`[skip] ${MAIN} is not built; run \`npm run build\` (npm test does) to test the Electron main process.`);

type Handler = (event: { senderFrame: { url: string } }, method: unknown, arg: unknown) => Promise<{ result?: unknown; error?: { code: string; message: string } }>;

function loadMain(): { calls: unknown[][]; handlers: Record<string, Handler>; protocols: Record<string, (r: Request) => Promise<Response>> } {
  const calls: unknown[][] = [];
  const handlers: Record<string, Handler> = {};
  const protocols: Record<string, (r: Request) => Promise<Response>> = {};
  class FakeWindow {
    webContents = {
      setWindowOpenHandler: (f: () => unknown) => calls.push(['windowOpen', f()]),
      on: (e: string) => calls.push(['webContents.on', e]),
      reload: () => undefined,
      getURL: () => '',
    };
    constructor(opts: { webPreferences: unknown }) {
      calls.push(['BrowserWindow', opts.webPreferences]);
    }
    once(): void {}
    loadURL(u: string): Promise<void> {
      calls.push(['loadURL', u]);
      return Promise.resolve();
    }
  }
  const electron = {
    app: { whenReady: () => Promise.resolve(), on: () => undefined, getVersion: () => '0.0.0', exit: (c: number) => calls.push(['exit', c]), quit: () => undefined },
    BrowserWindow: FakeWindow,
    dialog: { showErrorBox: (t: string, m: string) => calls.push(['errorBox', t, m]) },
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: (m: { label?: string; role?: string; submenu?: { label?: string }[] }[]) => calls.push(['menu', m]) },
    ipcMain: { handle: (ch: string, fn: Handler) => (handlers[ch] = fn) },
    protocol: {
      registerSchemesAsPrivileged: (s: unknown) => calls.push(['schemes', s]),
      handle: (scheme: string, fn: (r: Request) => Promise<Response>) => (protocols[scheme] = fn),
    },
    // Node's fetch has no file:// support; the stand-in reads the file like Electron's net.fetch would.
    net: { fetch: async (u: string) => new Response(readFileSync(fileURLToPath(u))) },
    session: { defaultSession: { webRequest: { onHeadersReceived: (f: unknown) => calls.push(['csp', typeof f]) }, setPermissionRequestHandler: () => undefined } },
  };
  const mod = Module as unknown as { _load: (req: string, ...rest: unknown[]) => unknown };
  const orig = mod._load;
  mod._load = function (req: string, ...rest: unknown[]) {
    return req === 'electron' ? electron : orig.call(this, req, ...rest);
  };
  try {
    const req = Module.createRequire(MAIN);
    delete req.cache[MAIN];
    req(MAIN);
  } finally {
    mod._load = orig;
  }
  return { calls, handlers, protocols };
}

async function until(check: () => boolean, ms = 80_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting for the main process');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.skipIf(!built)('Electron main process (built, with a stand-in electron module)', () => {
  it('opens a sandboxed, isolated window, denies new windows and answers validated IPC only from its own page', async () => {
    const { calls, handlers } = loadMain();
    await until(() => calls.some((c) => c[0] === 'loadURL'));
    expect(calls.find((c) => c[0] === 'loadURL')![1]).toBe('app://tessera/index.html');
    expect(calls.find((c) => c[0] === 'BrowserWindow')![1]).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(calls.find((c) => c[0] === 'windowOpen')![1]).toEqual({ action: 'deny' });
    expect(calls.some((c) => c[0] === 'webContents.on' && c[1] === 'will-navigate')).toBe(true);
    const menu = calls.find((c) => c[0] === 'menu')![1] as { label?: string; submenu?: { label?: string }[] }[];
    expect(menu[0]!.submenu!.map((i) => i.label).filter(Boolean)).toEqual(['New Workspace from Demo…', 'Open…', 'Save As…']);

    const call = handlers['tessera:call']!;
    const own = { senderFrame: { url: 'app://tessera/index.html' } };
    const info = await call(own, 'workspace.info', {});
    expect((info.result as { counts: { units: number } }).counts.units).toBeGreaterThan(3000);
    expect(await call({ senderFrame: { url: 'https://evil.example/' } }, 'workspace.info', {})).toEqual({ error: { code: 'sender', message: 'Untrusted sender' } });
    expect((await call(own, 'scenario.get', { scenario: {} })).error?.code).toBe('bad-call');
    expect((await call(own, 'shell.exec', {})).error?.message).toMatch(/Unknown API method/);
  }, 120_000);

  it('serves the built renderer on app://tessera with the CSP and nothing outside it', async () => {
    const { calls, protocols } = loadMain();
    await until(() => calls.some((c) => c[0] === 'loadURL'));
    const page = await protocols['app']!(new Request('app://tessera/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('<div id="root">');
    expect((await protocols['app']!(new Request('app://tessera/%2e%2e%2f%2e%2e%2fpackage.json'))).status).toBe(404);
    expect((await protocols['app']!(new Request('app://elsewhere/index.html'))).status).toBe(404);
  }, 120_000);
});
