import { describe, expect, it } from 'vitest';
import { usZipAreas } from '../../../electron/services/geography/us-zip-areas';

describe('built-in US ZIP areas', () => {
  it('covers the ZCTAs of the 50 states and DC with counties, ZBP measures, polygons and adjacency', () => {
    const z = usZipAreas();
    expect(z.areas.length).toBeGreaterThan(33_000);
    expect(new Set(z.areas.map((a) => a.state)).size).toBe(51);
    const la = z.areas[z.byId.get('90012')!]!;
    expect([la.name, la.county, la.state]).toEqual(['ZIP 90012, Los Angeles', '06037', '06']);
    expect(la.measures.establishments).toBeGreaterThan(0);
    expect(la.polygon).not.toBeNull();
    expect(z.areas.filter((a) => a.polygon).length / z.areas.length).toBeGreaterThan(0.999);
    // Every ZIP's county is the first 5 digits' state; edges are valid, once per pair.
    expect(z.areas.every((a) => a.county.startsWith(a.state))).toBe(true);
    const seen = new Set<string>();
    z.edges.a.forEach((a, k) => {
      const b = z.edges.b[k]!;
      expect(a).toBeLessThan(b);
      seen.add(`${a}|${b}`);
    });
    expect(seen.size).toBe(z.edges.a.length);
    expect(z.edges.a.length / z.areas.length).toBeGreaterThan(2);
    // Manhattan ZIPs 10001 (Chelsea north) and 10011 (Chelsea south) are neighbours, and 10001 touches Hoboken (07030) across the county line.
    const [i, j] = ['10001', '10011'].map((id) => z.byId.get(id)!).sort((p, q) => p - q);
    expect(seen.has(`${i}|${j}`)).toBe(true);
    const [h, m] = ['07030', '10001'].map((id) => z.byId.get(id)!);
    expect(seen.has(`${h}|${m}`)).toBe(true);
  });
});
