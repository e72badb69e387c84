import { describe, expect, it } from 'vitest';
import { checkWorkbook, fileMagic, hasWorkbookExtension, zipEntryNames } from '../../../../shared/domain/import/workbook-detect';

/** A ZIP of empty stored entries: local headers, central directory, end record (enough for the detector). */
function zip(names: string[], unzippedSize = 0): Uint8Array {
  const out: number[] = [];
  const u16 = (n: number) => out.push(n & 0xff, n >> 8);
  const u32 = (n: number) => out.push(n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, n >>> 24);
  const offsets: number[] = [];
  for (const n of names) {
    offsets.push(out.length);
    u32(0x04034b50); u16(20); u16(0); u16(0); u16(0); u16(0); u32(0); u32(0); u32(0); u16(n.length); u16(0);
    out.push(...[...n].map((c) => c.charCodeAt(0)));
  }
  const cd = out.length;
  names.forEach((n, i) => {
    u32(0x02014b50); u16(20); u16(20); u16(0); u16(0); u16(0); u16(0); u32(0); u32(0); u32(unzippedSize);
    u16(n.length); u16(0); u16(0); u16(0); u16(0); u32(0); u32(offsets[i]!);
    out.push(...[...n].map((c) => c.charCodeAt(0)));
  });
  const size = out.length - cd;
  u32(0x06054b50); u16(0); u16(0); u16(names.length); u16(names.length); u32(size); u32(cd); u16(0);
  return Uint8Array.from(out);
}

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const utf16 = (s: string) => [...s].flatMap((c) => [c.charCodeAt(0), 0]);

describe('workbook detection', () => {
  it('tells ZIP and OLE files from text by their first bytes', () => {
    expect(fileMagic(zip(['a']))).toBe('zip');
    expect(fileMagic(Uint8Array.from([...OLE, 0, 0]))).toBe('ole');
    expect(fileMagic(new TextEncoder().encode('PK,Name\n1,Acme\n'))).toBe('text');
    expect(hasWorkbookExtension('Accounts Q3.XLSX')).toBe(true);
    expect(hasWorkbookExtension('accounts.csv')).toBe(false);
  });

  it('lists the entries of a ZIP from its central directory', () => {
    expect(zipEntryNames(zip(['[Content_Types].xml', 'xl/workbook.xml']))).toEqual(['[Content_Types].xml', 'xl/workbook.xml']);
    expect(zipEntryNames(zip(['a']).subarray(0, 30))).toBeNull();
  });

  it('accepts an .xlsx package', () => {
    expect(checkWorkbook(zip(['[Content_Types].xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml']))).toEqual({ ok: true, value: true });
  });

  it('refuses .xls, encrypted, .xlsb, .ods, Numbers and other ZIPs with a message that says to save as .xlsx or CSV', () => {
    const refusal = (b: Uint8Array) => {
      const r = checkWorkbook(b);
      if (r.ok) throw new Error('accepted');
      return r.error;
    };
    expect(refusal(Uint8Array.from([...OLE, ...new Array(512).fill(0), ...utf16('Workbook')]))).toEqual({
      code: 'unsupported-workbook',
      message: 'This is an old Excel 97-2003 workbook (.xls), which Tessera does not read. Open it in Excel or LibreOffice and save it as .xlsx or CSV.',
    });
    expect(refusal(Uint8Array.from([...OLE, ...new Array(512).fill(0), ...utf16('EncryptionInfo'), ...utf16('EncryptedPackage')])).message).toMatch(/password-protected.*Remove the password.*save it as \.xlsx or CSV/);
    expect(refusal(zip(['[Content_Types].xml', 'xl/workbook.bin'])).message).toMatch(/\.xlsb.*save it as \.xlsx or CSV/);
    expect(refusal(zip(['mimetype', 'content.xml', 'styles.xml'])).message).toMatch(/OpenDocument spreadsheet \(\.ods\).*save it as \.xlsx or CSV/);
    expect(refusal(zip(['Index/Document.iwa'])).message).toMatch(/Apple Numbers.*\.xlsx or CSV/);
    expect(refusal(zip(['word/document.xml'])).message).toMatch(/not an Excel workbook/);
    expect(refusal(zip(['xl/workbook.xml']).subarray(0, 40))).toMatchObject({ code: 'unreadable-workbook' });
  });

  it('refuses a workbook that would unzip past the limit (a ZIP bomb) before inflating it', () => {
    expect(checkWorkbook(zip(['xl/workbook.xml', 'xl/worksheets/sheet1.xml'], 100 * 1048576)).ok).toBe(true);
    expect(checkWorkbook(zip(['xl/workbook.xml', 'xl/worksheets/sheet1.xml'], 200 * 1048576))).toMatchObject({
      ok: false,
      error: { code: 'too-large', message: expect.stringMatching(/unzips to 400 MB.*Save the sheet as CSV/) },
    });
  });
});
