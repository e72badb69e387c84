import { app, BrowserWindow, dialog, Menu, session } from 'electron';
import type { ServicesClient } from '../services/host/services-client';
import { appPaths } from './app-paths';
import { registerIpc } from './ipc';
import { APP_ORIGIN, registerAppScheme, serveRenderer } from './protocol';
import { buildMenu } from './menu';
import { startServicesProcess } from './services-process';

// Content-Security-Policy for everything the window loads (the page's own meta tag says the same).
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "worker-src 'self' blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

function argValue(flag: string): string | undefined {
  const i = process.argv.indexOf(flag);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const paths = appPaths({ packaged: app.isPackaged, resourcesPath: process.resourcesPath, mainDir: __dirname, userData: app.getPath('userData') });
const devUrl = process.env['ELECTRON_RENDERER_URL'];
const rendererUrl = devUrl ?? `${APP_ORIGIN}/`;

registerAppScheme();

let services: ServicesClient | undefined;

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    title: 'Tessera',
    show: false,
    webPreferences: {
      preload: paths.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    },
  });
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.webContents.on('will-navigate', (e, url) => {
    if (url !== win.webContents.getURL()) e.preventDefault();
  });
  win.once('ready-to-show', () => win.show());
  Menu.setApplicationMenu(buildMenu(win, () => services!.api));
  void win.loadURL(devUrl ?? `${APP_ORIGIN}/index.html`);
  return win;
}

app.on('web-contents-created', (_e, contents) => {
  contents.on('will-attach-webview', (e) => e.preventDefault());
});

void app.whenReady().then(async () => {
  if (!devUrl) serveRenderer(paths.renderer, CSP);
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } });
  });
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  const workspace = argValue('--workspace');
  const nativeBinding = process.env['TESSERA_SQLITE_BINDING'];
  // The services run in their own process; main relays the window's calls to it (registerIpc).
  services = startServicesProcess(paths.servicesHost, {
    options: {
      mode: 'desktop',
      ...(workspace ? { workspace } : { firstRunDemo: paths.firstRunWorkspace }),
      openOptions: nativeBinding ? { nativeBinding } : {},
    },
    demoDataDir: paths.demoData,
    printsPdf: true,
  });
  try {
    await services.ready;
  } catch (e) {
    dialog.showErrorBox('Tessera cannot start', (e as Error).message);
    app.exit(1);
    return;
  }
  const api = services.api;
  registerIpc(() => api, rendererUrl, services.call);
  createWindow();
});

app.on('window-all-closed', () => {
  // Quit once the services process has closed the workspace (and released its lock).
  void (services?.close() ?? Promise.resolve()).finally(() => app.quit());
});
