import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { safeFileName, UploadStore } from '../../electron/services/uploads/upload-store';

const value = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

describe('upload store', () => {
  it('keeps an upload in a private folder, in order, and deletes it on close', () => {
    const store = new UploadStore();
    const { uploadId } = value(store.begin('plan.tessera', 6));
    expect(value(store.chunk(uploadId, 0, Buffer.from('abc'))).complete).toBe(false);
    expect(value(store.chunk(uploadId, 1, Buffer.from('def'))).complete).toBe(true);
    const { path, fileName } = value(store.file(uploadId));
    expect(fileName).toBe('plan.tessera');
    expect(readFileSync(path, 'utf8')).toBe('abcdef');
    expect(statSync(dirname(dirname(path))).mode & 0o077).toBe(0);
    store.close();
    expect(existsSync(path)).toBe(false);
  });

  it('refuses chunks out of order, past the announced size, after completion, and unknown ids', () => {
    const store = new UploadStore();
    const { uploadId } = value(store.begin('a.tessera', 4));
    const skipped = store.chunk(uploadId, 1, Buffer.from('ab'));
    expect(skipped.ok ? null : skipped.error.message).toMatch(/expected chunk 0, got 1/);
    const over = store.chunk(uploadId, 0, Buffer.from('abcdef'));
    expect(over.ok ? null : over.error.code).toBe('too-large');
    expect(store.file(uploadId).ok).toBe(false); // discarded
    const unknown = store.chunk('f'.repeat(32), 0, Buffer.from('x'));
    expect(unknown.ok ? null : unknown.error.code).toBe('not-found');
    const done = value(store.begin('b.tessera', 1)).uploadId;
    value(store.chunk(done, 0, Buffer.from('x')));
    const after = store.chunk(done, 1, Buffer.from('y'));
    expect(after.ok ? null : after.error.message).toMatch(/already complete/);
    store.close();
  });

  it('limits the size and the number of running uploads', () => {
    const store = new UploadStore({ maxBytes: 10, maxRunning: 1 });
    const big = store.begin('big', 11);
    expect(big.ok ? null : big.error.code).toBe('too-large');
    value(store.begin('one', 5));
    const second = store.begin('two', 5);
    expect(second.ok ? null : second.error.code).toBe('busy');
    store.close();
  });

  it('turns any file name into one plain, visible file name', () => {
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('C:\\Users\\x\\plan.tessera')).toBe('plan.tessera');
    expect(safeFileName('.bashrc')).toBe('_bashrc');
    expect(safeFileName('')).toBe('upload');
    expect(safeFileName('a;b|c.tessera')).toBe('a_b_c.tessera');
  });
});
