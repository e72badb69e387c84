import { join } from 'node:path';

/** Where the desktop app finds its parts and keeps its own files. */
export type AppPaths = {
  /** The built renderer (served on app://tessera). */
  renderer: string;
  preload: string;
  /** The services process entry (an Electron utilityProcess). */
  servicesHost: string;
  /** The demo tables: the resources folder when packaged; null from a checkout (the services find them next to the code). */
  demoData: string | null;
  /** The workspace opened when no --workspace is given, written with the built-in demo on first run. */
  firstRunWorkspace: string;
};

/**
 * Packaged by electron-builder, the code is in resources/app.asar (mainDir = …/app.asar/out/main) and the demo tables
 * in resources/demo (extraResources); from a checkout, mainDir is out/main. The user data folder is the platform's
 * (app.getPath('userData')): ~/.config/Tessera, ~/Library/Application Support/Tessera, %APPDATA%\Tessera.
 */
export function appPaths(a: { packaged: boolean; resourcesPath: string; mainDir: string; userData: string }): AppPaths {
  return {
    renderer: join(a.mainDir, '../renderer'),
    preload: join(a.mainDir, '../preload/index.cjs'),
    servicesHost: join(a.mainDir, 'services-host.cjs'),
    demoData: a.packaged ? join(a.resourcesPath, 'demo') : null,
    firstRunWorkspace: join(a.userData, 'Demo.tessera'),
  };
}
