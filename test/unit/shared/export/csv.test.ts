import { describe, expect, it } from 'vitest';
import { csvCell, csvLine } from '../../../../shared/domain/export/csv';

describe('CSV export cells', () => {
  it('neutralises cells a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://evil","x")')).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(csvCell('+1+1')).toBe("'+1+1");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
    expect(csvCell('\rcmd')).toBe(`"'\rcmd"`);
  });

  it('keeps plain negative numbers numeric, as numbers or as text', () => {
    expect(csvCell(-42.5)).toBe('-42.5');
    expect(csvCell('-42.5')).toBe('-42.5');
    expect(csvCell('-1e3')).toBe('-1e3');
  });

  it('quotes delimiters, quotes and newlines, and writes CRLF lines', () => {
    expect(csvLine(['a,b', 'say "hi"', 'two\nlines', null, 3])).toBe('"a,b","say ""hi""","two\nlines",,3\r\n');
  });
});
