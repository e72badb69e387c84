import type { AccountId, RepId, TerritoryId, UnitId } from '../ids';

/** A territory of a scenario. region groups territories for roll-ups. */
export type Territory = {
  id: TerritoryId;
  name: string;
  /** CSS hex colour, e.g. "#1f77b4". */
  color: string;
  repId: RepId | null;
  region: string;
  /** Optional middle level of the hierarchy: region > area > territory ('' or absent: none). */
  area?: string;
  locked: boolean;
};

/**
 * One mapping unit -> territory. A scenario holds a default alignment (segments: []) and
 * optionally one alignment per segment group (hybrid model: e.g. Enterprise follows its own map).
 */
export type Alignment = {
  key: string;
  label: string;
  /** Account segments that follow this alignment; [] means "every segment not claimed elsewhere". */
  segments: string[];
  /** unit id -> territory id; a unit absent from the map is unassigned. */
  assignment: Record<UnitId, TerritoryId>;
};

/** The content of one scenario version (current schema). */
export type ScenarioPayload = {
  schemaVersion: 1;
  territories: Territory[];
  alignments: Alignment[];
  /** Named accounts that override their unit's territory. */
  accountOverrides: Record<AccountId, TerritoryId>;
  lockedUnits: UnitId[];
  /** Coarse units (counties) replaced by their finer units (ZIP areas) in this scenario, sorted; absent = none. */
  splitUnits?: UnitId[];
  /** Free-form settings of the run that produced this version (balance options etc.). */
  settings: Record<string, unknown>;
};
