import { beforeAll, describe, expect, it } from 'vitest';
import { parseCountyCsv, splitCsv } from '../../electron/services/demo/county-csv';
import { buildDemoDataset } from '../../electron/services/demo/build-demo';
import { accountTerritories } from '../../shared/domain/dataset/demo-owners';
import { payloadProblems, scenarioPayloadSchema } from '../../shared/schema/scenario-payload';

type Demo = ReturnType<typeof buildDemoDataset>;
let demo: Demo;

// How long the build takes is measured by `tessera demo --json` (its "seconds"), not asserted here.
beforeAll(() => {
  demo = buildDemoDataset();
});

describe('built-in demo dataset', () => {
  it('covers the 50 states and DC by county, with FIPS as 5-digit strings', () => {
    const { units } = demo.dataset;
    expect(units.kind).toBe('county');
    expect(new Set(units.parents).size).toBe(51);
    expect(units.ids.length).toBe(3144);
    expect(units.ids).toContain('01001');
    expect(units.names[units.ids.indexOf('01001' as never)]).toBe('Autauga, AL');
    for (const id of units.ids) expect(id).toMatch(/^\d{5}$/);
    expect(units.ids.some((id) => ['60', '66', '69', '72', '78'].includes(id.slice(0, 2)))).toBe(false);
    expect(units.ids.filter((id) => id.startsWith('09')).length).toBe(9); // CT planning regions
  });

  it('has geometry for every unit, in unit order, and state outlines', () => {
    const g = demo.dataset.geometry!;
    const topo = g.topology as { objects: Record<string, { geometries: { id: string }[] }> };
    expect(topo.objects[g.unitsObject]!.geometries.map((x) => x.id)).toEqual(demo.dataset.units.ids);
    expect(topo.objects[g.parentsObject!]!.geometries).toHaveLength(51);
  });

  it('carries every measure with a source note, aligned with units', () => {
    const { units } = demo.dataset;
    const keys = ['population', 'establishments', 'employees', 'payroll', 'potential', 'revenue', 'accounts', 'workload'];
    expect(units.measureDefs.map((m) => m.key)).toEqual(keys);
    for (const m of units.measureDefs) expect(m.source.length).toBeGreaterThan(10);
    for (const k of keys) expect(units.measures[k]).toHaveLength(units.ids.length);
    const la = units.ids.indexOf('06037' as never);
    expect(units.measures.population![la]).toBeGreaterThan(9_000_000);
    expect(units.measures.accounts!.reduce((a, b) => a + b, 0)).toBe(demo.dataset.accounts.ids.length);
    expect(demo.dataset.sources.join(' ')).toMatch(/simplemaps\.com/);
  });

  it('has symmetric-by-construction adjacency with Los Angeles next to Ventura', () => {
    const { units, edges } = demo.dataset;
    const pairs = new Set<string>();
    edges.a.forEach((a, k) => {
      const b = edges.b[k]!;
      expect(a).toBeLessThan(b);
      expect(b).toBeLessThan(units.ids.length);
      pairs.add(`${a}-${b}`);
    });
    expect(pairs.size).toBe(edges.a.length);
    const [la, ventura] = [units.ids.indexOf('06037' as never), units.ids.indexOf('06111' as never)];
    expect(pairs.has(`${Math.min(la, ventura)}-${Math.max(la, ventura)}`)).toBe(true);
    expect(edges.a.length).toBeGreaterThan(8000);
  });

  it('draws about 50,000 accounts, each in a valid unit', () => {
    const { accounts, units } = demo.dataset;
    expect(accounts.ids.length).toBe(50_000);
    expect(new Set(accounts.ids).size).toBe(50_000);
    for (const u of accounts.unitIndex) expect(u >= 0 && u < units.ids.length).toBe(true);
  });

  it('spreads accounts over states in proportion to establishments', () => {
    const { accounts, units } = demo.dataset;
    const est = new Map<string, number>();
    const acc = new Map<string, number>();
    units.parents.forEach((s, i) => est.set(s, (est.get(s) ?? 0) + units.measures.establishments![i]!));
    for (const u of accounts.unitIndex) acc.set(units.parents[u]!, (acc.get(units.parents[u]!) ?? 0) + 1);
    const totalEst = [...est.values()].reduce((a, b) => a + b, 0);
    for (const [s, e] of est) {
      const expected = (e / totalEst) * accounts.ids.length;
      expect(Math.abs((acc.get(s) ?? 0) - expected)).toBeLessThanOrEqual(Math.max(30, expected * 0.01));
    }
  });

  it('has about 60 reps living in real populous counties', () => {
    const { reps, units } = demo.dataset;
    expect(reps.length).toBeGreaterThanOrEqual(55);
    expect(reps.length).toBeLessThanOrEqual(65);
    for (const r of reps) {
      const i = units.ids.indexOf(r.homeUnitId!);
      expect(i).toBeGreaterThanOrEqual(0);
      expect([r.homeX, r.homeY]).toEqual([units.x[i], units.y[i]]);
      expect(units.measures.population![i]).toBeGreaterThan(200_000);
    }
    expect(reps.some((r) => r.languages.includes('Spanish'))).toBe(true);
  });

  it('starts with a valid current plan: every unit assigned, every territory with its own rep', () => {
    const [current] = demo.scenarios;
    expect(current!.name).toBe('Current plan');
    const p = current!.payload;
    expect(scenarioPayloadSchema.safeParse(p).success).toBe(true);
    expect(payloadProblems(p)).toEqual([]);
    const { units, reps } = demo.dataset;
    for (const a of p.alignments) for (const id of units.ids) expect(a.assignment[id]).toBeDefined();
    const repIds = p.territories.map((t) => t.repId);
    expect(new Set(repIds).size).toBe(p.territories.length);
    for (const id of repIds) expect(reps.some((r) => r.id === id)).toBe(true);
    expect(new Set(p.territories.map((t) => t.region))).toEqual(new Set(['West', 'Central', 'South', 'Northeast']));
    const geo = p.alignments.find((a) => a.segments.length === 0)!;
    const ent = p.alignments.find((a) => a.segments.includes('Enterprise'))!;
    expect(new Set(Object.values(geo.assignment)).size).toBeGreaterThan(50);
    expect(new Set(Object.values(ent.assignment)).size).toBeLessThan(10);
    expect(Object.keys(p.accountOverrides).length).toBeGreaterThan(0);
  });

  it('offers a valid nearest-rep alternative that differs from the current plan', () => {
    const alt = demo.scenarios.find((s) => s.name === 'Nearest rep')!.payload;
    expect(payloadProblems(alt)).toEqual([]);
    const cur = demo.scenarios[0]!.payload.alignments[0]!.assignment;
    const moved = demo.dataset.units.ids.filter((id) => alt.alignments[0]!.assignment[id] !== cur[id]);
    expect(moved.length).toBeGreaterThan(0);
    expect(moved.length).toBeLessThan(demo.dataset.units.ids.length / 2);
  });

  it('sets each account owner to the rep of its territory in the current plan', () => {
    const { accounts, units } = demo.dataset;
    const p = demo.scenarios[0]!.payload;
    const terr = accountTerritories(p, units.ids, accounts);
    accounts.owner.forEach((o, i) => expect(o).toBe(p.territories[terr[i]!]!.repId));
  });

  it('is deterministic: a second build is identical', () => {
    expect(JSON.stringify(buildDemoDataset())).toBe(JSON.stringify(demo));
  });
});

describe('county table reader', () => {
  it('splits quoted fields with commas and escaped quotes, and CRLF lines', () => {
    expect(splitCsv('a,"b, c","say ""hi"""\r\n1,2,3\n')).toEqual([
      ['a', 'b, c', 'say "hi"'],
      ['1', '2', '3'],
    ]);
  });
  it('rejects a malformed row naming its line', () => {
    const header = 'fips,name,state_fips,centroid_lon,centroid_lat,area_km2,pop2023,zbp16_establishments,zbp16_employees,zbp16_payroll_k';
    expect(() => parseCountyCsv(`${header}\n01001,"A",01,x,1,1,1,1,1,1`)).toThrow(/line 2: bad centroid_lon/);
    expect(() => parseCountyCsv(`${header}\n1001,"A",01,1,1,1,1,1,1,1`)).toThrow(/line 2: bad fips/);
  });
});
