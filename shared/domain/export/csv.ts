/** Characters that make a spreadsheet treat a cell as a formula (or split it) when they lead it. */
const FORMULA_LEAD = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

/**
 * Text a spreadsheet shows instead of running: a text starting with =, +, -, @, tab or CR gets a
 * leading apostrophe (CSV/formula injection). Plain numbers written as text, negative ones included, stay as they are.
 */
export function neutralizeFormula(text: string): string {
  return FORMULA_LEAD.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

/**
 * One CSV cell, safe to open in a spreadsheet: a text starting with =, +, -, @, tab or CR gets a
 * leading apostrophe so Excel, LibreOffice and Google Sheets show it instead of running it (CSV
 * injection). Plain numbers, negative ones included, stay numeric. Quotes as RFC 4180 requires.
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const s = neutralizeFormula(value);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** One CSV line (CRLF, as RFC 4180 and Salesforce Data Loader expect). */
export function csvLine(cells: readonly (string | number | null | undefined)[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}
