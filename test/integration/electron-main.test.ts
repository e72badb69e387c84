import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { fork } from 'node:child_process';
import Module from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { useTempDir } from '../fixtures/temp';

// The Electron binary cannot be downloaded on CI machines, so this loads the BUILT main process
// (out/main/index.cjs) in Node with a recording stand-in for the 'electron' module. It checks what
// the desktop shell really does: window security options, denied windows, menu, validated IPC.
const MAIN = resolve(__dirname, '../../out/main/index.cjs');
const built = existsSync(MAIN);
const tempDir = useTempDir();
if (!built) console.warn(`[skip] ${MAIN} is not built; run \`npm run build\` (npm test does) to test the Electron main process.`);

type Handler = (event: { senderFrame: { url: string } }, method: unknown, arg: unknown, key?: unknown) => Promise<{ result?: unknown; error?: { code: string; message: string } }>;

/** How the stand-in electron module presents the app: from a checkout, or packaged with its resources folder. */
type Launch = { userData: string; packaged?: { resourcesPath: string } };

type Loaded = {
  calls: unknown[][];
  handlers: Record<string, Handler>;
  protocols: Record<string, (r: Request) => Promise<Response>>;
  /** Runs the app's 'window-all-closed' handler and waits until the app quits (after the services process closed the workspace). */
  closeAll: () => Promise<void>;
};

function loadMain(launch: Launch): Loaded {
  const calls: unknown[][] = [];
  const handlers: Record<string, Handler> = {};
  const protocols: Record<string, (r: Request) => Promise<Response>> = {};
  const appEvents: Record<string, () => void> = {};
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
    app: {
      isPackaged: launch.packaged !== undefined,
      getPath: (name: string) => (name === 'userData' ? launch.userData : join(launch.userData, name)),
      whenReady: () => Promise.resolve(),
      on: (e: string, f: () => void) => (appEvents[e] = f),
      getVersion: () => '0.0.0',
      exit: (c: number) => calls.push(['exit', c]),
      quit: () => calls.push(['quit']),
    },
    BrowserWindow: FakeWindow,
    dialog: {
      showErrorBox: (t: string, m: string) => calls.push(['errorBox', t, m]),
      // The native save dialog answers with a file in the user data folder named after the suggested one.
      showSaveDialog: async (_w: unknown, o: { defaultPath: string }) => ({ canceled: false, filePath: join(launch.userData, o.defaultPath) }),
    },
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: (m: { label?: string; role?: string; submenu?: { label?: string }[] }[]) => calls.push(['menu', m]) },
    ipcMain: { handle: (ch: string, fn: Handler) => (handlers[ch] = fn) },
    protocol: {
      registerSchemesAsPrivileged: (s: unknown) => calls.push(['schemes', s]),
      handle: (scheme: string, fn: (r: Request) => Promise<Response>) => (protocols[scheme] = fn),
    },
    // Node's fetch has no file:// support; the stand-in reads the file like Electron's net.fetch would.
    net: { fetch: async (u: string) => new Response(readFileSync(fileURLToPath(u))) },
    // Electron's utilityProcess, played by a forked Node process running the same built entry (it speaks
    // the protocol over process.send instead of process.parentPort).
    utilityProcess: {
      fork: (modulePath: string) => {
        calls.push(['utilityProcess.fork', modulePath]);
        const child = fork(modulePath, [], { serialization: 'advanced', stdio: 'inherit' });
        return {
          postMessage: (m: unknown) => child.send(m as never),
          on: (e: 'message' | 'exit', fn: (x: unknown) => void) => child.on(e, fn),
          kill: () => child.kill(),
        };
      },
    },
    session: { defaultSession: { webRequest: { onHeadersReceived: (f: unknown) => calls.push(['csp', typeof f]) }, setPermissionRequestHandler: () => undefined } },
  };
  const mod = Module as unknown as { _load: (req: string, ...rest: unknown[]) => unknown };
  const orig = mod._load;
  const proc = process as { resourcesPath?: string };
  const resourcesBefore = proc.resourcesPath;
  // Electron sets process.resourcesPath (…/resources next to the executable, app.asar inside it).
  proc.resourcesPath = launch.packaged?.resourcesPath;
  mod._load = function (req: string, ...rest: unknown[]) {
    return req === 'electron' ? electron : orig.call(this, req, ...rest);
  };
  try {
    const req = Module.createRequire(MAIN);
    delete req.cache[MAIN];
    req(MAIN);
  } finally {
    mod._load = orig;
    proc.resourcesPath = resourcesBefore;
  }
  const closeAll = async (): Promise<void> => {
    appEvents['window-all-closed']?.();
    await vi.waitFor(() => expect(calls).toContainEqual(['quit']), { timeout: 20_000, interval: 20 });
  };
  return { calls, handlers, protocols, closeAll };
}

