import type { AccountsTable, Rep, UnitEdges, UnitsTable } from '../../domain/dataset/types';
import { emptyArg, type Empty, type ArgSchemas } from './common';
import type { GeometryPayload } from './types';

/** Reads of the workspace's dataset (columnar, JSON-safe). */
export type DatasetApi = {
  'dataset.units': (a: Empty) => Promise<UnitsTable>;
  'dataset.edges': (a: Empty) => Promise<UnitEdges>;
  'dataset.geometry': (a: Empty) => Promise<GeometryPayload | null>;
  'dataset.accounts': (a: Empty) => Promise<AccountsTable>;
  'dataset.reps': (a: Empty) => Promise<Rep[]>;
};

/** Argument validators of DatasetApi. */
export const datasetSchemas = {
  'dataset.units': emptyArg,
  'dataset.edges': emptyArg,
  'dataset.geometry': emptyArg,
  'dataset.accounts': emptyArg,
  'dataset.reps': emptyArg,
} as const satisfies ArgSchemas<DatasetApi>;
