import { describe, expect, it } from 'vitest';
import { parseCsvText, CsvReader } from '../../../../shared/domain/import/csv-reader';
import { detectDelimiter, detectEncoding, detectHeaderRow, looksBinary } from '../../../../shared/domain/import/detect';

const bytes = (...b: number[]) => Uint8Array.from(b);
const utf16le = (s: string) => Uint8Array.from([...s].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]));

describe('encoding detection', () => {
  it('reads BOMs for UTF-8 and both UTF-16 byte orders', () => {
    expect(detectEncoding(bytes(0xef, 0xbb, 0xbf, 0x41))).toEqual({ encoding: 'utf-8', bomLength: 3 });
    expect(detectEncoding(bytes(0xff, 0xfe, 0x41, 0))).toEqual({ encoding: 'utf-16le', bomLength: 2 });
    expect(detectEncoding(bytes(0xfe, 0xff, 0, 0x41))).toEqual({ encoding: 'utf-16be', bomLength: 2 });
  });

  it('recognises UTF-16 without a BOM by its zero bytes', () => {
    expect(detectEncoding(utf16le('Id,Name\n1,Acme\n')).encoding).toBe('utf-16le');
  });

  it('tells UTF-8 from Windows-1252 by UTF-8 validity', () => {
    expect(detectEncoding(new TextEncoder().encode('Id,Name\n1,Müller GmbH\n')).encoding).toBe('utf-8');
    // "Müller" in Windows-1252: ü is the single byte 0xFC, which is not valid UTF-8.
    expect(detectEncoding(bytes(0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72, 0x0a)).encoding).toBe('windows-1252');
  });

  it('calls text with NULs or many control characters binary', () => {
    expect(looksBinary('PK\u0003\u0004\u0000\u0000garbage')).toBe(true);
    expect(looksBinary('Id,Name\n1,Acme\n')).toBe(false);
  });
});

describe('delimiter and header detection', () => {
  it('picks the delimiter that splits lines consistently, ignoring quoted ones', () => {
    expect(detectDelimiter('a,b,c\n1,2,3\n4,5,6\n')).toBe(',');
    expect(detectDelimiter('a;b;c\n"1,5";2;3\n4;5;6\n')).toBe(';');
    expect(detectDelimiter('a\tb\tc\n1\t2,5\t3\n')).toBe('\t');
    expect(detectDelimiter('a|b\n1|2\n')).toBe('|');
  });

  it('skips report titles above the header row', () => {
    const rows = parseCsvText('Accounts report\nExported 2024-01-01\nId,Name,City\n1,Acme,Boston\n2,Beta,Austin\n', ',');
    expect(detectHeaderRow(rows)).toBe(2);
    expect(detectHeaderRow(parseCsvText('Id,Name\n1,Acme\n', ','))).toBe(0);
  });
});

describe('CSV reader', () => {
  it('reads quoted cells with delimiters, doubled quotes and newlines', () => {
    expect(parseCsvText('a,"b,1","say ""hi""","two\nlines"\r\nx,y,z,w', ',')).toEqual([
      ['a', 'b,1', 'say "hi"', 'two\nlines'],
      ['x', 'y', 'z', 'w'],
    ]);
  });

  it('gives the same rows whatever the chunk boundaries', () => {
    const text = 'id,name\r\n1,"Acme, ""Inc"""\r\n2,"multi\r\nline"\r\n3,last';
    const whole = parseCsvText(text, ',');
    for (let size = 1; size < 8; size++) {
      const rows: string[][] = [];
      const r = new CsvReader(',', (c) => rows.push(c));
      for (let i = 0; i < text.length; i += size) r.feed(text.slice(i, i + size));
      r.end();
      expect(rows).toEqual(whole);
    }
  });

  it('stops with an error on a row longer than the limit instead of buffering the file', () => {
    const rows: string[][] = [];
    const r = new CsvReader(',', (c) => rows.push(c), { maxRowChars: 100 });
    r.feed('id,name\n1,"never closed');
    for (let i = 0; i < 10; i++) r.feed('x'.repeat(50));
    r.end();
    expect(rows).toEqual([['id', 'name']]);
    expect(r.error).toMatch(/unterminated quote/);
  });
});
