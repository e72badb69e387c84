import { copyFileSync, createReadStream, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { previewBytes, readHead, runImport } from '../../electron/services/import/import-service';
import { Workspace } from '../../electron/services/workspace';
import { useTempDir } from '../fixtures/temp';
import { tinyWorkspacePath } from '../fixtures/tiny-workspace';

// Every file of the import fuzz corpus goes through preview and import into a fresh workspace. Each must
// be refused cleanly (a specific message, nothing written) or imported with every data row accounted
// for (imported + rejected with a reason = rows read). expected.json pins which of the two each file gets.
const CORPUS = resolve(__dirname, '../fuzz/corpus/import');
const expected = JSON.parse(readFileSync(join(CORPUS, 'expected.json'), 'utf8')) as Record<string, string>;
const files = readdirSync(CORPUS).filter((f) => f !== 'expected.json' && f !== 'README.md').sort();
const tempDir = useTempDir();

type Outcome = { file: string; outcome: string; rows: number; accounted: number };
const outcomes: Outcome[] = [];
let templateDir = '';
let template = '';

/** The accounts table as another connection sees it: what an import must leave alone when it refuses. */
function snapshot(path: string): string {
  const ws = Workspace.open(path, { readOnly: true });
  try {
    return JSON.stringify(ws.db.prepare('SELECT count(*) AS n, total(length(id) + length(name)) AS s, max(idx) AS m FROM accounts').get());
  } finally {
    ws.close();
  }
}

async function importFile(file: string): Promise<Outcome> {
  const path = join(tempDir(), 'fuzz.tessera');
  copyFileSync(template, path);
  const before = snapshot(path);
  const source = join(CORPUS, file);
  const { head, truncated } = readHead(source);
  const preview = previewBytes('accounts', head, truncated);
  if (!preview.ok) {
    expect(preview.error.message.length, file).toBeGreaterThan(15);
    expect(snapshot(path), file).toBe(before);
    return { file, outcome: `refused:${preview.error.code}`, rows: 0, accounted: 0 };
  }
  const ws = Workspace.open(path);
  let res;
  try {
    res = await runImport(ws, { kind: 'accounts', read: preview.value.read, mapping: preview.value.mapping }, createReadStream(source, { highWaterMark: 4096 }));
  } finally {
    ws.close();
  }
  if (!res.ok) {
    expect(res.error.message.length, file).toBeGreaterThan(15);
    expect(snapshot(path), file).toBe(before);
    return { file, outcome: `refused:${res.error.code}`, rows: 0, accounted: 0 };
  }
  const s = res.value;
  expect(s.imported + s.rejected, `${file}: every row imported or rejected`).toBe(s.rows);
  expect(s.issues.filter((i) => i.action === 'rejected').length + s.issuesOmitted, `${file}: a reason per rejected row`).toBeGreaterThanOrEqual(s.rejected);
  const after = Workspace.open(path, { readOnly: true });
  try {
    const names = after.accounts().names;
    expect(names.length, file).toBe(6 + s.added);
    // A replacement character is stored only when the import reported it.
    if (names.some((n) => n.includes('\uFFFD'))) expect(s.issues.some((i) => i.code === 'encoding'), file).toBe(true);
  } finally {
    after.close();
  }
  return { file, outcome: 'imported', rows: s.rows, accounted: s.imported + s.rejected };
}

describe('import fuzz corpus', () => {
  beforeAll(() => {
    // One tiny workspace, copied for each file (a copy is much cheaper than building one).
    templateDir = mkdtempSync(join(tmpdir(), 'tessera-fuzz-'));
    template = tinyWorkspacePath(templateDir);
  });
  afterAll(() => {
    rmSync(templateDir, { recursive: true, force: true });
    const refused = outcomes.filter((o) => o.outcome.startsWith('refused')).length;
    const rows = outcomes.reduce((a, o) => a + o.rows, 0);
    const accounted = outcomes.reduce((a, o) => a + o.accounted, 0);
    if (process.env.FUZZ_LIST) console.log(JSON.stringify(Object.fromEntries(outcomes.map((o) => [o.file, o.outcome])), null, 2));
    console.log(`import fuzz corpus: tried ${outcomes.length}, refused cleanly ${refused}, imported ${outcomes.length - refused}, rows accounted for ${accounted} of ${rows}`);
  });

  it('lists an expected outcome for every corpus file', () => {
    expect(Object.keys(expected).sort()).toEqual(files);
  });

  for (const file of files) {
    it(`${file}: ${expected[file] ?? '?'}`, async () => {
      const o = await importFile(file);
      outcomes.push(o);
      expect(o.outcome).toBe(expected[file]);
    });
  }
});
