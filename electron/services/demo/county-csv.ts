/**
 * Reader for the demo's bundled county table. No CSV library is installed, and this file is ours,
 * simple and trusted, so a small quote-aware splitter is enough (quoted names, "" escapes, CRLF).
 */

/** One county row of data/county-potential.csv, numbers parsed; FIPS codes stay strings. */
export type CountyRow = {
  fips: string;
  name: string;
  stateFips: string;
  lon: number;
  lat: number;
  areaKm2: number;
  pop2023: number;
  establishments: number;
  employees: number;
  payrollK: number;
};

/** Splits CSV text into rows of fields; a field may be double-quoted, with "" for a quote inside. */
export function splitCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    if (row.length > 1 || row[0] !== '') rows.push(row);
    row = [];
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c !== '"') field += c;
      else if (text[i + 1] === '"') field += text[++i];
      else quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === ',') endField();
    else if (c === '\n') endRow();
    else if (c !== '\r') field += c;
  }
  if (field !== '' || row.length > 0) endRow();
  return rows;
}

const COLUMNS = ['fips', 'name', 'state_fips', 'centroid_lon', 'centroid_lat', 'area_km2', 'pop2023', 'zbp16_establishments', 'zbp16_employees', 'zbp16_payroll_k'] as const;

/** Parses the county table; throws naming the line of any malformed row (the file ships with the app). */
export function parseCountyCsv(text: string): CountyRow[] {
  const [header, ...rows] = splitCsv(text);
  if (!header) throw new Error('County table is empty');
  const col = Object.fromEntries(
    COLUMNS.map((name) => {
      const i = header.indexOf(name);
      if (i < 0) throw new Error(`County table lacks column ${name}`);
      return [name, i];
    }),
  ) as Record<(typeof COLUMNS)[number], number>;
  return rows.map((r, k) => {
    const num = (name: (typeof COLUMNS)[number]) => {
      const v = Number(r[col[name]]);
      if (r[col[name]] === '' || !Number.isFinite(v)) throw new Error(`County table line ${k + 2}: bad ${name} "${r[col[name]]}"`);
      return v;
    };
    const fips = r[col.fips] ?? '';
    if (!/^\d{5}$/.test(fips)) throw new Error(`County table line ${k + 2}: bad fips "${fips}"`);
    return {
      fips,
      name: r[col.name] ?? '',
      stateFips: r[col.state_fips] ?? '',
      lon: num('centroid_lon'),
      lat: num('centroid_lat'),
      areaKm2: num('area_km2'),
      pop2023: num('pop2023'),
      establishments: num('zbp16_establishments'),
      employees: num('zbp16_employees'),
      payrollK: num('zbp16_payroll_k'),
    };
  });
}
