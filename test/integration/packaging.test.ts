import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// electron-builder cannot run to completion here (it downloads Electron), so this checks what it would be given:
// its own schema validation of the "build" section, the targets, the files and resources, the native module
// handling, and the icons and desktop entry in build/.
const ROOT = resolve(__dirname, '../..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const config = pkg.build;
const req = createRequire(join(ROOT, 'package.json'));

type Validate = (config: unknown, logger: unknown) => Promise<void>;
function builderValidation(): { validate: Validate; logger: unknown } {
  // app-builder-lib and builder-util come with electron-builder (a devDependency).
  const { validateConfiguration } = req('app-builder-lib/out/util/config/config') as { validateConfiguration: Validate };
  const { DebugLogger } = req('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
  return { validate: validateConfiguration, logger: new DebugLogger(false) };
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(data: Buffer): [number, number] {
  expect(data.subarray(1, 4).toString('latin1')).toBe('PNG');
  return [data.readUInt32BE(16), data.readUInt32BE(20)];
}

describe('packaging configuration (electron-builder)', () => {
  it('passes electron-builder\'s own schema validation, which rejects a misspelt option', async () => {
    const { validate, logger } = builderValidation();
    await expect(validate(structuredClone(config), logger)).resolves.toBeUndefined();
    await expect(validate({ ...structuredClone(config), linux: { ...config.linux, tagret: ['AppImage'] } }, logger)).rejects.toThrow(/configuration\.linux/);
  });

  it('builds AppImage and .deb on Linux, .dmg on macOS and an NSIS installer on Windows with `npm run dist`', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.win.target).toEqual(['nsis']);
    expect(pkg.scripts.dist).toMatch(/^npm run build && electron-builder\b/);
    // electron-builder's @electron/rebuild needs Node 22.12+: predist says so instead of failing half-way.
    expect(pkg.scripts.predist).toContain('22.12');
    expect(pkg.devDependencies['electron-builder']).toMatch(/^\d+\.\d+\.\d+$/);
    expect(pkg.main).toBe('out/main/index.cjs');
    // The deb needs a maintainer: electron-builder takes it from the author's e-mail.
    expect(pkg.author.email).toMatch(/@/);
  });

  it('packs the built app and puts the demo tables in the resources folder, where the packaged main process reads them', () => {
    expect(config.files).toEqual(expect.arrayContaining(['out/main/**', 'out/preload/**', 'out/renderer/**', 'package.json']));
    expect(config.files.some((f: string) => /^(electron|shared|renderer|test)\//.test(f))).toBe(false);
    const demo = config.extraResources.find((r: { to: string }) => r.to === 'demo');
    expect(demo).toBeTruthy();
    for (const f of demo.filter) expect(existsSync(join(ROOT, demo.from, f)), `${demo.from}/${f}`).toBe(true);
    // The main process's appPaths() expects <resources>/demo/county-potential.csv (test/integration/electron-main.test.ts).
    expect(demo.filter).toContain('county-potential.csv');
    // ...and the built-in ZIP areas next to it (the start demo, ZIP workspaces and county splits read them).
    expect(demo.filter).toContain('us-zip-areas.json.gz');
  });

  it('rebuilds better-sqlite3 for Electron\'s ABI at packaging time and keeps its .node file outside the asar archive', () => {
    expect(config.npmRebuild).toBe(true);
    expect(config.nodeGypRebuild).toBe(false);
    expect(config.buildDependenciesFromSource).toBe(false); // prebuilt Electron binaries of better-sqlite3 when they exist
    expect(config.asar).toBe(true);
    const { minimatch } = req('minimatch') as { minimatch: (p: string, pattern: string) => boolean };
    expect(config.asarUnpack.some((p: string) => minimatch('node_modules/better-sqlite3/build/Release/better_sqlite3.node', p))).toBe(true);
    expect(pkg.dependencies['better-sqlite3']).toBeTruthy(); // a runtime dependency, so it is packed and rebuilt
  });

  it('has the icon in every size each platform needs, made from one SVG', () => {
    const build = join(ROOT, config.directories.buildResources);
    expect(existsSync(join(build, 'icon.svg'))).toBe(true);
    const linux = readdirSync(join(ROOT, config.linux.icon)).sort((a, b) => parseInt(a) - parseInt(b));
    expect(linux).toEqual(['16x16.png', '24x24.png', '32x32.png', '48x48.png', '64x64.png', '128x128.png', '256x256.png', '512x512.png', '1024x1024.png']);
    for (const f of linux) {
      const n = parseInt(f);
      expect(pngSize(readFileSync(join(ROOT, config.linux.icon, f)))).toEqual([n, n]);
    }
    // Windows: an ICO whose entries include 16, 32, 48 and 256 px.
    const ico = readFileSync(join(ROOT, config.win.icon));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    const icoSizes = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => ico.readUInt8(6 + 16 * i) || 256);
    expect(icoSizes).toEqual(expect.arrayContaining([16, 32, 48, 256]));
    // macOS: an ICNS with the 512 and 1024 px (512@2x) elements.
    const icns = readFileSync(join(ROOT, config.mac.icon));
    expect(icns.subarray(0, 4).toString('latin1')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const elements = new Map<string, Buffer>();
    for (let o = 8; o < icns.length; o += icns.readUInt32BE(o + 4)) elements.set(icns.subarray(o, o + 4).toString('latin1'), icns.subarray(o + 8, o + icns.readUInt32BE(o + 4)));
    for (const [type, size] of [['icp4', 16], ['ic07', 128], ['ic09', 512], ['ic10', 1024]] as const) expect(pngSize(elements.get(type)!)).toEqual([size, size]);
  });

  it('ships a desktop entry that agrees with the one electron-builder writes into the AppImage and .deb', () => {
    const entry = Object.fromEntries(
      readFileSync(join(ROOT, 'build/tessera.desktop'), 'utf8').split('\n').filter((l) => l.includes('=')).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
    );
    expect(entry).toMatchObject({ Type: 'Application', Exec: config.linux.executableName, Icon: config.linux.executableName, Terminal: 'false' });
    expect(entry).toMatchObject(config.linux.desktop.entry);
    expect(pkg.productName).toBe(entry.Name);
  });
});
