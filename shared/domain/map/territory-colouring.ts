/**
 * Map colours for territories such that two territories that touch never share a colour: a graph colouring of the
 * territory adjacency onto a qualitative palette.
 */

/**
 * Qualitative palette for territory fills: ColorBrewer "Set3" (Cynthia Brewer, Apache-2.0 licence) without its
 * grey, which looks like the unassigned grey; 11 light, mutually distinct colours that keep dark labels readable.
 */
export const TERRITORY_MAP_PALETTE: readonly string[] = [
  '#8dd3c7', '#ffffb3', '#bebada', '#fb8072', '#80b1d3', '#fdb462', '#b3de69', '#fccde5', '#bc80bd', '#ccebc5', '#ffed6f',
];

/**
 * Territory adjacency from unit adjacency: territories are neighbours when any of their units are. Unassigned units
 * (territory < 0) join nothing. Returns sorted neighbour lists, one per territory index.
 */
export function territoryAdjacency(unitNeighbors: readonly (readonly number[])[], unitTerritory: ArrayLike<number>, territoryCount: number): number[][] {
  const sets = Array.from({ length: territoryCount }, () => new Set<number>());
  unitNeighbors.forEach((list, u) => {
    const a = unitTerritory[u] ?? -1;
    if (a < 0 || a >= territoryCount) return;
    for (const v of list) {
      const b = unitTerritory[v] ?? -1;
      if (b >= 0 && b < territoryCount && b !== a) {
        sets[a]!.add(b);
        sets[b]!.add(a);
      }
    }
  });
  return sets.map((s) => [...s].sort((x, y) => x - y));
}

/** Colour index per territory, and how many neighbouring pairs still share one (0 unless the palette is too small). */
export type TerritoryColouring = { colours: number[]; conflicts: number };

/**
 * DSatur graph colouring with `paletteSize` colours. `previous[t]` (a colour index, or -1) is kept whenever no
 * already coloured neighbour has it, so a small edit recolours few territories. Territories are taken most
 * constrained first (most distinct neighbour colours, then most neighbours, then lowest index: deterministic);
 * a new colour is the one least used so far, which spreads the palette. When every colour is taken by a neighbour
 * (only possible with more than paletteSize - 1 neighbours) the least clashing one is used and counted in conflicts.
 */
export function colourTerritories(adjacency: readonly (readonly number[])[], paletteSize: number, previous: readonly number[] = []): TerritoryColouring {
  if (!Number.isInteger(paletteSize) || paletteSize < 1) throw new Error(`Territory colouring needs at least one colour, got ${paletteSize}`);
  const n = adjacency.length;
  const colours = new Array<number>(n).fill(-1);
  const used = new Array<number>(paletteSize).fill(0);
  const neighbourColours = Array.from({ length: n }, () => new Map<number, number>());
  for (let step = 0; step < n; step++) {
    let t = -1;
    for (let i = 0; i < n; i++) {
      if (colours[i] !== -1) continue;
      if (t < 0) { t = i; continue; }
      const si = neighbourColours[i]!.size;
      const st = neighbourColours[t]!.size;
      if (si > st || (si === st && adjacency[i]!.length > adjacency[t]!.length)) t = i;
    }
    const taken = neighbourColours[t]!;
    const prev = previous[t] ?? -1;
    let c = prev >= 0 && prev < paletteSize && !taken.has(prev) ? prev : -1;
    if (c < 0) {
      let best = Infinity;
      for (let k = 0; k < paletteSize; k++) {
        const score = (taken.get(k) ?? 0) * n * n + used[k]!;
        if (score < best) { best = score; c = k; }
      }
    }
    colours[t] = c;
    used[c]!++;
    for (const v of adjacency[t]!) {
      const m = neighbourColours[v]!;
      m.set(c, (m.get(c) ?? 0) + 1);
    }
  }
  let conflicts = 0;
  adjacency.forEach((list, a) => { for (const b of list) if (b > a && colours[a] === colours[b]) conflicts++; });
  return { colours, conflicts };
}
