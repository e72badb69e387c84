import { basename } from 'node:path';
import type Database from 'better-sqlite3';
import { openReadOnly } from '../../db/connection';
import type { ShareErrorCode, ShareImportReport } from '../../../shared/contracts/app-api';
import { err, ok, type Result } from '../../../shared/contracts/result';
import type { Workspace } from '../workspace';
import { datasetFingerprint, fileScenarios, fileVersions, ids, insertImportedScenario, scenarioNameTaken } from '../../db/share-repo';
import { validateTesseraFile } from './share-validate';
import { checkpoint } from '../long-call';

/** Ids in one list but not the other, with a few examples. */
function setDiff(a: readonly string[], b: readonly string[]): { count: number; examples: string[] } {
  const inB = new Set(b);
  const missing = a.filter((x) => !inB.has(x));
  return { count: missing.length, examples: missing.slice(0, 5) };
}

/** Explains how two datasets differ: units and accounts on one side only, or the same ids in another order. */
export function explainMismatch(file: { units: string[]; accounts: string[] }, here: { units: readonly string[]; accounts: readonly string[] }): { message: string; details: unknown } {
  const details = {
    unitsOnlyInFile: setDiff(file.units, here.units),
    unitsOnlyHere: setDiff(here.units, file.units),
    accountsOnlyInFile: setDiff(file.accounts, here.accounts),
    accountsOnlyHere: setDiff(here.accounts, file.accounts),
  };
  const part = (label: string, d: { count: number; examples: string[] }): string | null =>
    d.count ? `${d.count} ${label} (e.g. ${d.examples.join(', ')})` : null;
  const parts = [
    part('units only in the file', details.unitsOnlyInFile),
    part('units only in this workspace', details.unitsOnlyHere),
    part('accounts only in the file', details.accountsOnlyInFile),
    part('accounts only in this workspace', details.accountsOnlyHere),
  ].filter((p): p is string => p !== null);
  const what = parts.length ? parts.join('; ') : 'the same units and accounts, but in a different order';
  return {
    message: `The file's scenarios were made for a different dataset than this workspace's: ${what}. Nothing was imported; open the file on its own (read-only) or import the matching dataset first.`,
    details,
  };
}

function uniqueName(db: Database.Database, name: string): string {
  const taken = (n: string): boolean => scenarioNameTaken(db, n);
  if (!taken(name)) return name;
  for (let i = 1; ; i++) {
    const candidate = i === 1 ? `${name} (imported)` : `${name} (imported ${i})`;
    if (!taken(candidate)) return candidate;
  }
}

/**
 * Imports scenarios (all, or those named) from a validated share or workspace file into ws, with their
 * whole history, in one transaction. A dataset mismatch is refused and explained, never merged. In a tracked long
 * call it reports its steps; a cancel stops it before the transaction (after it, the import has happened).
 */
export async function importScenarios(ws: Workspace, path: string, names?: string[], keysDir?: string): Promise<Result<ShareImportReport, ShareErrorCode | 'dataset-mismatch' | 'read-only'>> {
  if (ws.readOnly) return err('read-only', `${ws.name} is open read-only; save a copy to import scenarios into it.`);
  await checkpoint('Checking the file', 0, 3);
  const valid = validateTesseraFile(path, undefined, keysDir);
  if (!valid.ok) return valid;
  await checkpoint('Matching its dataset with this workspace', 1, 3);
  const file = openReadOnly(valid.value.path);
  try {
    if (valid.value.fingerprint !== datasetFingerprint(ws.db)) {
      const { message, details } = explainMismatch(
        { units: ids(file, 'units'), accounts: ids(file, 'accounts') },
        { units: ws.units().ids, accounts: ws.accounts().ids },
      );
      return err('dataset-mismatch', message, details);
    }
    let scenarios = fileScenarios(file);
    if (names) {
      const missing = names.filter((n) => !scenarios.some((s) => s.name === n));
      if (missing.length) return err('not-found', `The file has no scenario named ${missing.map((n) => `"${n}"`).join(', ')}; it has ${scenarios.map((s) => `"${s.name}"`).join(', ')}.`);
      scenarios = scenarios.filter((s) => names.includes(s.name));
    }
    const sig = valid.value.signature;
    const source = sig.status === 'signed' ? ` (signed by ${sig.trusted ? (sig.trustedName ?? sig.signer) : `"${sig.signer}", untrusted key`}, key ${sig.fingerprint})` : valid.value.createdBy ? ` (shared by ${valid.value.createdBy}, unsigned)` : '';
    await checkpoint('Importing the scenarios', 2, 3);
    const imported = ws.db.transaction(() =>
      scenarios.map((s) => {
        const as = uniqueName(ws.db, s.name);
        // Versions are copied byte for byte (immutable); where they came from goes in the description.
        const description = `${s.description}${s.description ? '\n' : ''}Imported from ${basename(valid.value.path)}${source} on ${new Date().toISOString().slice(0, 10)}.`;
        const versions = fileVersions(file, s.id);
        const id = insertImportedScenario(ws.db, { ...s, name: as, description }, versions);
        return { from: s.name, as, id, versions: versions.length };
      }),
    )();
    return ok({ imported });
  } finally {
    file.close();
  }
}
