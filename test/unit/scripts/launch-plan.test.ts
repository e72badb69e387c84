import { describe, expect, it } from 'vitest';
import { browserOpener, buildIsStale, findChromium, hasDisplay, installPlan, launchMode, noChromiumHelp, urlInLine } from '../../../scripts/launch-plan.mjs';

describe('npm start / npm test decisions', () => {
  it('installs with npm ci on a fresh clone, npm install after the lock file changed, and not at all when up to date', () => {
    expect(installPlan({ nodeModules: false, installStamp: null, lockFile: 100 })).toEqual({ args: ['ci', '--no-audit', '--no-fund'], why: 'node_modules is missing' });
    expect(installPlan({ nodeModules: false, installStamp: null, lockFile: null })!.args[0]).toBe('install');
    expect(installPlan({ nodeModules: true, installStamp: 100, lockFile: 200 })).toEqual({ args: ['install', '--no-audit', '--no-fund'], why: 'package-lock.json changed since the last install' });
    expect(installPlan({ nodeModules: true, installStamp: null, lockFile: 200 })!.why).toMatch(/not installed by npm/);
    expect(installPlan({ nodeModules: true, installStamp: 300, lockFile: 200 })).toBeNull();
  });

  it('builds when an output is missing or a source is newer than the oldest output', () => {
    expect(buildIsStale({ newestSource: 10, outputs: [20, null, 30] })).toBe(true);
    expect(buildIsStale({ newestSource: 25, outputs: [20, 40, 30] })).toBe(true);
    expect(buildIsStale({ newestSource: 15, outputs: [20, 40, 30] })).toBe(false);
    expect(buildIsStale({ newestSource: 0, outputs: [] })).toBe(true);
  });

  it('launches the desktop app only with Electron, better-sqlite3 for Electron and a display; otherwise browser mode, saying why', () => {
    expect(launchMode({ electronBinary: true, sqliteForElectron: true, display: true })).toEqual({ mode: 'desktop' });
    expect(launchMode({ electronBinary: false, sqliteForElectron: false, display: true })).toEqual({ mode: 'browser', why: expect.stringMatching(/Electron's binary is not installed/) });
    expect(launchMode({ electronBinary: true, sqliteForElectron: true, display: false })).toEqual({ mode: 'browser', why: expect.stringMatching(/no display/) });
    expect(launchMode({ electronBinary: true, sqliteForElectron: false, display: true })).toEqual({ mode: 'browser', why: expect.stringMatching(/better-sqlite3/) });
  });

  it('opens the browser with the platform opener when there is a display, BROWSER when it names one, never with BROWSER=none', () => {
    const url = 'http://127.0.0.1:5173/?launch=abc';
    expect(browserOpener(url, 'linux', { DISPLAY: ':0' })).toEqual({ cmd: 'xdg-open', args: [url] });
    expect(browserOpener(url, 'linux', { WAYLAND_DISPLAY: 'wayland-0' })).toEqual({ cmd: 'xdg-open', args: [url] });
    expect(browserOpener(url, 'linux', {})).toBeNull();
    expect(browserOpener(url, 'linux', { DISPLAY: ':0', BROWSER: 'none' })).toBeNull();
    expect(browserOpener(url, 'darwin', { BROWSER: 'None' })).toBeNull();
    expect(browserOpener(url, 'darwin', {})).toEqual({ cmd: 'open', args: [url] });
    expect(browserOpener(url, 'win32', {})).toEqual({ cmd: 'cmd', args: ['/c', 'start', '""', url] });
    expect(browserOpener(url, 'linux', { DISPLAY: ':0', BROWSER: 'firefox' })).toEqual({ cmd: 'firefox', args: [url] });
    expect(hasDisplay('freebsd', { DISPLAY: ':1' })).toBe(true);
  });

  it('takes the URL from whatever line `tessera serve` prints it on, plain or JSON', () => {
    expect(urlInLine('Tessera (browser mode) on http://127.0.0.1:41234/?code=9f2c  — workspace: Demo. Press Ctrl+C to stop.')).toBe('http://127.0.0.1:41234/?code=9f2c');
    expect(urlInLine('{"url":"http://127.0.0.1:5173/#launch=x","port":5173}')).toBe('http://127.0.0.1:5173/#launch=x');
    expect(urlInLine('building…')).toBeNull();
  });

  it('finds Chromium from CHROMIUM_PATH, then PATH, then install folders, then Playwright\'s own, and explains what to do without one', () => {
    const none = { onPath: () => null, exists: () => false, playwright: null, platform: 'linux' };
    const exists = (p: string) => p === '/opt/c/chrome' || p === '/usr/bin/chromium' || p === '/pw/chrome';
    expect(findChromium({ ...none, env: { CHROMIUM_PATH: '/opt/c/chrome' }, exists })).toEqual({ path: '/opt/c/chrome', source: 'CHROMIUM_PATH' });
    // A CHROMIUM_PATH that does not exist is not silently replaced by another browser.
    expect(findChromium({ ...none, env: { CHROMIUM_PATH: '/nope' }, onPath: () => '/usr/bin/chromium' })).toBeNull();
    expect(findChromium({ ...none, env: {}, onPath: (n) => (n === 'google-chrome' ? '/usr/bin/google-chrome' : null) })).toEqual({ path: '/usr/bin/google-chrome', source: 'google-chrome on PATH' });
    expect(findChromium({ ...none, env: {}, exists })).toEqual({ path: '/usr/bin/chromium', source: 'installed browser' });
    expect(findChromium({ ...none, env: {}, exists: (p) => p === '/pw/chrome', playwright: '/pw/chrome' })).toEqual({ path: '/pw/chrome', source: "Playwright's Chromium" });
    expect(findChromium({ ...none, env: {}, playwright: '/pw/missing' })).toBeNull();
    expect(noChromiumHelp('linux')).toMatch(/apt-get install chromium[\s\S]*npx playwright install chromium[\s\S]*CHROMIUM_PATH=/);
    expect(noChromiumHelp('darwin')).toMatch(/brew install --cask chromium/);
  });
});
