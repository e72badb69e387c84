import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IMPORT_CHUNK_BYTES } from '../../shared/contracts/api/import-api';
import { createServices } from '../../electron/services/app-services';
import { dispatch } from '../../electron/services/dispatch';
import { useTempDir } from '../fixtures/temp';
import { tinyWorkspacePath } from '../fixtures/tiny-workspace';

const tempDir = useTempDir();
const SF = resolve(__dirname, '../fixtures/import/salesforce-account.csv');

function services() {
  return createServices({ mode: 'direct', workspace: tinyWorkspacePath(tempDir()) });
}

/** Calls through dispatch, as IPC and HTTP do, so arguments are validated by the contract's schemas. */
const call = (s: ReturnType<typeof services>, method: string, arg: unknown) => dispatch(s.api, method, arg) as Promise<{ ok: boolean; value?: never; error?: { code: string } }>;

describe('import and export API (browser-mode streaming)', () => {
  it('previews the head, streams the file in ordered chunks, and reports the summary', async () => {
    const s = services();
    const bytes = readFileSync(SF);
    const preview = await call(s, 'import.preview', { kind: 'accounts', fileName: 'Account.csv', head: bytes.subarray(0, 65536).toString('base64'), truncated: false });
    expect(preview).toMatchObject({ ok: true, value: { detectedPreset: 'salesforce', read: { encoding: 'utf-8', delimiter: ',', headerRow: 0 }, mapping: { id: 'Id', zip: 'BillingPostalCode' } } });
    const p = (preview as unknown as { value: { read: unknown; mapping: unknown } }).value;
    const head = bytes.subarray(0, 65536).toString('base64');
    await call(s, 'import.savePreset', { name: 'just ids', kind: 'accounts', mapping: { id: 'Id' } });
    expect(await call(s, 'import.preview', { kind: 'accounts', fileName: 'a.csv', head, truncated: false, preset: 'just ids' })).toMatchObject({ ok: true, value: { mapping: { id: 'Id' } } });
    expect(await call(s, 'import.preview', { kind: 'accounts', fileName: 'a.csv', head, truncated: false, preset: '/etc/passwd' })).toMatchObject({ ok: false, error: { code: 'bad-mapping' } });
    const begin = (await call(s, 'import.begin', { kind: 'accounts', read: p.read, mapping: p.mapping, totalBytes: bytes.length })) as unknown as { value: { sessionId: string } };
    const sessionId = begin.value.sessionId;
    // Small chunks cut lines and the BOM-less middle of UTF-8 sequences at arbitrary places.
    const size = 1000;
    expect(size).toBeLessThan(IMPORT_CHUNK_BYTES);
    for (let i = 0, seq = 0; i < bytes.length; i += size, seq++) {
      const r = await call(s, 'import.chunk', { sessionId, seq, data: bytes.subarray(i, i + size).toString('base64') });
      expect(r.ok).toBe(true);
    }
    expect(await call(s, 'import.chunk', { sessionId, seq: 99, data: '' })).toMatchObject({ ok: false, error: { code: 'out-of-order' } });
    const done = await call(s, 'import.finish', { sessionId });
    expect(done).toMatchObject({ ok: true, value: { rows: 22, added: 22 } });
    expect(s.workspace().accounts().ids).toHaveLength(6 + 22);
    s.close();
  });

  it('previews an uploaded workbook whole (any of its sheets) and imports it streamed in chunks', async () => {
    const s = services();
    const bytes = readFileSync(resolve(__dirname, '../fixtures/import/zbp-accounts.xlsx'));
    const head = bytes.toString('base64');
    const first = await call(s, 'import.preview', { kind: 'accounts', fileName: 'zbp.xlsx', head, truncated: false });
    expect(first).toMatchObject({ ok: true, value: { sheets: ['Accounts', 'About'], read: { sheet: 'Accounts', headerRow: 2 }, mapping: { id: 'Id' } } });
    expect(await call(s, 'import.preview', { kind: 'accounts', fileName: 'zbp.xlsx', head, truncated: false, sheet: 'About' })).toMatchObject({ ok: true, value: { read: { sheet: 'About' }, columns: [expect.stringMatching(/^US Census Bureau/)] } });
    const p = (first as unknown as { value: { read: unknown; mapping: unknown } }).value;
    const begin = (await call(s, 'import.begin', { kind: 'accounts', read: p.read, mapping: p.mapping, totalBytes: bytes.length })) as unknown as { value: { sessionId: string } };
    const sessionId = begin.value.sessionId;
    for (let i = 0, seq = 0; i < bytes.length; i += 1000, seq++) {
      expect((await call(s, 'import.chunk', { sessionId, seq, data: bytes.subarray(i, i + 1000).toString('base64') })).ok).toBe(true);
    }
    expect(await call(s, 'import.finish', { sessionId })).toMatchObject({ ok: true, value: { rows: 42, imported: 41, rejected: 1 } });
    // An .ods uploaded in the browser is refused at the preview, with what to do.
    const ods = readFileSync(resolve(__dirname, '../fixtures/import/real.ods')).toString('base64');
    expect(await call(s, 'import.preview', { kind: 'accounts', fileName: 'a.ods', head: ods, truncated: false })).toMatchObject({ ok: false, error: { code: 'unsupported-workbook', message: expect.stringMatching(/save it as \.xlsx or CSV/) } });
    s.close();
  });

  it('cancels a session without changing the workspace, and rejects oversized chunks at the contract', async () => {
    const s = services();
    const begin = (await call(s, 'import.begin', { kind: 'accounts', read: { encoding: 'utf-8', delimiter: ',', headerRow: 0 }, mapping: { id: 'id' } })) as unknown as { value: { sessionId: string } };
    const sessionId = begin.value.sessionId;
    await call(s, 'import.chunk', { sessionId, seq: 0, data: Buffer.from('id\nnew1\n').toString('base64') });
    expect(await call(s, 'import.cancel', { sessionId })).toMatchObject({ ok: true, value: { state: 'cancelled' } });
    expect(s.workspace().accounts().ids).toHaveLength(6);
    await expect(dispatch(s.api, 'import.chunk', { sessionId, seq: 1, data: 'A'.repeat(2_000_000) })).rejects.toThrow(/Invalid argument/);
    s.close();
  });

  it('imports by path (desktop) and exports as downloadable text', async () => {
    const s = services();
    const preview = (await call(s, 'import.previewPath', { kind: 'accounts', path: SF })) as unknown as { value: { read: unknown; mapping: unknown } };
    const begin = (await call(s, 'import.begin', { kind: 'accounts', read: preview.value.read, mapping: preview.value.mapping, path: SF })) as unknown as { value: { sessionId: string; totalBytes: number } };
    expect(begin.value.totalBytes).toBe(readFileSync(SF).length);
    expect(await call(s, 'import.finish', { sessionId: begin.value.sessionId })).toMatchObject({ ok: true, value: { added: 22 } });
    const formats = (await dispatch(s.api, 'export.formats', {})) as { name: string }[];
    expect(formats.map((f) => f.name)).toEqual(expect.arrayContaining(['assignments-csv', 'salesforce-csv', 'geojson', 'kml', 'kpis-csv']));
    const exp = await call(s, 'export.run', { scenario: 'Current plan', format: 'kpis-csv' });
    expect(exp).toMatchObject({ ok: true, value: { fileName: 'kpis-csv.csv', mimeType: 'text/csv', path: null, content: expect.stringMatching(/^territory_id,/) } });
    expect(await call(s, 'export.run', { scenario: 'Current plan', format: 'geojson' })).toMatchObject({ ok: false, error: { code: 'no-geometry' } });
    s.close();
  });
});
