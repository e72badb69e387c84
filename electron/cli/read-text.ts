import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { textOnlyRefusal } from '../../shared/domain/import/workbook-detect';
import { UserError } from './output';

/** Reads a CSV (or other text) input as UTF-8; a workbook or another binary file is refused with "save it as CSV". */
export function readTextInput(path: string, what: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(resolve(path));
  } catch (e) {
    throw new UserError(`Cannot read the ${what} ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const refusal = textOnlyRefusal(bytes.subarray(0, 8), what);
  if (refusal) throw new UserError(`${path}: ${refusal}`);
  return bytes.toString('utf8');
}
