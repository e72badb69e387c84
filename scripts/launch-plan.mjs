// Decisions of `npm start` and `npm test` (scripts/start.mjs, scripts/pretest.mjs) as pure functions of what they
// found on the machine, so they are unit-tested (test/unit/scripts/launch-plan.test.ts). Node built-ins only: these run
// before `npm install` on a fresh clone.

/**
 * How to install dependencies: none when node_modules is up to date with package-lock.json (npm stamps
 * node_modules/.package-lock.json on every install), `npm ci` on a fresh clone (exact, from the lock file),
 * `npm install` to update an existing node_modules after the lock file changed.
 * @param {{ nodeModules: boolean, installStamp: number | null, lockFile: number | null }} f mtimes in ms, null = missing
 * @returns {null | { args: string[], why: string }}
 */
export function installPlan(f) {
  const quiet = ['--no-audit', '--no-fund'];
  if (!f.nodeModules) return { args: [f.lockFile !== null ? 'ci' : 'install', ...quiet], why: 'node_modules is missing' };
  if (f.installStamp === null) return { args: ['install', ...quiet], why: 'node_modules was not installed by npm' };
  if (f.lockFile !== null && f.lockFile > f.installStamp) return { args: ['install', ...quiet], why: 'package-lock.json changed since the last install' };
  return null;
}

/**
 * Whether `electron-vite build` must run: an output is missing, or a source is newer than the oldest output.
 * @param {{ newestSource: number, outputs: (number | null)[] }} f mtimes in ms
 */
export function buildIsStale(f) {
  if (f.outputs.length === 0 || f.outputs.some((t) => t === null)) return true;
  return f.newestSource > Math.min(...f.outputs);
}

/**
 * Whether a graphical session exists: always on macOS and Windows; on Linux and the BSDs only with an X11 or
 * Wayland display.
 * @param {string} platform process.platform
 * @param {Record<string, string | undefined>} env
 */
export function hasDisplay(platform, env) {
  if (platform === 'darwin' || platform === 'win32') return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

/**
 * The command that opens URL in the default browser, or null when none should: BROWSER=none, or no display.
 * BROWSER, when set, names the browser to use (as in create-react-app and many CLIs).
 * @param {string} url
 * @param {string} platform
 * @param {Record<string, string | undefined>} env
 * @returns {null | { cmd: string, args: string[] }}
 */
export function browserOpener(url, platform, env) {
  const choice = env.BROWSER?.trim();
  if (choice && choice.toLowerCase() === 'none') return null;
  if (!hasDisplay(platform, env)) return null;
  if (choice) return { cmd: choice, args: [url] };
  if (platform === 'darwin') return { cmd: 'open', args: [url] };
  if (platform === 'win32') return { cmd: 'cmd', args: ['/c', 'start', '""', url] };
  return { cmd: 'xdg-open', args: [url] };
}

/**
 * Desktop app or browser mode: the desktop app needs Electron's binary, better-sqlite3 built for Electron, and a
 * display; otherwise browser mode, with the reason to print.
 * @param {{ electronBinary: boolean, sqliteForElectron: boolean, display: boolean }} f
 * @returns {{ mode: 'desktop' } | { mode: 'browser', why: string }}
 */
export function launchMode(f) {
  if (!f.electronBinary) return { mode: 'browser', why: "Electron's binary is not installed (its download failed or was skipped)" };
  if (!f.display) return { mode: 'browser', why: 'there is no display to open a window on' };
  if (!f.sqliteForElectron) return { mode: 'browser', why: 'better-sqlite3 could not be built for Electron' };
  return { mode: 'desktop' };
}

/** The first http(s) URL in a line of `tessera serve` output (plain or --json), or null. @param {string} line */
export function urlInLine(line) {
  const m = /https?:\/\/[^\s"'<>]+/.exec(line);
  return m ? m[0] : null;
}

/**
 * Where to find a Chromium for the end-to-end tests, in order: CHROMIUM_PATH, the system's Chromium or Chrome,
 * Playwright's own download. Returns the first that exists, or null.
 * @param {{ env: Record<string, string | undefined>, platform: string, onPath: (name: string) => string | null, exists: (p: string) => boolean, playwright: string | null }} f
 * @returns {null | { path: string, source: string }}
 */
export function findChromium(f) {
  if (f.env.CHROMIUM_PATH) return f.exists(f.env.CHROMIUM_PATH) ? { path: f.env.CHROMIUM_PATH, source: 'CHROMIUM_PATH' } : null;
  const names = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];
  for (const n of names) {
    const p = f.onPath(n);
    if (p) return { path: p, source: `${n} on PATH` };
  }
  const fixed =
    f.platform === 'darwin'
      ? ['/Applications/Chromium.app/Contents/MacOS/Chromium', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome']
      : f.platform === 'win32'
        ? [`${f.env.PROGRAMFILES ?? 'C:\\Program Files'}\\Google\\Chrome\\Application\\chrome.exe`, `${f.env['PROGRAMFILES(X86)'] ?? 'C:\\Program Files (x86)'}\\Google\\Chrome\\Application\\chrome.exe`]
        : ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium'];
  for (const p of fixed) if (f.exists(p)) return { path: p, source: 'installed browser' };
  if (f.playwright && f.exists(f.playwright)) return { path: f.playwright, source: "Playwright's Chromium" };
  return null;
}

/** What to tell someone who has no Chromium, per platform. @param {string} platform */
export function noChromiumHelp(platform) {
  const install =
    platform === 'darwin' ? 'brew install --cask chromium' : platform === 'win32' ? 'install Google Chrome' : 'sudo apt-get install chromium  (Debian/Ubuntu; dnf install chromium on Fedora)';
  return [
    'No Chromium found for the end-to-end tests. Do one of:',
    `  - ${install}`,
    '  - npx playwright install chromium   (downloads Playwright\'s own build)',
    '  - CHROMIUM_PATH=/path/to/chrome npm test   (use a Chromium or Chrome you already have)',
    'Looked at: CHROMIUM_PATH, chromium/chromium-browser/google-chrome/chrome on PATH, the usual install folders, Playwright\'s browsers.',
  ].join('\n');
}
