import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { APP_API_SCHEMAS, type AppMethod } from '../../../shared/contracts/app-api';
import { desktopOnlyRefusal, SERVER_PATH_METHODS } from '../../../shared/contracts/server-paths';

/** The object shape of a schema, looking through pipes (exactlyOneOf refines then narrows an object). */
function shapeOf(s: z.ZodType): Record<string, unknown> | null {
  if ('shape' in s) return (s as z.ZodObject).shape;
  const def = (s as unknown as { _zod: { def: { type: string; in?: z.ZodType } } })._zod.def;
  return def.type === 'pipe' && def.in ? shapeOf(def.in) : null;
}

/** True when the schema's object has a path field, at the top or in an object field (e.g. { target: { path } }). */
function takesPath(s: z.ZodType, depth = 0): boolean {
  const shape = shapeOf(s) ?? {};
  if (Object.prototype.hasOwnProperty.call(shape, 'path')) return true;
  return depth === 0 && Object.values(shape).some((f) => takesPath(f as z.ZodType, 1));
}

describe('methods that take a server-side path', () => {
  it('lists every method whose argument has a path field, and no other', () => {
    const withPath = (Object.entries(APP_API_SCHEMAS) as [AppMethod, z.ZodType][])
      .filter(([, s]) => takesPath(s))
      .map(([m]) => m)
      .sort();
    expect(withPath).toEqual(Object.keys(SERVER_PATH_METHODS).sort());
  });

  it('refuses such a method only when the argument carries a path, saying what to do instead', () => {
    expect(desktopOnlyRefusal('share.open', { path: '/etc/passwd' })).toMatch(/^share.open with a file path works only in the desktop app .* upload the file/);
    expect(desktopOnlyRefusal('share.open', { upload: 'a'.repeat(32) })).toBeNull();
    expect(desktopOnlyRefusal('export.run', { scenario: 1, format: 'kml' })).toBeNull();
    expect(desktopOnlyRefusal('scenario.get', { scenario: 1, path: 'x' })).toBeNull();
    expect(desktopOnlyRefusal('workspace.open', null)).toBeNull();
    // A path one level down counts too.
    expect(desktopOnlyRefusal('workspace.createFromBoundaries', { target: { name: 'w' }, source: { path: '/etc/x.zip' } })).toMatch(/works only in the desktop app/);
    expect(desktopOnlyRefusal('workspace.createFromBoundaries', { target: { path: '/tmp/w.tessera' }, source: { upload: 'a'.repeat(32) } })).toMatch(/works only in the desktop app/);
    expect(desktopOnlyRefusal('workspace.createFromBoundaries', { target: { name: 'w' }, source: { upload: 'a'.repeat(32) } })).toBeNull();
  });
});
