// Child process of the durability test: saves versions (or writes share files) in a loop until killed.
// Usage: node --import tsx save-loop.ts save <workspace> | share <workspace> <out>
import { appendVersion, findScenario, readVersion } from '../../../electron/db/scenario-repo';
import { writeShareFile } from '../../../electron/services/scenarios/share-write';
import { Workspace } from '../../../electron/services/workspace';

const [mode, path, out] = process.argv.slice(2);
const ws = mode === 'share' ? Workspace.open(path!, { readOnly: true }) : Workspace.open(path!);
process.stdout.write('ready\n');
// A big, varied payload so a save takes long enough for a kill to land in the middle of it.
const blob = Array.from({ length: 60_000 }, (_, i) => ((i * 2654435761) >>> 0).toString(36)).join('');
for (let i = 0; ; i++) {
  if (mode === 'share') {
    const r = await writeShareFile(ws, [{ scenario: 1 }], out!, { overwrite: true, author: 'kill-test', appVersion: 'test' });
    if (!r.ok) throw new Error(r.error.message);
  } else {
    const s = findScenario(ws.db, 1)!;
    const head = readVersion(ws.db, s)!;
    const payload = { ...head.payload, settings: { seq: s.headVersion + 1, blob: `${i}:${blob}` } };
    if (!appendVersion(ws.db, s.id, s.headVersion, payload, 'kill-test', `save ${i}`)) throw new Error('stale base in a single writer');
  }
  process.stdout.write(`${i}\n`);
}
