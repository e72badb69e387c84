import type { ProcessCellForExportParams } from 'ag-grid-community';
import { describe, expect, it } from 'vitest';
import { exportCell } from '../../../renderer/features/grids/csv-export';

function cell(value: unknown, formatted?: (v: unknown) => string): ProcessCellForExportParams {
  return {
    value,
    column: { getColDef: () => (formatted ? { valueFormatter: formatted } : {}) },
    formatValue: (v: unknown) => (formatted ? formatted(v) : v),
  } as unknown as ProcessCellForExportParams;
}

describe('grid CSV export cells', () => {
  it('neutralises formula-leading text and quotes like csvCell', () => {
    expect(exportCell(cell('=HYPERLINK("x")'))).toBe(`"'=HYPERLINK(""x"")"`);
    expect(exportCell(cell('@SUM(A1)'))).toBe("'@SUM(A1)");
    expect(exportCell(cell('Acme, Inc.'))).toBe('"Acme, Inc."');
  });

  it('keeps numbers numeric (negative ones too) and exports formatted values', () => {
    expect(exportCell(cell(-12.5))).toBe('-12.5');
    expect(exportCell(cell(null))).toBe('');
    expect(exportCell(cell('T1', (v) => `+${String(v)}`))).toBe("'+T1");
  });
});
