import { describe, expect, it } from 'vitest';
import { cityLabels, mercatorPixels, mostlyInUs, placeLabels, territoryLabelPriority, type CityRow } from '../../../../shared/domain/map/map-labels';
import cities from '../../../../renderer/map/data/us-cities.json';

describe('map labels', () => {
  it('ranks every territory label above every city, and bigger above smaller', () => {
    const rows = cities as unknown as CityRow[];
    const labels = cityLabels(rows);
    const top = Math.max(...labels.map((l) => l.priority));
    expect(top).toBeLessThan(territoryLabelPriority(0, 100));
    expect(territoryLabelPriority(100, 100)).toBe(1000);
    expect(territoryLabelPriority(10, 100)).toBeLessThan(territoryLabelPriority(50, 100));
    for (const l of labels) expect(l.priority).toBeGreaterThanOrEqual(-1000);
    const nyc = labels.find((l) => l.text === 'New York City')!;
    const montpelier = labels.find((l) => l.text === 'Montpelier')!;
    expect(nyc.priority).toBeGreaterThan(montpelier.priority);
  });

  it('ships the major US cities and every state capital, without New York City boroughs', () => {
    const rows = cities as unknown as CityRow[];
    const names = new Set(rows.map((r) => `${r[0]}, ${r[1]}`));
    for (const n of ['Los Angeles, CA', 'Chicago, IL', 'Houston, TX', 'Anchorage, AK', 'Honolulu, HI', 'San Juan, PR', 'Montpelier, VT', 'Juneau, AK', 'Washington, D.C., DC']) expect(names).toContain(n);
    expect(names).not.toContain('Brooklyn, NY');
    expect(names).not.toContain('South Boston, MA');
    expect(new Set(rows.map((r) => r[1])).size).toBeGreaterThanOrEqual(52);
    for (const r of rows) expect(Number.isFinite(r[2]) && Number.isFinite(r[3])).toBe(true);
  });

  it('applies city labels only to data that lies in the US', () => {
    expect(mostlyInUs([-118.2, -87.6, -157.8], [34.0, 41.8, 21.3])).toBe(true);
    expect(mostlyInUs([2.35, 13.4, -118.2], [48.85, 52.5, 34.0])).toBe(false);
    expect(mostlyInUs([10, 20], [10, 20])).toBe(false);
    expect(mostlyInUs([], [])).toBe(false);
  });
});

describe('placeLabels', () => {
  const box = { width: 60, height: 14, anchor: 'middle' as const };
  it('keeps the higher priority of two labels that would overlap, and both once zoomed in far enough', () => {
    const labels = [
      { position: [-74.0, 40.7] as [number, number], text: 'Small', priority: 10 },
      { position: [-73.9, 40.75] as [number, number], text: 'Big', priority: 900 },
      { position: [-118.2, 34.0] as [number, number], text: 'Far', priority: -500 },
    ];
    expect(placeLabels(labels, [box, box, box], 4)).toEqual([1, 2]);
    expect(placeLabels(labels, [box, box, box], 12)).toEqual([0, 1, 2]);
  });

  it('never keeps two overlapping boxes, on the real city list at a national zoom', () => {
    const labels = cityLabels(cities as unknown as CityRow[]);
    const boxes = labels.map((l) => ({ width: 6 * l.text.length + 8, height: 13, anchor: 'start' as const }));
    const kept = placeLabels(labels, boxes, 3.5, 0);
    expect(kept.length).toBeGreaterThan(20);
    expect(kept.length).toBeLessThan(labels.length);
    const rects = kept.map((i) => {
      const [x, y] = mercatorPixels(labels[i]!.position[0], labels[i]!.position[1], 3.5);
      return [x - 3, y - 6.5, x - 3 + boxes[i]!.width, y + 6.5];
    });
    for (let a = 0; a < rects.length; a++) {
      for (let b = a + 1; b < rects.length; b++) {
        const [p, q] = [rects[a]!, rects[b]!];
        expect(p[0]! < q[2]! && q[0]! < p[2]! && p[1]! < q[3]! && q[1]! < p[3]!).toBe(false);
      }
    }
    // New York City outranks every city near it.
    expect(kept.map((i) => labels[i]!.text)).toContain('New York City');
  });
});
