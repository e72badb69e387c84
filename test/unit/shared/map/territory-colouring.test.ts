import { describe, expect, it } from 'vitest';
import { neighbors } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { buildDemoDataset } from '../../../../electron/services/demo/build-demo';
import { colourTerritories, TERRITORY_MAP_PALETTE, territoryAdjacency } from '../../../../shared/domain/map/territory-colouring';

const sharesColour = (adj: number[][], colours: number[]) => adj.flatMap((l, a) => l.filter((b) => colours[a] === colours[b]).map((b) => [a, b]));

describe('territory colouring', () => {
  it('gives no two adjacent demo territories the same colour', () => {
    const { dataset, scenarios } = buildDemoDataset();
    const geo = dataset.geometry!;
    const topology = geo.topology as Topology;
    const geometries = (topology.objects[geo.unitsObject] as GeometryCollection).geometries;
    const unitOf = new Map(dataset.units.ids.map((id, i) => [id as string, i]));
    // The renderer's path: unit neighbours from shared TopoJSON arcs.
    const byGeometry = neighbors(geometries as never);
    const unitNeighbors: number[][] = dataset.units.ids.map(() => []);
    geometries.forEach((g, gi) => {
      const u = unitOf.get(String(g.id));
      if (u === undefined) return;
      for (const j of byGeometry[gi]!) {
        const v = unitOf.get(String(geometries[j]!.id));
        if (v !== undefined) unitNeighbors[u]!.push(v);
      }
    });
    const payload = scenarios[0]!.payload;
    const index = new Map(payload.territories.map((t, i) => [t.id as string, i]));
    const assignment = payload.alignments[0]!.assignment as Record<string, string>;
    const unitTerritory = dataset.units.ids.map((id) => index.get(assignment[id] ?? '') ?? -1);
    const adj = territoryAdjacency(unitNeighbors, unitTerritory, payload.territories.length);

    expect(payload.territories.length).toBeGreaterThan(40);
    // Alaska, Hawaii and Puerto Rico territories touch no other; the rest of the map is one web of neighbours.
    expect(adj.filter((l) => l.length > 0).length).toBeGreaterThan(payload.territories.length - 6);
    const { colours, conflicts } = colourTerritories(adj, TERRITORY_MAP_PALETTE.length);
    expect(conflicts).toBe(0);
    expect(sharesColour(adj, colours)).toEqual([]);
    expect(new Set(colours).size).toBeGreaterThanOrEqual(4);

    // Moving one border unit changes few colours.
    const moved = [...unitTerritory];
    const u = unitNeighbors.findIndex((l, i) => l.some((v) => unitTerritory[v] !== unitTerritory[i] && unitTerritory[v]! >= 0) && unitTerritory[i]! >= 0);
    const to = unitTerritory[unitNeighbors[u]!.find((v) => unitTerritory[v] !== unitTerritory[u])!]!;
    moved[u] = to;
    const adj2 = territoryAdjacency(unitNeighbors, moved, payload.territories.length);
    const again = colourTerritories(adj2, TERRITORY_MAP_PALETTE.length, colours);
    expect(again.conflicts).toBe(0);
    expect(again.colours.filter((c, t) => c !== colours[t]).length).toBeLessThanOrEqual(3);
  }, 60_000);

  it('counts conflicts when the palette is too small and rejects an empty palette', () => {
    const triangle = [[1, 2], [0, 2], [0, 1]];
    expect(colourTerritories(triangle, 3).conflicts).toBe(0);
    expect(colourTerritories(triangle, 2).conflicts).toBe(1);
    expect(() => colourTerritories(triangle, 0)).toThrow(/at least one colour/);
  });

  it('keeps a previous colour unless a neighbour already has it', () => {
    const path = [[1], [0, 2], [1]];
    expect(colourTerritories(path, 4, [3, 2, 3]).colours).toEqual([3, 2, 3]);
    const { colours } = colourTerritories(path, 4, [1, 1, 1]);
    expect(colours[0]).not.toBe(colours[1]);
    expect(colours[2]).not.toBe(colours[1]);
  });
});
