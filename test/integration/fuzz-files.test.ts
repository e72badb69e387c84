import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openReadOnly, WorkspaceFileError } from '../../electron/db/connection';
import { computeDigest } from '../../electron/db/content-digest';
import { findScenario, listScenarios, readVersion } from '../../electron/db/scenario-repo';
import { createServices } from '../../electron/services/app-services';
import { DEFAULT_SHARE_LIMITS } from '../../electron/services/scenarios/share-format';
import { validateTesseraFile } from '../../electron/services/scenarios/share-validate';
import { fillDataset, Workspace } from '../../electron/services/workspace';
import { useTempDir } from '../fixtures/temp';
import { tinyDataset, tinyPayload } from '../fixtures/tiny-dataset';
import { generateCorpus, type FuzzCase } from '../fuzz/corpus/files/generate';
import { movedB } from '../unit/shared/scenario/fixtures';

const tempDir = useTempDir();
const LIMITS = { payloadChars: 4096, geometryChars: 1e6 };

/** How one damaged file was handled when opened read-only. */
type Outcome = 'refused' | 'opened-damage-named' | 'opened-intact' | 'opened-silently-altered';

/** Content of a file as its table digests (meta without the digest keys), to tell intact from altered. */
function content(path: string): Record<string, string> {
  const db = openReadOnly(path);
  try {
    return computeDigest(db).tables;
  } finally {
    db.close();
  }
}

/** Reads everything an opened workspace offers; any throw here is a failure (a stack where a message belongs). */
function readAll(ws: Workspace): void {
  ws.info();
  ws.units();
  ws.edges();
  ws.geometry();
  ws.accounts();
  ws.reps();
  ws.sources();
  for (const s of listScenarios(ws.db)) for (let v = 1; v <= s.headVersion; v++) readVersion(ws.db, findScenario(ws.db, s.id)!, v);
}

function openOutcome(c: FuzzCase, original: Record<string, string>): { outcome: Outcome; message: string } {
  let ws: Workspace;
  try {
    ws = Workspace.open(c.path, { readOnly: true, limits: LIMITS });
  } catch (e) {
    if (e instanceof WorkspaceFileError) return { outcome: 'refused', message: e.message };
    throw new Error(`${c.name}: opening threw ${(e as Error).stack}`, { cause: e });
  }
  try {
    readAll(ws);
    const damage = ws.report.damage;
    if (damage.length) {
      // Damage found read-only must also stop a writable open.
      expect(() => Workspace.open(c.path, { limits: LIMITS }).close(), c.name).toThrow(WorkspaceFileError);
      return { outcome: 'opened-damage-named', message: damage.map((d) => d.message).join('; ') };
    }
  } finally {
    ws.close();
  }
  const now = content(c.path);
  const same = Object.keys(original).every((t) => original[t] === now[t]);
  return { outcome: same ? 'opened-intact' : 'opened-silently-altered', message: '' };
}

describe('fuzz corpus of workspace and share files', () => {
  it('opens each damaged file cleanly, refuses it with a specific message, or opens it read-only with the damage named', async () => {
    const dir = tempDir();
    const workspace = join(dir, 'source.tessera');
    Workspace.createWith(workspace, (db) =>
      fillDataset(db, tinyDataset(), [{ name: 'Current', description: 'the plan', payload: tinyPayload() }, { name: 'Moved B', description: '', payload: movedB() }], 'alice', 'first'),
    ).close();
    const share = join(dir, 'source-share.tessera');
    const s = createServices({ mode: 'direct', workspace, keysDir: join(dir, 'no-keys') });
    expect((await s.api['share.export']({ scenarios: [{ scenario: 'Moved B' }, { scenario: 'Current' }], path: share })).ok).toBe(true);
    s.close();
    const originals = { workspace: content(workspace), share: content(share) };
    const cases = generateCorpus(dir, { workspace, share });

    const counts = { tried: 0, refused: 0, openedDamageNamed: 0, openedIntact: 0, forgedUnsigned: 0, silentlyAltered: 0, shareAccepted: 0, shareRefused: 0 };
    const flips = { tried: 0, refused: 0, damageNamed: 0, harmless: 0, silent: 0 };
    const silent: string[] = [];
    for (const c of cases) {
      counts.tried++;
      const { outcome, message } = openOutcome(c, originals[c.base]);
      if (outcome === 'refused' || outcome === 'opened-damage-named') {
        expect(message, c.name).not.toMatch(/\n\s+at /);
        expect(message.length, c.name).toBeGreaterThan(20);
      }
      if (outcome === 'refused') counts.refused++;
      if (outcome === 'opened-damage-named') counts.openedDamageNamed++;
      if (outcome === 'opened-intact') counts.openedIntact++;
      if (outcome === 'opened-silently-altered') {
        // A forger who recomputes the (unkeyed) digest gets past it by design; only a signature stops them,
        // and the share check below shows such a file as unsigned. Anything else altered silently is a failure.
        if (c.mutation === 'resealed-sql') counts.forgedUnsigned++;
        else {
          counts.silentlyAltered++;
          silent.push(c.name);
        }
      }
      if (c.mutation === 'flip') {
        flips.tried++;
        if (outcome === 'refused') flips.refused++;
        else if (outcome === 'opened-damage-named') flips.damageNamed++;
        else if (outcome === 'opened-intact') flips.harmless++;
        else flips.silent++;
      }
      // As a share file (what share.inspect, share.open and import-scenarios run first): a value, never a throw.
      const v = validateTesseraFile(c.path, { ...DEFAULT_SHARE_LIMITS, ...LIMITS }, join(dir, 'no-keys'));
      if (v.ok) {
        counts.shareAccepted++;
        // A share file passes only unchanged in content (a flip in free space or an index) or resealed without a signature.
        if (c.base === 'share' && c.mutation !== 'resealed-sql') expect(content(c.path), c.name).toEqual(originals.share);
        if (c.base === 'share') expect(v.value.signature, c.name).toEqual({ status: 'unsigned' });
      } else counts.shareRefused++;
    }
    console.log(`fuzz-files: ${JSON.stringify(counts)}; flips ${JSON.stringify(flips)}${silent.length ? `; silently altered: ${silent.join(', ')}` : ''}`);
    expect(counts.tried).toBe(cases.length);
    expect(silent).toEqual([]);
    expect(counts.refused + counts.openedDamageNamed + counts.openedIntact + counts.forgedUnsigned).toBe(counts.tried);
  });
});
