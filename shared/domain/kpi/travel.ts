// The one definition of rep travel (docs/algorithms.md, "Travel and distances").
import type { DistanceMetric } from '../geo/distance';

/** Unit distances are shown in. */
export type DistanceUnit = 'km' | 'mi';

/** Kilometres in a statute mile. */
export const KM_PER_MILE = 1.609344;

/** How travel is estimated: distances shown in km or miles; accounts visited per day trip from the home base. */
export type TravelSettings = { distanceUnit: DistanceUnit; visitsPerTrip: number };

/** Defaults: kilometres, four accounts per day trip. */
export const DEFAULT_TRAVEL_SETTINGS: TravelSettings = { distanceUnit: 'km', visitsPerTrip: 4 };

/**
 * Travel one account adds to its rep's visit cycle (every account visited once), in the distance's unit: the round trip
 * home base -> account, shared by the accounts of one day trip (visitsPerTrip). Straight-line (great-circle) distance;
 * roads are typically 20–30 % longer.
 */
export function accountTravel(distance: number, s: Pick<TravelSettings, 'visitsPerTrip'> = DEFAULT_TRAVEL_SETTINGS): number {
  return (2 * distance) / Math.max(1, s.visitsPerTrip);
}

/** A distance in km (planar coordinates: their own unit) converted to the display unit. */
export function distanceIn(km: number, unit: DistanceUnit, metric: DistanceMetric = 'geographic'): number {
  return metric === 'planar' || unit === 'km' ? km : km / KM_PER_MILE;
}

/** A distance with its unit: "412 km", "256 mi"; planar coordinates: "3.2 (map units)". */
export function formatDistance(km: number, unit: DistanceUnit = 'km', metric: DistanceMetric = 'geographic'): string {
  if (!Number.isFinite(km)) return '—';
  const v = distanceIn(km, unit, metric);
  const digits = Math.abs(v) >= 100 ? 0 : 1;
  const text = v.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return metric === 'planar' ? `${text} (map units)` : `${text} ${unit}`;
}

/** The travel definition in one sentence, printed under every table that shows travel. */
export function travelNote(s: TravelSettings): string {
  return `Travel per visit cycle: every account visited once, a day trip from the rep's home base visits ${s.visitsPerTrip} accounts, each account counts the round trip home → account divided by ${s.visitsPerTrip}; straight-line distances in ${s.distanceUnit === 'km' ? 'kilometres' : 'miles'} (roads are typically 20–30 % longer).`;
}
