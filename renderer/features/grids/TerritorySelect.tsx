import type { Territory } from '../../../shared/domain/territories/types';
import { useScenarioStore } from '../../state/scenario-store';

const NONE: readonly Territory[] = [];

type Props = {
  value: string | null;
  onPick: (territoryId: string | null) => void;
  emptyLabel: string;
  testId?: string;
  disabled?: boolean;
  /** Tooltip, e.g. why the select is disabled. */
  title?: string;
};

/** A native select of the draft's territories (inline grid edit and bulk target); '' means none. */
export function TerritorySelect({ value, onPick, emptyLabel, testId, disabled, title }: Props) {
  const territories = useScenarioStore((s) => s.current?.payload.territories) ?? NONE;
  return (
    <select
      className="grid-select"
      data-testid={testId}
      value={value ?? ''}
      disabled={disabled}
      title={title}
      onChange={(e) => onPick(e.target.value || null)}
      onKeyDown={(e) => e.stopPropagation()}
    >
      <option value="">{emptyLabel}</option>
      {territories.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
    </select>
  );
}
