import { useEffect, useState } from 'react';
import { useDatasetStore } from '../../state/dataset-store';
import { useReadOnlyReason } from '../../state/read-only';
import { messageOf } from '../../state/ui-actions';
import { selectUnits } from './editing-actions';
import { mergeIntoCounties, splitIntoZipAreas, unitGeographyChoice, type UnitGeographyChoice } from './geography-actions';

/** Where the menu opened (map pane pixels) and on which unit. */
export type UnitMenuAt = { x: number; y: number; unit: number };

/** The map's right-click menu on a unit: split a county into its ZIP areas, or merge a split county back. */
export function UnitMenu({ at, onClose }: { at: UnitMenuAt; onClose: () => void }) {
  const name = useDatasetStore((s) => s.units?.names[at.unit] ?? '');
  const readOnly = useReadOnlyReason();
  const [choice, setChoice] = useState<UnitGeographyChoice | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    unitGeographyChoice(at.unit).then((c) => live && setChoice(c), (e: unknown) => live && setError(messageOf(e)));
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => {
      live = false;
      window.removeEventListener('keydown', onKey);
    };
  }, [at.unit, onClose]);
  const run = (f: () => Promise<boolean>) => () => {
    onClose();
    void f();
  };
  return (
    <div className="unit-menu" role="menu" data-testid="unit-menu" style={{ left: at.x, top: at.y }} onContextMenu={(e) => e.preventDefault()}>
      <div className="unit-menu__title">{name}</div>
      <button role="menuitem" onClick={run(async () => (selectUnits([at.unit], 'replace'), true))}>Select</button>
      {error ? <div className="unit-menu__note">{error}</div> : null}
      {!choice && !error ? <div className="unit-menu__note">Looking up ZIP areas…</div> : null}
      {choice?.split ? (
        <button role="menuitem" data-testid="unit-menu-split" disabled={!!readOnly} title={readOnly ?? undefined} onClick={run(() => splitIntoZipAreas([at.unit]))}>
          Split into {choice.split.zipAreas} ZIP areas
        </button>
      ) : null}
      {choice?.merge ? (
        <button role="menuitem" data-testid="unit-menu-merge" disabled={!!readOnly} title={readOnly ?? undefined} onClick={run(() => mergeIntoCounties([at.unit]))}>
          Merge back into {choice.merge.name}
        </button>
      ) : null}
      {choice && !choice.split && !choice.merge ? <div className="unit-menu__note">Neither a county with ZIP areas nor a ZIP area of a split county.</div> : null}
    </div>
  );
}
