import type { AccountsTable, Rep, UnitEdges, UnitsTable } from '../../domain/dataset/types';
import { z } from 'zod';
import { emptyArg, type Empty, type ArgSchemas } from './common';
import type { GeometryPayload } from './types';

/** Reads of the workspace's dataset (columnar, JSON-safe). */
export type DatasetApi = {
  'dataset.units': (a: Empty) => Promise<UnitsTable>;
  'dataset.edges': (a: Empty) => Promise<UnitEdges>;
  'dataset.geometry': (a: Empty) => Promise<GeometryPayload | null>;
  'dataset.accounts': (a: Empty) => Promise<AccountsTable>;
  'dataset.reps': (a: Empty) => Promise<Rep[]>;
  /** Where a US ZIP code lies (its ZCTA centre, offline), for the map's place search; null when it is not a known ZIP. */
  'dataset.findZip': (a: { zip: string }) => Promise<{ zip: string; lon: number; lat: number } | null>;
};

/** Argument validators of DatasetApi. */
export const datasetSchemas = {
  'dataset.units': emptyArg,
  'dataset.edges': emptyArg,
  'dataset.geometry': emptyArg,
  'dataset.accounts': emptyArg,
  'dataset.reps': emptyArg,
  'dataset.findZip': z.object({ zip: z.string().regex(/^\d{5}$/, 'A ZIP code is five digits') }).strict(),
} as const satisfies ArgSchemas<DatasetApi>;
