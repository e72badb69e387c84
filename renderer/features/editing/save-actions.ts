import { api } from '../../api/client';
import { applyCommand } from '../../../shared/domain/scenario/commands';
import type { ScenarioPayload } from '../../../shared/domain/territories/types';
import { openScenario, refreshScenarioList } from '../../state/scenario-actions';
import { useScenarioStore } from '../../state/scenario-store';
import { messageOf } from '../../state/ui-actions';
import { splitsSinceSaved, watchGraph } from './contiguity-watch';
import { useEditingStore } from './editing-store';

/** Version note listing the edits (newest last), within the API's 2,000 characters. */
export function editsNote(labels: readonly string[]): string {
  const text = `${labels.length} edit${labels.length === 1 ? '' : 's'}: ${labels.join('; ')}`;
  return text.length > 2000 ? `${text.slice(0, 1997)}…` : text;
}

async function write(scenarioId: number, baseVersion: number, payload: ScenarioPayload, note: string): Promise<boolean> {
  const r = await api['scenario.saveVersion']({ scenarioId, baseVersion, payload, note });
  if (!r.ok) {
    if (r.error.code === 'stale-base') {
      const head = useScenarioStore.getState().list.find((s) => s.id === scenarioId)?.headVersion ?? null;
      useEditingStore.setState({ busy: false, staleHead: head ?? baseVersion + 1, message: 'Someone saved a newer version of this scenario meanwhile. Rebase your edits onto it, or discard them.' });
    } else useEditingStore.setState({ busy: false, message: `Not saved: ${r.error.message}` });
    return false;
  }
  await refreshScenarioList();
  await openScenario(scenarioId, r.value.version); // resets the edit history (a new base version)
  useEditingStore.setState({ busy: false, message: `Saved as version ${r.value.version}` });
  return true;
}

/**
 * Territories the draft splits compared with the saved version, in words ("" when none).
 * Throws when the check cannot run, so Save never claims a check it did not make.
 */
async function draftSplits(): Promise<string> {
  const { current, alignment } = useScenarioStore.getState();
  const base = useEditingStore.getState().basePieces;
  if (!current || !alignment || !base) return '';
  const g = await watchGraph();
  return g ? splitsSinceSaved(g, base, current.payload, alignment.unitTerritory) : '';
}

/** Asks before saving territories the edits split; true to go on. */
async function confirmSplits(): Promise<boolean> {
  let splits: string;
  try {
    splits = await draftSplits();
  } catch (e) {
    return window.confirm(`Contiguity could not be checked before saving (${messageOf(e)}). Save anyway?`);
  }
  if (!splits) return true;
  return window.confirm(`These edits leave territories in several pieces: ${splits}. Save anyway? (Cancel keeps editing.)`);
}

/** Writes the draft as a new version on top of the version it was based on. */
export async function saveEdits(): Promise<boolean> {
  const cur = useScenarioStore.getState().current;
  const { history, dirty } = useEditingStore.getState();
  if (!cur || !dirty) return false;
  if (!(await confirmSplits())) {
    useEditingStore.setState({ message: 'Not saved: fix the split territories, or Save again and confirm.' });
    return false;
  }
  useEditingStore.setState({ busy: true, message: 'Saving…' });
  try {
    await refreshScenarioList();
    return await write(cur.scenarioId, cur.version, cur.payload, editsNote(history.past.map((e) => e.label)));
  } catch (e) {
    useEditingStore.setState({ busy: false, message: `Not saved: ${messageOf(e)}` });
    return false;
  }
}

/** Replays the edits on the newest version and saves on top of it (fails with a message when an edit no longer applies). */
export async function rebaseAndSave(): Promise<boolean> {
  const cur = useScenarioStore.getState().current;
  const { history } = useEditingStore.getState();
  if (!cur) return false;
  useEditingStore.setState({ busy: true, message: 'Rebasing…' });
  try {
    const head = await api['scenario.get']({ scenario: cur.scenarioId });
    if (!head.ok) throw new Error(head.error.message);
    let payload = head.value.payload;
    for (const e of history.past) payload = applyCommand(payload, e.forward).payload;
    useEditingStore.setState({ staleHead: null });
    return await write(cur.scenarioId, head.value.version, payload, editsNote(history.past.map((e) => `${e.label}`)) + ` (rebased on v${head.value.version})`);
  } catch (e) {
    useEditingStore.setState({ busy: false, message: `Could not rebase: ${messageOf(e)}. Discard the edits or save them as a new scenario.` });
    return false;
  }
}

/** Drops the draft and reopens the saved version. */
export async function discardEdits(): Promise<void> {
  const cur = useScenarioStore.getState().current;
  if (!cur) return;
  useEditingStore.setState({ dirty: false, staleHead: null, baseKey: null });
  await openScenario(cur.scenarioId, cur.version);
}
