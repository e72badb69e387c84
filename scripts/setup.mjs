// What `npm start` and `npm test` do before anything else: install dependencies when missing or out of date, and
// find a Chromium. Node built-ins only (runs on a fresh clone before `npm install`). Decisions: ./launch-plan.mjs.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium, installPlan } from './launch-plan.mjs';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** mtime in ms, or null when the path does not exist. */
export function mtime(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return null;
  }
}

/** Newest mtime of the files under the given paths (folders walked, node_modules skipped); 0 when none. */
export function newestMtime(paths) {
  let newest = 0;
  const walk = (p) => {
    let st;
    try {
      st = statSync(p);
    } catch {
      return;
    }
    if (!st.isDirectory()) newest = Math.max(newest, st.mtimeMs);
    else for (const e of readdirSync(p)) if (e !== 'node_modules' && !e.startsWith('.')) walk(join(p, e));
  };
  paths.forEach(walk);
  return newest;
}

/** Runs npm with args in the project (the npm that runs this script when there is one). */
export function npm(args, env = process.env) {
  const npmCli = process.env.npm_execpath;
  const [cmd, pre, shell] = npmCli && npmCli.endsWith('.js') ? [process.execPath, [npmCli], false] : ['npm', [], process.platform === 'win32'];
  return spawnSync(cmd, [...pre, ...args], { stdio: 'inherit', cwd: ROOT, env, shell }).status === 0;
}

/**
 * Installs dependencies when node_modules is missing or older than package-lock.json. If the install fails (most often
 * Electron's binary download on a closed network), installs again without that download: browser mode and the tests
 * do not need it. Returns false (after saying why) when dependencies cannot be installed.
 */
export function ensureDependencies(log = (line) => console.log(`Tessera: ${line}`)) {
  const plan = installPlan({
    nodeModules: existsSync(join(ROOT, 'node_modules')),
    installStamp: mtime(join(ROOT, 'node_modules', '.package-lock.json')),
    lockFile: mtime(join(ROOT, 'package-lock.json')),
  });
  if (!plan) return true;
  log(`installing dependencies (${plan.why}): npm ${plan.args.join(' ')}`);
  if (npm(plan.args)) return true;
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD !== '1') {
    log("the install failed; trying again without Electron's binary (browser mode and the tests do not need it).");
    if (npm(plan.args, { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' })) return true;
  }
  console.error('Tessera: `npm ' + plan.args.join(' ') + '` failed (see above). Check your network or registry settings (npm config get registry) and run it again.');
  return false;
}

function onPath(name) {
  const exts = process.platform === 'win32' ? ['.exe', '.cmd', ''] : [''];
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    for (const ext of exts) {
      const p = join(dir, name + ext);
      if (dir && existsSync(p)) return p;
    }
  }
  return null;
}

function playwrightChromium() {
  try {
    const { chromium } = createRequire(join(ROOT, 'package.json'))('playwright-core');
    return chromium.executablePath() || null;
  } catch {
    return null;
  }
}

/** The Chromium the end-to-end tests and the report PDF use (see findChromium for the order), or null. */
export function locateChromium() {
  return findChromium({ env: process.env, platform: process.platform, onPath, exists: existsSync, playwright: playwrightChromium() });
}
