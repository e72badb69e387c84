import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createServices } from '../../electron/services/app-services';
import { DEFAULT_TRAVEL_SETTINGS } from '../../shared/domain/kpi/travel';
import { cli } from '../fixtures/run-cli';
import { useTempDir } from '../fixtures/temp';

const tempDir = useTempDir();

// A visit cycle lasts at most a year (every account seen at least once a year): 250 working days, each at most a long
// day trip of 2,000 km there and back (by car or plane). Summing whole round trips per account used to give millions.
const WORKING_DAYS = 250;
const KM_PER_DAY = 2000;

describe('rep travel on the demo at default settings', () => {
  it('stays below what one rep can physically travel in a visit cycle, for every rep of both demo scenarios', async () => {
    const file = join(tempDir(), 'demo.tessera');
    expect((await cli('demo', '--workspace', file)).code).toBe(0);
    const services = createServices({ mode: 'direct', workspace: file });
    try {
      for (const scenario of ['Current plan', 'Nearest rep']) {
        const d = await services.api['dashboard.get']({ scenario });
        if (!d.ok) throw new Error(d.error.message);
        const { dashboard } = d.value;
        expect(dashboard.settings.travel).toEqual(DEFAULT_TRAVEL_SETTINGS);
        expect(dashboard.reps.length).toBeGreaterThan(50);
        for (const r of dashboard.reps) {
          expect(r.travelPerCycle, `${scenario}: ${r.name}`).toBeLessThan(WORKING_DAYS * KM_PER_DAY);
          expect(r.meanDistance).toBeLessThanOrEqual(r.maxDistance);
        }
      }
    } finally {
      services.close();
    }
  }, 60_000);
});
