import { InvalidArgumentError } from 'commander';

/** A failure caused by the user's input (exit code 1, message on stderr). */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}

/** Where command output goes; injectable so tests can capture it. */
export type Io = { out: (text: string) => void; err: (text: string) => void };

/** Process stdout/stderr. */
export const processIo: Io = {
  out: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
  err: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
};

/** Prints JSON (with --json) or the human text. */
export function emit(io: Io, json: boolean, value: unknown, human: () => string): void {
  io.out(json ? JSON.stringify(value, null, 2) : human());
}

/** Formats rows as an aligned text table. */
export function table(headers: string[], rows: (string | number)[][]): string {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, c) => Math.max(...cells.map((r) => (r[c] ?? '').length)));
  const line = (r: string[]): string =>
    r.map((v, c) => (c === 0 ? v.padEnd(widths[c]!) : v.padStart(widths[c]!))).join('  ');
  return [line(cells[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

/** Formats a number with thousands separators. */
export function num(n: number, digits = 0): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

/** Formats a fraction as a signed percentage. */
export function pct(f: number, digits = 1): string {
  return `${f >= 0 ? '+' : ''}${(f * 100).toFixed(digits)}%`;
}

/** Commander argument parser for a number above 0 (a share, a factor); names the option on bad input. */
export function positiveNumber(option: string): (v: string) => number {
  return (v) => {
    const n = Number(v);
    if (v.trim() === '' || !Number.isFinite(n) || n <= 0) throw new InvalidArgumentError(`${option} needs a number above 0, got "${v}".`);
    return n;
  };
}

/** Commander argument parser for a positive whole number (a scenario version, a count); names the option on bad input. */
export function positiveInt(option: string): (v: string) => number {
  return (v) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`${option} needs a whole number of 1 or more, got "${v}".`);
    return n;
  };
}
