#!/usr/bin/env node
// `npm start`: build, make sure better-sqlite3 exists for Electron's ABI, launch the desktop app.
// The Node build of better-sqlite3 in node_modules (used by the CLI, the server and the tests) is never
// touched: the Electron build lives in .cache/ and is loaded through better-sqlite3's `nativeBinding`
// option, so `npm start` and `npm test` work in either order.
import { spawnSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

function electronBinary() {
  try {
    const bin = require('electron');
    return typeof bin === 'string' && existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

const electron = electronBinary();
if (!electron) {
  console.error(
    "Tessera: Electron's binary is not installed on this machine (its download failed or was skipped), so the desktop app cannot start. " +
      'Use browser mode instead: `npm run serve` (then open the printed URL), or install it with `node node_modules/electron/install.js`.',
  );
  process.exit(1);
}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, ...opts });
  return r.status === 0;
}

if (!run(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'])) {
  console.error('Tessera: the build failed (see above).');
  process.exit(1);
}

const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
const bindingDir = join(root, '.cache', 'better-sqlite3', `electron-${electronVersion}`);
const binding = join(bindingDir, 'better_sqlite3.node');
if (!existsSync(binding)) {
  console.log(`Tessera: building better-sqlite3 for Electron ${electronVersion} (once, about 2 minutes)…`);
  const src = join(root, '.cache', 'better-sqlite3', 'src');
  rmSync(src, { recursive: true, force: true });
  cpSync(dirname(require.resolve('better-sqlite3/package.json')), src, {
    recursive: true,
    filter: (p) => !p.includes(`${join('better-sqlite3', 'build')}`),
  });
  const gyp = process.env.npm_config_node_gyp;
  const [cmd, pre] = gyp ? [process.execPath, [gyp]] : ['npx', ['--yes', 'node-gyp']];
  const ok = run(cmd, [...pre, 'rebuild', '--release', `--target=${electronVersion}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers'], { cwd: src });
  if (!ok || !existsSync(join(src, 'build/Release/better_sqlite3.node'))) {
    console.error('Tessera: could not build better-sqlite3 for Electron (needs python3, make, a C++ compiler and access to electronjs.org/headers). Browser mode still works: `npm run serve`.');
    process.exit(1);
  }
  mkdirSync(bindingDir, { recursive: true });
  cpSync(join(src, 'build/Release/better_sqlite3.node'), binding);
}

const child = spawn(electron, [join(root, 'out/main/index.cjs'), ...process.argv.slice(2)], {
  stdio: 'inherit',
  cwd: root,
  env: { ...process.env, TESSERA_SQLITE_BINDING: binding },
});
child.on('exit', (code) => process.exit(code ?? 0));
