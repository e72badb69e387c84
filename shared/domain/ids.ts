/** Branded string id helpers: a UnitId cannot be passed where a TerritoryId is expected. */
export type Brand<T, B extends string> = T & { readonly __brand: B };
/** Geo unit id (county FIPS, ZIP, or a custom id); always a string, never a number. */
export type UnitId = Brand<string, 'UnitId'>;
/** Territory id, unique within a scenario. */
export type TerritoryId = Brand<string, 'TerritoryId'>;
/** Account id from the CRM. */
export type AccountId = Brand<string, 'AccountId'>;
/** Rep id from the CRM. */
export type RepId = Brand<string, 'RepId'>;
/** Numeric scenario id in a workspace. */
export type ScenarioId = Brand<number, 'ScenarioId'>;
