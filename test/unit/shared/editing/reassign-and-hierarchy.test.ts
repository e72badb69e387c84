import { describe, expect, it } from 'vitest';
import { areaRollups, createTerritory, mergeTerritories, regionRollups, splitTerritory } from '../../../../shared/domain/editing/hierarchy';
import { scenarioPayloadSchema } from '../../../../shared/schema/scenario-payload';
import { commandDelta, planLock, planReassign } from '../../../../shared/domain/editing/reassign';
import type { TerritoryId, UnitId } from '../../../../shared/domain/ids';
import { applyCommand } from '../../../../shared/domain/scenario/commands';
import { tinyPayload } from '../../../fixtures/tiny-dataset';

const W = 'W' as TerritoryId;
const E = 'E' as TerritoryId;
const unitIds = ['A', 'B', 'C', 'D'];
const index = { unitIds, unitIndex: new Map(unitIds.map((id, i) => [id, i])), accountIndex: new Map([['a6', 5]]) };
// default alignment of tinyPayload: A W, B E, C W, D E
const unitTerritory = Int32Array.of(0, 1, 0, 1);

describe('planning a reassignment', () => {
  it('moves only the units that are not already in the target', () => {
    const plan = planReassign(tinyPayload(), 'default', index, [0, 1, 3], unitTerritory, W);
    expect(plan.command).toEqual({ kind: 'assign', alignment: 'default', changes: { B: W, D: W } });
    expect(plan.moved).toBe(2);
  });

  it('leaves locked units and units of locked territories where they are', () => {
    const p = tinyPayload();
    p.lockedUnits = ['B' as UnitId];
    p.territories[0]!.locked = true; // West
    const plan = planReassign(p, 'default', index, [0, 1, 3], unitTerritory, null);
    expect(plan.command).toEqual({ kind: 'assign', alignment: 'default', changes: { D: null } });
    expect(plan.skippedLocked).toBe(2);
  });

  it('refuses to move units into a locked territory and says why', () => {
    const p = tinyPayload();
    p.territories[1]!.locked = true;
    const plan = planReassign(p, 'default', index, [0], unitTerritory, E);
    expect(plan.command).toBeNull();
    expect(plan.reason).toMatch(/East is locked/);
  });

  it('throws for an unknown target territory', () => {
    expect(() => planReassign(tinyPayload(), 'default', index, [0], unitTerritory, 'X' as TerritoryId)).toThrow('Unknown territory id: X');
  });

  it('locks only units whose state changes', () => {
    const p = { ...tinyPayload(), lockedUnits: ['A' as UnitId] };
    expect(planLock(p, ['A', 'B'], true)).toEqual({ kind: 'lock', changes: { B: true } });
    expect(planLock(p, ['B'], false)).toBeNull();
  });
});

describe('index deltas of commands', () => {
  it('turns an assignment and its inverse into unit index changes', () => {
    const p = tinyPayload();
    const { payload, inverse } = applyCommand(p, { kind: 'assign', alignment: 'default', changes: { B: W, D: null } });
    const d = commandDelta({ kind: 'assign', alignment: 'default', changes: { B: W, D: null } }, payload, index);
    expect(d).toEqual({ kind: 'units', alignment: 0, units: Int32Array.of(1, 3), territories: Int32Array.of(0, -1) });
    expect(commandDelta(inverse, p, index)).toEqual({ kind: 'units', alignment: 0, units: Int32Array.of(1, 3), territories: Int32Array.of(1, 1) });
  });

  it('uses known account indices for overrides and falls back to a full recompute otherwise', () => {
    expect(commandDelta({ kind: 'override', changes: { a6: W } }, tinyPayload(), index)).toEqual({ kind: 'overrides', accounts: Int32Array.of(5), territories: Int32Array.of(0) });
    expect(commandDelta({ kind: 'override', changes: { a1: W } }, tinyPayload(), index)).toEqual({ kind: 'full' });
    expect(commandDelta({ kind: 'territory', territoryId: W, patch: { name: 'Pacific' } }, tinyPayload(), index)).toEqual({ kind: 'meta' });
  });
});

