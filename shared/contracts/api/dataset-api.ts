import type { AccountsTable, Rep, UnitEdges, UnitsTable } from '../../domain/dataset/types';
import { z } from 'zod';
import { type ArgSchemas } from './common';
import type { UnitId } from '../../domain/ids';
import { unitId } from '../../schema/scenario-payload';
import type { GeometryPayload } from './types';

/**
 * Which units a read sees: the stored ones, or (split) with these counties replaced by their ZIP areas, as a scenario
 * whose payload lists them in splitUnits sees the dataset.
 */
export type DatasetViewArg = { split?: UnitId[] };

/** A unit that can be split: its name ("Los Angeles, CA") and its finer units. */
export type SplitChoice = { name: string; children: UnitId[] };

/** Reads of the workspace's dataset (columnar, JSON-safe). */
export type DatasetApi = {
  'dataset.units': (a: DatasetViewArg) => Promise<UnitsTable>;
  'dataset.edges': (a: DatasetViewArg) => Promise<UnitEdges>;
  'dataset.geometry': (a: DatasetViewArg) => Promise<GeometryPayload | null>;
  'dataset.accounts': (a: DatasetViewArg) => Promise<AccountsTable>;
  'dataset.reps': (a: DatasetViewArg) => Promise<Rep[]>;
  /** Each of these units that can be split: its name and the finer units (ZIP areas) it splits into; others are absent. */
  'dataset.splitChildren': (a: { units: UnitId[] }) => Promise<Record<string, SplitChoice>>;
  /** Where a US ZIP code lies (its ZCTA centre, offline), for the map's place search; null when it is not a known ZIP. */
  'dataset.findZip': (a: { zip: string }) => Promise<{ zip: string; lon: number; lat: number } | null>;
};

const viewArg = z.object({ split: z.array(unitId).max(100_000).optional() }).strict();

/** Argument validators of DatasetApi. */
export const datasetSchemas = {
  'dataset.units': viewArg,
  'dataset.edges': viewArg,
  'dataset.geometry': viewArg,
  'dataset.accounts': viewArg,
  'dataset.reps': viewArg,
  'dataset.splitChildren': z.object({ units: z.array(unitId).max(100_000) }).strict(),
  'dataset.findZip': z.object({ zip: z.string().regex(/^\d{5}$/, 'A ZIP code is five digits') }).strict(),
} as const satisfies ArgSchemas<DatasetApi>;
