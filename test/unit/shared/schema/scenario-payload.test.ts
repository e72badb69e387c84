import { describe, expect, it } from 'vitest';
import { payloadProblems, SCENARIO_PAYLOAD_VERSION, upgradeScenarioPayload } from '../../../../shared/schema/scenario-payload';
import { tinyPayload } from '../../../fixtures/tiny-dataset';

describe('scenario payload schema', () => {
  it('accepts a current payload unchanged (v1 round trip)', () => {
    const p = tinyPayload();
    expect(upgradeScenarioPayload(JSON.parse(JSON.stringify(p)))).toEqual(p);
  });

  it('refuses a payload from a newer Tessera, naming its version', () => {
    expect(() => upgradeScenarioPayload({ ...tinyPayload(), schemaVersion: SCENARIO_PAYLOAD_VERSION + 1 })).toThrow(
      `Scenario payload schema version ${SCENARIO_PAYLOAD_VERSION + 1} is newer`,
    );
  });

  it('refuses a payload without a version or with a malformed colour', () => {
    expect(() => upgradeScenarioPayload({})).toThrow(/no schemaVersion/);
    const bad = tinyPayload();
    bad.territories[0]!.color = 'red';
    expect(() => upgradeScenarioPayload(bad)).toThrow();
  });

  it('lists cross-reference problems: duplicate territories, unknown territories in alignments and overrides', () => {
    const p = tinyPayload();
    p.territories.push({ ...p.territories[0]! });
    p.accountOverrides = { a1: 'Z' } as never;
    expect(payloadProblems(p)).toEqual(['Duplicate territory id: W', 'Account a1 overrides to unknown territory Z']);
  });
});
