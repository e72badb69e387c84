import { useState } from 'react';
import { useScenarioStore } from '../../state/scenario-store';
import { useSelectionStore } from '../../state/selection-store';
import { addTerritory, mergeInto, patchTerritory, splitSelection } from './editing-actions';
import { useEditingStore } from './editing-store';
import { useReadOnlyReason } from '../../state/read-only';

/** Create, merge, split, rename and recolour territories (the selected one), each an undoable draft command. */
export function TerritoryActions() {
  const selectedId = useSelectionStore((s) => s.territoryId);
  const territory = useScenarioStore((s) => s.current?.payload.territories.find((t) => t.id === selectedId));
  const territories = useScenarioStore((s) => s.current?.payload.territories);
  const readOnlyReason = useReadOnlyReason();
  const readOnly = readOnlyReason !== null;
  const selectedUnits = useEditingStore((s) => s.selectedUnits.length);
  const [name, setName] = useState('');
  const [mergeFrom, setMergeFrom] = useState('');
  const [color, setColor] = useState<string | null>(null);
  const trimmed = name.trim();
  const off = readOnly || !territories;
  const done = (ok: boolean) => { if (ok) setName(''); };

  return (
    <div className="territory-actions" data-testid="territory-actions" title={readOnlyReason ?? undefined}>
      <input type="text" data-testid="territory-name-input" placeholder={territory ? `Name (for new, split or rename ${territory.name})` : 'Name of a new territory'} value={name} onChange={(e) => setName(e.target.value)} />
      <button data-testid="territory-create" disabled={off || !trimmed} onClick={() => void addTerritory(trimmed, territory?.region ?? '').then(done)}>New</button>
      <button data-testid="territory-split" disabled={off || !territory || !selectedUnits} title={readOnlyReason ?? 'Move the selected units of the selected territory into a new territory'} onClick={() => territory && void splitSelection(territory.id, trimmed || `${territory.name} (split)`).then(done)}>Split {selectedUnits || ''}</button>
      <button data-testid="territory-rename" disabled={off || !territory || !trimmed || trimmed === territory.name} onClick={() => territory && void patchTerritory(territory.id, { name: trimmed }, `Rename ${territory.name} to ${trimmed}`).then(done)}>Rename</button>
      {territory ? (
        <>
          <input type="color" data-testid="territory-color" value={color ?? territory.color} disabled={off} onChange={(e) => setColor(e.target.value)} title={readOnlyReason ?? 'Colour of the selected territory'} />
          <button data-testid="territory-recolor" disabled={off || !color || color === territory.color} onClick={() => color && void patchTerritory(territory.id, { color }, `Recolour ${territory.name}`).then(() => setColor(null))}>Recolour</button>
          <select data-testid="territory-merge-from" value={mergeFrom} disabled={off} onChange={(e) => setMergeFrom(e.target.value)}>
            <option value="">(merge a territory into {territory.name})</option>
            {(territories ?? []).filter((t) => t.id !== territory.id).map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
          </select>
          <button data-testid="territory-merge" disabled={off || !mergeFrom} onClick={() => void mergeInto(territory.id, [mergeFrom]).then(() => setMergeFrom(''))}>Merge</button>
        </>
      ) : <span className="muted">Select a territory to split, rename, recolour or merge.</span>}
    </div>
  );
}
