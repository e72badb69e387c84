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

  it('stops with an error on a quoted cell longer than the limit instead of buffering the file', () => {
    const rows: string[][] = [];
    const r = new CsvReader(',', (c) => rows.push(c), { maxRowChars: 1000, maxFieldChars: 100, maxFieldLines: 10 });
    r.feed('id,name\n1,"never closed');
    for (let i = 0; i < 10; i++) r.feed('x'.repeat(50));
    r.end();
    expect(rows).toEqual([['id', 'name']]);
    expect(r.error).toMatch(/^unclosed quote opened at line 2: `"never closed/);
    expect(r.error).toMatch(/longer than/);
  });

  it('stops with an error on a line longer than the row limit', () => {
    const rows: string[][] = [];
    const r = new CsvReader(',', (c) => rows.push(c), { maxRowChars: 100, maxFieldChars: 100, maxFieldLines: 10 });
    r.feed('id,name\n1,');
    for (let i = 0; i < 10; i++) r.feed('x'.repeat(50));
    r.end();
    expect(rows).toEqual([['id', 'name']]);
    expect(r.error).toMatch(/^line 2 is longer than/);
  });
});

describe('CSV reader line numbers and stray quotes', () => {
  const read = (text: string, size = text.length) => {
    const rows: [string[], number][] = [];
    const r = new CsvReader(',', (c, line) => rows.push([c, line]));
    for (let i = 0; i < text.length; i += size) r.feed(text.slice(i, i + size));
    r.end();
    return { rows, error: r.error };
  };

  it('numbers rows by the physical line they start on, over CRLF, CR and quoted line breaks, in any chunking', () => {
    const text = 'id,note\r\n1,"two\nlines"\r2,x\n\n3,"a\r\nb\rc"\n4,y';
    for (const size of [1, 2, 5, text.length]) {
      expect(read(text, size).rows.map(([c, l]) => [c[0], l])).toEqual([['id', 1], ['1', 2], ['2', 4], ['', 5], ['3', 6], ['4', 9]]);
    }
  });

  it('refuses a quote that runs to the end of the file over several lines, naming the line it opened on', () => {
    const { rows, error } = read('id,name\n1,ok\n2,"Acme Big 5\n3,c\n4,d\n');
    expect(rows.map(([c]) => c[0])).toEqual(['id', '1']);
    expect(error).toMatch(/^unclosed quote opened at line 3: `"Acme Big 5…` — the quoted cell runs over 3 lines to the end of the file/);
  });

  it('keeps legitimate multi-line quoted cells and a quote left open on the cut-off last line', () => {
    expect(read('id,addr\n1,"12 Main St\nSuite 4"\n2,"cut').rows.map(([c]) => c)).toEqual([['id', 'addr'], ['1', '12 Main St\nSuite 4'], ['2', 'cut']]);
  });
});
