#!/usr/bin/env node
// `npm start`: the one command to see the app. Installs dependencies when missing, builds when the build is stale,
// then launches the desktop app when it can (Electron's binary, better-sqlite3 for Electron, a display), else
// browser mode on the built-in demo: prints the URL `tessera serve` reports and opens it in the default browser
// (not with BROWSER=none or without a display). Extra arguments go to the app (`npm start -- --workspace plan.tessera`).
//
// The Node build of better-sqlite3 in node_modules (CLI, server, tests) is never touched: the Electron build lives in
// .cache/ and is loaded through better-sqlite3's `nativeBinding` option, so `npm start` and `npm test` work in either order.
// Node built-ins only until the install is done.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { browserOpener, buildIsStale, hasDisplay, launchMode, urlInLine } from './launch-plan.mjs';
import { ensureDependencies, mtime, newestMtime, ROOT } from './setup.mjs';

const say = (s) => console.log(`Tessera: ${s}`);
const args = process.argv.slice(2);

function run(cmd, argv, opts = {}) {
  return spawnSync(cmd, argv, { stdio: 'inherit', cwd: ROOT, ...opts }).status === 0;
}

if (!ensureDependencies(say)) process.exit(1);
const require = createRequire(join(ROOT, 'package.json'));

// Build when an output is missing or any source is newer than the oldest output.
const SOURCES = ['electron', 'shared', 'renderer', 'workers', 'electron.vite.config.ts', 'package-lock.json'].map((p) => join(ROOT, p));
const OUTPUTS = ['out/main/index.cjs', 'out/preload/index.cjs', 'out/renderer/index.html'].map((p) => join(ROOT, p));
if (buildIsStale({ newestSource: newestMtime(SOURCES), outputs: OUTPUTS.map(mtime) })) {
  say('building (sources changed since the last build)…');
  if (!run(process.execPath, [join(dirname(require.resolve('electron-vite/package.json')), 'bin/electron-vite.js'), 'build'])) {
    console.error('Tessera: the build failed (see above).');
    process.exit(1);
  }
} else say('the build is up to date.');

function electronBinary() {
  try {
    const bin = require('electron');
    return typeof bin === 'string' && existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

/** better-sqlite3 built for Electron's ABI, once, into .cache/ (needs a C++ toolchain and electronjs.org/headers). */
function sqliteForElectron() {
  const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
  const bindingDir = join(ROOT, '.cache', 'better-sqlite3', `electron-${electronVersion}`);
  const binding = join(bindingDir, 'better_sqlite3.node');
  if (existsSync(binding)) return binding;
  say(`building better-sqlite3 for Electron ${electronVersion} (once, about 2 minutes)…`);
  const src = join(ROOT, '.cache', 'better-sqlite3', 'src');
  rmSync(src, { recursive: true, force: true });
  cpSync(dirname(require.resolve('better-sqlite3/package.json')), src, {
    recursive: true,
    filter: (p) => !p.includes(`${join('better-sqlite3', 'build')}`),
  });
  const gyp = process.env.npm_config_node_gyp;
  const [cmd, pre] = gyp ? [process.execPath, [gyp]] : ['npx', ['--yes', 'node-gyp']];
  const ok = run(cmd, [...pre, 'rebuild', '--release', `--target=${electronVersion}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers'], { cwd: src });
  if (!ok || !existsSync(join(src, 'build/Release/better_sqlite3.node'))) return null;
  mkdirSync(bindingDir, { recursive: true });
  cpSync(join(src, 'build/Release/better_sqlite3.node'), binding);
  return binding;
}

const electron = electronBinary();
const display = hasDisplay(process.platform, process.env);
const binding = electron && display ? sqliteForElectron() : null;
const mode = launchMode({ electronBinary: electron !== null, display, sqliteForElectron: binding !== null });

/** Runs the child until it exits, passing Ctrl+C / SIGTERM on to it. */
function supervise(child) {
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
}

if (mode.mode === 'desktop') {
  say('launching the desktop app…');
  supervise(spawn(electron, [join(ROOT, 'out/main/index.cjs'), ...args], { stdio: 'inherit', cwd: ROOT, env: { ...process.env, TESSERA_SQLITE_BINDING: binding } }));
} else {
  say(`starting browser mode, because ${mode.why}.`);
  const serve = spawn(process.execPath, [join(ROOT, 'bin/tessera.mjs'), 'serve', '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'inherit'], cwd: ROOT });
  let opened = false;
  createInterface({ input: serve.stdout }).on('line', (line) => {
    console.log(line);
    const url = opened ? null : urlInLine(line);
    if (!url) return;
    opened = true;
    const opener = browserOpener(url, process.platform, process.env);
    say(`open ${url} in your browser${opener ? ' (opening it now)' : ''}.`);
    if (opener) {
      const child = spawn(opener.cmd, opener.args, { stdio: 'ignore', detached: true });
      child.on('error', () => say(`could not run ${opener.cmd}; open the URL yourself.`));
      child.unref();
    }
  });
  supervise(serve);
}