/** Waits until the main process has opened its window or given up with an error box. */
async function started(app: Loaded): Promise<void> {
  await vi.waitFor(() => expect(app.calls.some((c) => c[0] === 'loadURL' || c[0] === 'errorBox')).toBe(true), { timeout: 80_000, interval: 50 });
}

const own = { senderFrame: { url: 'app://tessera/index.html' } };

/** A packaged app's resources folder: resources/demo holds the demo tables (electron-builder's extraResources). */
function resourcesFolder(withDemo: boolean): string {
  const resources = join(tempDir(), 'resources');
  mkdirSync(join(resources, 'demo'), { recursive: true });
  if (withDemo) {
    for (const f of ['county-potential.csv', 'us-zip-areas.json.gz']) copyFileSync(resolve(__dirname, '../../electron/services/demo/data', f), join(resources, 'demo', f));
  }
  return resources;
}

describe.skipIf(!built)('Electron main process (built, with a stand-in electron module)', () => {
  it('opens a sandboxed, isolated window, denies new windows and answers validated IPC only from its own page', async () => {
    const app = loadMain({ userData: tempDir() });
    const { calls, handlers } = app;
    await started(app);
    expect(calls.find((c) => c[0] === 'loadURL')![1]).toBe('app://tessera/index.html');
    expect(calls.find((c) => c[0] === 'utilityProcess.fork')![1]).toBe(resolve(MAIN, '../services-host.cjs'));
    expect(calls.find((c) => c[0] === 'BrowserWindow')![1]).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(calls.find((c) => c[0] === 'windowOpen')![1]).toEqual({ action: 'deny' });
    expect(calls.some((c) => c[0] === 'webContents.on' && c[1] === 'will-navigate')).toBe(true);
    const menu = calls.find((c) => c[0] === 'menu')![1] as { label?: string; submenu?: { label?: string }[] }[];
    expect(menu[0]!.submenu!.map((i) => i.label).filter(Boolean)).toEqual(['New Workspace', 'Open…', 'Open Read-Only…', 'Open Shared File (Read-Only)…', 'Back to My Workspace', 'Save As…']);
    const newMenu = (menu[0]!.submenu![0] as { submenu?: { label?: string; click?: () => Promise<void> }[] }).submenu!;
    expect(newMenu.map((i) => i.label)).toEqual(['US Counties (Empty)…', 'US ZIP Areas (Empty)…', 'Demo: Counties and ZIP Areas…', 'Demo: US Counties…', 'Demo: US ZIP Areas…']);

    const call = handlers['tessera:call']!;
    const info = await call(own, 'workspace.info', {});
    expect((info.result as { counts: { units: number } }).counts.units).toBeGreaterThan(3000);
    expect(await call({ senderFrame: { url: 'https://evil.example/' } }, 'workspace.info', {})).toEqual({ error: { code: 'sender', message: 'Untrusted sender' } });
    expect((await call(own, 'scenario.get', { scenario: {} })).error?.code).toBe('bad-call');
    expect((await call(own, 'shell.exec', {})).error?.message).toMatch(/Unknown API method/);

    // A compare sent with a key (the preload's tesseraTracked) reports progress and stops on call.cancel.
    const both = (await call(own, 'scenario.list', {})).result as { id: number }[];
    const key = 'desktop-compare-1';
    const running = call(own, 'compare.scenarios', { scenarios: both.map((s) => ({ scenario: s.id })) }, key);
    for (;;) {
      const s = (await call(own, 'call.status', { key })).result as { ok: boolean; value?: { state: string } };
      if (s.ok && s.value!.state !== 'waiting') break;
    }
    expect(((await call(own, 'call.cancel', { key })).result as { ok: boolean }).ok).toBe(true);
    expect((await running).result).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect((await call(own, 'compare.scenarios', { scenarios: both.map((s) => ({ scenario: s.id })) }, 'desktop-compare-2')).result).toMatchObject({ ok: true });
    expect((await call(own, 'dashboard.get', { scenario: both[0]!.id }, 'no good')).error?.code).toBe('bad-call');

    // File > New Workspace > US Counties (Empty)…: a native save dialog, then the empty workspace is created and opened.
    await newMenu[0]!.click!();
    const created = (await call(own, 'workspace.info', {})).result as { path: string; datasetName: string; counts: { units: number; accounts: number } };
    expect(created).toMatchObject({ datasetName: 'US counties', counts: { units: 3144, accounts: 0 } });
    expect(created.path.endsWith('counties.tessera')).toBe(true);
    expect(calls.some((c) => c[0] === 'errorBox')).toBe(false);
    await app.closeAll();
  }, 120_000);

  it('serves the built renderer on app://tessera with the CSP and nothing outside it', async () => {
    const app = loadMain({ userData: tempDir() });
    const { protocols } = app;
    await started(app);
    const page = await protocols['app']!(new Request('app://tessera/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('<div id="root">');
    expect((await protocols['app']!(new Request('app://tessera/%2e%2e%2f%2e%2e%2fpackage.json'))).status).toBe(404);
    expect((await protocols['app']!(new Request('app://elsewhere/index.html'))).status).toBe(404);
    await app.closeAll();
  }, 120_000);

  it('writes the demo workspace to the user data folder on first run and opens that file again on the next', async () => {
    const userData = join(tempDir(), 'config', 'Tessera'); // not there yet, like on a fresh machine
    const first = loadMain({ userData });
    await started(first);
    const file = join(userData, 'Demo.tessera');
    expect(existsSync(file)).toBe(true);
    const info = await first.handlers['tessera:call']!(own, 'workspace.info', {});
    expect(info.result).toMatchObject({ path: file, counts: { units: 6624 } });
    const renamed = await first.handlers['tessera:call']!(own, 'scenario.update', { scenarioId: 1, name: 'Kept plan' });
    expect(renamed.result).toMatchObject({ ok: true, value: { name: 'Kept plan' } });
    await first.closeAll();

    const second = loadMain({ userData });
    await started(second);
    const again = await second.handlers['tessera:call']!(own, 'scenario.list', {});
    expect((again.result as { name: string }[]).map((s) => s.name)).toContain('Kept plan');
    await second.closeAll();
  }, 180_000);

  it('packaged: reads the demo tables from process.resourcesPath/demo, and says where it looked when they are missing', async () => {
    const userData = tempDir();
    const app = loadMain({ userData, packaged: { resourcesPath: resourcesFolder(true) } });
    await started(app);
    expect(app.calls.find((c) => c[0] === 'errorBox')).toBeUndefined();
    expect(app.calls.find((c) => c[0] === 'loadURL')![1]).toBe('app://tessera/index.html');
    expect(existsSync(join(userData, 'Demo.tessera'))).toBe(true);
    await app.closeAll();

    const resources = resourcesFolder(false);
    const broken = loadMain({ userData: tempDir(), packaged: { resourcesPath: resources } });
    await started(broken);
    const box = broken.calls.find((c) => c[0] === 'errorBox')!;
    expect(box[1]).toBe('Tessera cannot start');
    expect(box[2]).toContain(`Demo county table not found; looked at ${join(resources, 'demo', 'county-potential.csv')}`);
    expect(broken.calls).toContainEqual(['exit', 1]);
  }, 180_000);
});
