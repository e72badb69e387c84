import type { GridApi, ProcessCellForExportParams } from 'ag-grid-community';
import { describe, expect, it } from 'vitest';
import { exportCell } from '../../../renderer/features/grids/csv-export';
import { gridTable } from '../../../renderer/features/grids/xlsx-export';

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

describe('grid .xlsx export table', () => {
  it('takes the shown columns and the filtered, sorted rows, numbers raw in the column format, the rest as shown', () => {
    type Row = { name: string; potential: number; dev: number; locked: boolean; rep: string };
    const defs: Record<string, { headerName?: string; valueFormatter?: (v: unknown) => string }> = {
      'ag-Grid-SelectionColumn': {},
      name: { headerName: 'Territory' },
      potential: { headerName: 'Potential', valueFormatter: (v) => `${Number(v) / 1e6} M` },
      dev: { headerName: 'Δ Potential' },
      locked: { headerName: 'Locked' },
      rep: { headerName: 'Rep', valueFormatter: (v) => (v ? String(v) : 'Vacant') },
    };
    const cols = Object.keys(defs).map((id) => ({ getColId: () => id, getColDef: () => defs[id] }));
    const shown: Row[] = [{ name: 'West', potential: 2.5e6, dev: 0.042, locked: true, rep: '' }, { name: 'East', potential: NaN, dev: -0.1, locked: false, rep: 'Ann' }];
    const api = {
      getAllDisplayedColumns: () => cols,
      forEachNodeAfterFilterAndSort: (f: (n: { data: Row }) => void) => shown.forEach((data) => f({ data })),
      getCellValue: ({ rowNode, colKey, useFormatter }: { rowNode: { data: Row }; colKey: { getColId: () => string }; useFormatter?: boolean }) => {
        const id = colKey.getColId() as keyof Row;
        const v = rowNode.data[id];
        return useFormatter && defs[id]!.valueFormatter ? defs[id]!.valueFormatter!(v) : v;
      },
    } as unknown as GridApi<Row>;
    const t = gridTable(api, 'Territories', { potential: 'money', dev: 'percent' });
    expect(t.columns).toEqual([
      { header: 'Territory', format: undefined }, { header: 'Potential', format: 'money' }, { header: 'Δ Potential', format: 'percent' },
      { header: 'Locked', format: undefined }, { header: 'Rep', format: undefined },
    ]);
    expect(t.rows).toEqual([['West', 2.5e6, 0.042, 'yes', 'Vacant'], ['East', null, -0.1, 'no', 'Ann']]);
  });
});
