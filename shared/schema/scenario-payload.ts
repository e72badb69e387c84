import { z } from 'zod';
import type { Brand } from '../domain/ids';
import type { ScenarioPayload } from '../domain/territories/types';

/** Current scenario payload schema version; bump with an upgrade step in upgradeScenarioPayload. */
export const SCENARIO_PAYLOAD_VERSION = 1;

const idString = z.string().min(1).max(200);
/** An id string typed as the branded id it is (TerritoryId, UnitId, …): a transform, so the schema's type is the payload's. */
const brandedId = <B extends string>() => idString.transform((s) => s as Brand<string, B>);
const territoryId = brandedId<'TerritoryId'>();
/** A unit id in a payload or an API argument. */
export const unitId = brandedId<'UnitId'>();

/** Validates a scenario payload of the current version. */
export const scenarioPayloadSchema = z.object({
  schemaVersion: z.literal(1),
  territories: z
    .array(
      z.object({
        id: territoryId,
        name: z.string().max(200),
        color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
        repId: brandedId<'RepId'>().nullable(),
        region: z.string().max(200),
        area: z.string().max(200).optional(),
        locked: z.boolean(),
      }),
    )
    .max(10_000),
  alignments: z
    .array(
      z.object({
        key: idString,
        label: z.string().max(200),
        segments: z.array(z.string().max(200)).max(1000),
        assignment: z.record(unitId, territoryId),
      }),
    )
    .min(1)
    .max(32),
  accountOverrides: z.record(brandedId<'AccountId'>(), territoryId),
  lockedUnits: z.array(unitId),
  splitUnits: z.array(unitId).max(100_000).optional(),
  settings: z.record(z.string(), z.unknown()),
}) satisfies z.ZodType<ScenarioPayload>;

/** Checks the cross-references of a payload: unique territory ids, assignments naming known territories. */
export function payloadProblems(p: ScenarioPayload): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const t of p.territories) {
    if (ids.has(t.id)) problems.push(`Duplicate territory id: ${t.id}`);
    ids.add(t.id);
  }
  const keys = new Set<string>();
  for (const a of p.alignments) {
    if (keys.has(a.key)) problems.push(`Duplicate alignment key: ${a.key}`);
    keys.add(a.key);
    for (const [unit, t] of Object.entries(a.assignment)) {
      if (!ids.has(t)) {
        problems.push(`Alignment ${a.key} assigns unit ${unit} to unknown territory ${t}`);
        break;
      }
    }
  }
  for (const unit of p.splitUnits ?? []) {
    const a = p.alignments.find((al) => al.assignment[unit as Brand<string, 'UnitId'>] !== undefined);
    if (a) problems.push(`Unit ${unit} is split into finer units but alignment ${a.key} still assigns it`);
  }
  for (const [acc, t] of Object.entries(p.accountOverrides)) {
    if (!ids.has(t)) {
      problems.push(`Account ${acc} overrides to unknown territory ${t}`);
      break;
    }
  }
  return problems;
}

/**
 * Upgrades a stored payload of any known version to the current one (pure).
 * Throws for a version newer than this app understands, naming it.
 */
export function upgradeScenarioPayload(raw: unknown): ScenarioPayload {
  const version = (raw as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof version !== 'number') throw new Error('Scenario payload has no schemaVersion');
  if (version > SCENARIO_PAYLOAD_VERSION) {
    throw new Error(
      `Scenario payload schema version ${version} is newer than this Tessera understands (${SCENARIO_PAYLOAD_VERSION}); update Tessera`,
    );
  }
  return scenarioPayloadSchema.parse(raw) as ScenarioPayload;
}