describe('territory hierarchy edits', () => {
  it('creates a territory with a fresh id and colour', () => {
    const { payload, id } = createTerritory(tinyPayload(), ' North ', 'All');
    expect(id).toBe('T-3');
    expect(payload.territories.at(-1)).toMatchObject({ id: 'T-3', name: 'North', region: 'All', repId: null, locked: false });
    expect(() => createTerritory(tinyPayload(), '  ', 'All')).toThrow('A territory needs a name');
  });

  it('merges territories: units in every alignment and named accounts follow, the merged ones disappear', () => {
    const merged = mergeTerritories(tinyPayload(), W, [E]);
    expect(merged.territories.map((t) => t.id)).toEqual(['W']);
    expect(Object.values(merged.alignments[0]!.assignment)).toEqual([W, W, W, W]);
    expect(merged.accountOverrides).toEqual({ a6: W });
    expect(() => mergeTerritories(tinyPayload(), W, [W])).toThrow('Cannot merge W into itself');
    expect(() => mergeTerritories(tinyPayload(), W, ['Q' as TerritoryId])).toThrow('Unknown territory id: Q');
  });

  it('splits the chosen units of a territory into a new one in the same region', () => {
    const { payload, id, moved } = splitTerritory(tinyPayload(), E, 'default', ['B', 'A'], 'East 2');
    expect(moved).toBe(1); // A belongs to West
    expect(payload.alignments[0]!.assignment).toMatchObject({ A: W, B: id, D: E });
    expect(payload.alignments[1]!.assignment).toEqual(tinyPayload().alignments[1]!.assignment);
  });

  it('rolls territory rows up to regions', () => {
    const rows = [
      { region: 'West', units: 2, accounts: 10, potential: 5, revenue: 1, workload: 3 },
      { region: 'East', units: 1, accounts: 4, potential: 2, revenue: 1, workload: 1 },
      { region: 'West', units: 3, accounts: 1, potential: 1, revenue: 0, workload: 1 },
    ];
    expect(regionRollups(rows)).toEqual([
      { region: 'West', territories: 2, units: 5, accounts: 11, potential: 6, revenue: 1, workload: 4 },
      { region: 'East', territories: 1, units: 1, accounts: 4, potential: 2, revenue: 1, workload: 1 },
    ]);
  });

  it('keeps the optional middle level: areas roll up within their region, splits inherit it, the schema accepts it, undo removes it', () => {
    const rows = [
      { region: 'West', area: 'Pacific', units: 2, accounts: 10, potential: 5, revenue: 1, workload: 3 },
      { region: 'West', area: '', units: 9, accounts: 9, potential: 9, revenue: 9, workload: 9 },
      { region: 'East', area: 'Pacific', units: 1, accounts: 4, potential: 2, revenue: 1, workload: 1 },
      { region: 'West', area: 'Pacific', units: 3, accounts: 1, potential: 1, revenue: 0, workload: 1 },
    ];
    expect(areaRollups(rows)).toEqual([
      { region: 'West', area: 'Pacific', territories: 2, units: 5, accounts: 11, potential: 6, revenue: 1, workload: 4 },
      { region: 'East', area: 'Pacific', territories: 1, units: 1, accounts: 4, potential: 2, revenue: 1, workload: 1 },
    ]);

    const { payload: withArea, inverse } = applyCommand(tinyPayload(), { kind: 'territory', territoryId: E, patch: { area: 'Coast' } });
    expect(withArea.territories.find((t) => t.id === E)?.area).toBe('Coast');
    expect(scenarioPayloadSchema.safeParse(withArea).success).toBe(true);
    expect(scenarioPayloadSchema.safeParse({ ...withArea, territories: [{ ...withArea.territories[0]!, area: 'x'.repeat(201) }] }).success).toBe(false);
    const split = splitTerritory(withArea, E, 'default', ['B'], 'East 2');
    expect(split.payload.territories.find((t) => t.id === split.id)?.area).toBe('Coast');
    const undone = applyCommand(withArea, inverse).payload;
    expect(undone.territories.find((t) => t.id === E)?.area ?? '').toBe('');
    expect(scenarioPayloadSchema.safeParse(undone).success).toBe(true);
  });
});
