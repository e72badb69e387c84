import { readFileSync } from 'node:fs';
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
    expect((await cli('demo', '--workspace', file, '--geography', 'counties')).code).toBe(0);
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

describe('tessera travel', () => {
  it('switches a scenario to miles: the dashboard keeps km internally, compare and the report show miles; bad values are refused', async () => {
    const file = join(tempDir(), 'demo.tessera');
    expect((await cli('demo', '--workspace', file, '--geography', 'counties')).code).toBe(0);
    const bad = await cli('travel', '-w', file, '-s', 'Current plan', '--unit', 'yards');
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('Distance unit must be km or mi, got "yards"');
    expect((await cli('travel', '-w', file, '-s', 'Current plan', '--visits-per-trip', '0')).err).toContain('from 1 to 50, got 0');
    const set = await cli('travel', '-w', file, '-s', 'Current plan', '--unit', 'mi', '--visits-per-trip', '5');
    expect(set.out).toContain('Saved travel settings (mi, 5 accounts per day trip) as version 2 of Current plan');
    const cmp = await cli('compare', '-w', file, 'Current plan', 'Nearest rep');
    expect(cmp.out).toMatch(/Compactness: mean distance from a unit to its territory centre\s+[\d,.]+ mi\s+[\d,.]+ mi/);
    const html = join(tempDir(), 'r.html');
    expect((await cli('report', '-w', file, '-s', 'Current plan', '--html', '-o', html)).code).toBe(0);
    const text = readFileSync(html, 'utf8');
    expect(text).toMatch(/<td class="n">[\d,.]+ mi<\/td>/);
    expect(text).toContain('visits 5 accounts');
  }, 60_000);
});
