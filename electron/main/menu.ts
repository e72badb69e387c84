import { app, dialog, Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import type { AppApi, NewWorkspaceGeography } from '../../shared/contracts/app-api';

const FILTERS = [{ name: 'Tessera workspace', extensions: ['tessera', 'sqlite', 'db'] }];

/** File ▸ New Workspace: a built-in geography with no data (to import one's own), or the demo in a geography. */
const NEW_WORKSPACES: { label: string; file: string; demo: boolean; geography: NewWorkspaceGeography; accelerator?: string }[] = [
  { label: 'US Counties (Empty)…', file: 'counties.tessera', demo: false, geography: 'counties', accelerator: 'CmdOrCtrl+N' },
  { label: 'US ZIP Areas (Empty)…', file: 'zips.tessera', demo: false, geography: 'zips' },
  { label: 'Demo: Counties and ZIP Areas…', file: 'demo.tessera', demo: true, geography: 'mixed' },
  { label: 'Demo: US Counties…', file: 'demo-counties.tessera', demo: true, geography: 'counties' },
  { label: 'Demo: US ZIP Areas…', file: 'demo-zips.tessera', demo: true, geography: 'zips' },
];

/** File > New / Open / Save As, Edit, View; each file action goes through the same services as the UI. */
export function buildMenu(win: BrowserWindow, api: () => AppApi): Menu {
  const report = async (p: Promise<{ ok: boolean; error?: { message: string } }>): Promise<void> => {
    const r = await p;
    if (!r.ok) dialog.showErrorBox('Tessera', r.error?.message ?? 'The operation failed.');
    else win.webContents.reload();
  };
  /** Asks for one existing file, then hands its path to call (a cancelled dialog does nothing). */
  const pickFile = (title: string, call: (path: string) => Promise<{ ok: boolean; error?: { message: string } }>) => async (): Promise<void> => {
    const r = await dialog.showOpenDialog(win, { title, properties: ['openFile'], filters: FILTERS });
    const path = r.filePaths[0];
    if (!r.canceled && path) await report(call(path));
  };
  const file: MenuItemConstructorOptions[] = [
    {
      label: 'New Workspace',
      submenu: NEW_WORKSPACES.map((n) => ({
        label: n.label,
        ...(n.accelerator ? { accelerator: n.accelerator } : {}),
        click: async () => {
          const r = await dialog.showSaveDialog(win, { title: `New workspace: ${n.label.replace('…', '')}`, defaultPath: n.file, filters: FILTERS });
          if (!r.canceled && r.filePath) await report(api()['workspace.create']({ path: r.filePath, demo: n.demo, geography: n.geography }));
        },
      })),
    },
    {
      label: 'Open…',
      accelerator: 'CmdOrCtrl+O',
      click: pickFile('Open workspace', (path) => api()['workspace.open']({ path })),
    },
    {
      label: 'Open Read-Only…',
      click: pickFile('Open workspace read-only', (path) => api()['workspace.open']({ path, readOnly: true })),
    },
    {
      label: 'Open Shared File (Read-Only)…',
      click: pickFile('Open a scenario file someone sent you', (path) => api()['share.open']({ path })),
    },
    {
      label: 'Back to My Workspace',
      click: async () => report(api()['workspace.back']({})),
    },
    {
      label: 'Save As…',
      accelerator: 'CmdOrCtrl+Shift+S',
      click: async () => {
        const r = await dialog.showSaveDialog(win, { title: 'Save workspace as', defaultPath: 'workspace.tessera', filters: FILTERS });
        if (!r.canceled && r.filePath) await report(api()['workspace.saveAs']({ path: r.filePath }));
      },
    },
    { type: 'separator' },
    { role: 'quit' },
  ];
  return Menu.buildFromTemplate([
    { label: 'File', submenu: file },
    { role: 'editMenu' },
    { label: 'View', submenu: [{ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' }, { role: 'togglefullscreen' }] },
    { label: 'Help', submenu: [{ label: `Tessera ${app.getVersion()}`, enabled: false }] },
  ]);
}
