import { describe, expect, it } from 'vitest';
import { accountTravel, distanceIn, formatDistance, KM_PER_MILE, travelNote, DEFAULT_TRAVEL_SETTINGS } from '../../../../shared/domain/kpi/travel';

describe('travel and distances', () => {
  it('counts the round trip to an account shared by the visits of one day trip', () => {
    expect(accountTravel(100)).toBe(50);
    expect(accountTravel(100, { visitsPerTrip: 1 })).toBe(200);
    expect(accountTravel(100, { visitsPerTrip: 0 })).toBe(200);
  });

  it('shows every distance with its unit, in km or miles by the setting', () => {
    expect(formatDistance(412.4)).toBe('412 km');
    expect(formatDistance(12.34)).toBe('12.3 km');
    expect(formatDistance(KM_PER_MILE * 250, 'mi')).toBe('250 mi');
    expect(distanceIn(KM_PER_MILE, 'mi')).toBeCloseTo(1);
    expect(formatDistance(3.21, 'mi', 'planar')).toBe('3.2 (map units)');
    expect(formatDistance(Number.NaN)).toBe('—');
  });

  it('states the definition with the settings used', () => {
    expect(travelNote(DEFAULT_TRAVEL_SETTINGS)).toMatch(/visits 4 accounts.*kilometres/);
  });
});
