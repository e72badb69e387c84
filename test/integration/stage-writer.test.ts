import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { StageWriter } from '../../electron/db/stage-writer';
import { useTempDir } from '../fixtures/temp';

const tempDir = useTempDir();

function stageFile(): string {
  const file = join(tempDir(), 'stage.sqlite');
  const db = new Database(file);
  db.exec('CREATE TABLE staged (a, b)');
  db.close();
  return file;
}

describe('import stage writer (worker thread)', () => {
  it('stores every row it is sent, in order, across batches and a partial last batch', async () => {
    const file = stageFile();
    const w = new StageWriter(file, 2);
    const rows = 5000;
    for (let start = 0; start < rows; start += 2048) {
      const flat: unknown[] = [];
      for (let i = start; i < Math.min(rows, start + 2048); i++) flat.push(i, `row ${i}`);
      w.write(flat);
    }
    await w.end();
    const db = new Database(file, { readonly: true });
    const got = db.prepare('SELECT a, b FROM staged ORDER BY rowid').raw().all() as [number, string][];
    db.close();
    expect(got).toHaveLength(rows);
    expect(got.every(([a, b], i) => a === i && b === `row ${i}`)).toBe(true);
  });

  it('rejects end() with the reason when rows cannot be stored, instead of reporting success', async () => {
    const file = stageFile();
    const w = new StageWriter(file, 3); // the table has 2 columns: every insert fails
    w.write([1, 2, 3]);
    await expect(w.end()).rejects.toThrow(/Could not stage the import's records: .*(columns|values)/);
  });

  it('abort stops the thread and removes the stage', async () => {
    const file = stageFile();
    const w = new StageWriter(file, 2);
    w.write([1, 'one']);
    let cleaned = 0;
    await new Promise<void>((resolve) => {
      w.abort(() => {
        cleaned++;
        if (cleaned === 2) resolve();
      });
    });
    expect(cleaned).toBe(2);
    expect(existsSync(file)).toBe(true); // cleanup is the caller's: here it only counts
  });
});
