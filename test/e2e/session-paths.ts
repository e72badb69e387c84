import { join } from 'node:path';

/** The folder of this run's session files and data folders (made by playwright.config.ts, inherited by workers). */
export function e2eRunDir(): string {
  const dir = process.env.TESSERA_E2E_RUN;
  if (!dir) throw new Error('TESSERA_E2E_RUN is not set; run the e2e specs through playwright.config.ts.');
  return dir;
}

/** Session file (`serve --session-file`) of the server on port. */
export function sessionFilePath(port: number): string {
  return join(e2eRunDir(), `session-${port}.json`);
}

/** Data folder (`serve --data-dir`) of the server on port. */
export function dataDirPath(port: number): string {
  return join(e2eRunDir(), `data-${port}`);
}
