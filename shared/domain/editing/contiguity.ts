import { connectedComponents, territoryPieces } from '../balance/graph';
import type { CsrAdjacency } from '../balance/types';
import { unitAdjacency } from '../scenario/shape-metrics';

// Contiguity watch while editing. "Contiguous" means what the balancing engine and Compare mean
// (shared/domain/balance/graph.ts territoryPieces): one mainland piece; a whole island component
// (Hawaii, Puerto Rico…) attached to a territory is not a break.

/** The unit graph with its components, built once per dataset. */
export type ContiguityGraph = { n: number; adj: CsrAdjacency; comp: Int32Array; compSize: Int32Array };

/** A territory an edit left in several mainland pieces. */
export type SplitTerritory = {
  /** Territory index. */
  territory: number;
  /** Mainland pieces before the edit. */
  piecesBefore: number;
  /** Mainland pieces after it (> 1). */
  pieces: number;
  /** Unit indices of each mainland piece, largest first. */
  pieceUnits: Int32Array[];
  /** Index in pieceUnits of the piece holding most of the units the territory had before the edit (the others were cut off or added apart). */
  main: number;
};

/** Builds the unit graph from the dataset's adjacency pairs. */
export function contiguityGraph(n: number, edges: { a: readonly number[]; b: readonly number[] }): ContiguityGraph {
  const adj = unitAdjacency(n, edges);
  const { comp, count } = connectedComponents(adj, n);
  const compSize = new Int32Array(count);
  for (let u = 0; u < n; u++) compSize[comp[u]!]!++;
  return { n, adj, comp, compSize };
}

function checkLength(g: ContiguityGraph, a: Int32Array, what: string): void {
  if (a.length !== g.n) throw new Error(`${what} covers ${a.length} units but the dataset has ${g.n}.`);
}

/** Mainland pieces of every territory 0..k-1 (0 for an empty territory or one made only of islands). */
export function territoryPieceCounts(g: ContiguityGraph, unitTerritory: Int32Array, k: number): Int32Array {
  checkLength(g, unitTerritory, 'The assignment');
  return territoryPieces(g.adj, unitTerritory, k, g.comp, g.compSize, new Int32Array(k).fill(-1)).components;
}

/** Units of the given territories (ascending), in one pass over the assignment. */
function unitsOf(unitTerritory: Int32Array, territories: ReadonlySet<number>): Int32Array {
  const out: number[] = [];
  for (let u = 0; u < unitTerritory.length; u++) if (territories.has(unitTerritory[u]!)) out.push(u);
  return Int32Array.from(out);
}

/** Mainland pieces (unit lists, largest first) of the given territories only. */
function piecesOf(g: ContiguityGraph, unitTerritory: Int32Array, k: number, territories: ReadonlySet<number>): Map<number, Int32Array[]> {
  const only = unitsOf(unitTerritory, territories);
  const pieceOf = new Int32Array(g.n).fill(-1);
  const islandPiece: boolean[] = [];
  territoryPieces(g.adj, unitTerritory, k, g.comp, g.compSize, new Int32Array(k).fill(-1), { only, pieceOf, islandPiece });
  const byPiece = new Map<number, number[]>();
  for (let j = 0; j < only.length; j++) {
    const u = only[j]!;
    const p = pieceOf[u]!;
    if (p < 0 || islandPiece[p]) continue;
    let list = byPiece.get(p);
    if (!list) byPiece.set(p, (list = []));
    list.push(u);
  }
  const out = new Map<number, Int32Array[]>();
  for (const t of territories) out.set(t, []);
  for (const list of byPiece.values()) out.get(unitTerritory[list[0]!]!)!.push(Int32Array.from(list));
  for (const pieces of out.values()) pieces.sort((a, b) => b.length - a.length);
  return out;
}

/** The piece with the most units that belonged to territory t before the edit (the first on a tie). */
function mainPiece(pieces: readonly Int32Array[], before: Int32Array, t: number): number {
  let best = 0;
  let bestCount = -1;
  pieces.forEach((p, i) => {
    let c = 0;
    for (let j = 0; j < p.length; j++) if (before[p[j]!] === t) c++;
    if (c > bestCount) { best = i; bestCount = c; }
  });
  return best;
}

/**
 * Territories an edit split: of the territories the changed units left or joined (and only those),
 * the ones with more than one mainland piece after the edit and more than before it. Work is
 * proportional to the touched territories' units plus one pass over the assignment.
 */
export function editSplits(g: ContiguityGraph, before: Int32Array, after: Int32Array, k: number, changedUnits: ArrayLike<number>): SplitTerritory[] {
  checkLength(g, before, 'The assignment before the edit');
  checkLength(g, after, 'The assignment after the edit');
  const touched = new Set<number>();
  for (let j = 0; j < changedUnits.length; j++) {
    const u = changedUnits[j]!;
    if (u < 0 || u >= g.n) throw new Error(`Unknown unit index: ${u}`);
    if (before[u]! >= 0) touched.add(before[u]!);
    if (after[u]! >= 0) touched.add(after[u]!);
  }
  if (touched.size === 0) return [];
  const afterPieces = piecesOf(g, after, k, touched);
  const suspects = new Set([...touched].filter((t) => afterPieces.get(t)!.length > 1));
  if (suspects.size === 0) return [];
  const beforePieces = piecesOf(g, before, k, suspects);
  const out: SplitTerritory[] = [];
  for (const t of [...suspects].sort((a, b) => a - b)) {
    const pieceUnits = afterPieces.get(t)!;
    const piecesBefore = beforePieces.get(t)!.length;
    if (pieceUnits.length > piecesBefore) out.push({ territory: t, piecesBefore, pieces: pieceUnits.length, pieceUnits, main: mainPiece(pieceUnits, before, t) });
  }
  return out;
}

/**
 * Territories split since a saved version, by id: more than one mainland piece now and more than
 * in the saved version (a territory the version did not have counts as 0 pieces there).
 */
export function splitSinceBase(basePieces: ReadonlyMap<string, number>, ids: readonly string[], pieces: Int32Array): { id: string; pieces: number; piecesBefore: number }[] {
  const out: { id: string; pieces: number; piecesBefore: number }[] = [];
  for (let t = 0; t < ids.length; t++) {
    const before = basePieces.get(ids[t]!) ?? 0;
    if (pieces[t]! > 1 && pieces[t]! > before) out.push({ id: ids[t]!, pieces: pieces[t]!, piecesBefore: before });
  }
  return out;
}

/** Plain-words summary of split territories, e.g. "Texas is now in 3 pieces; Ohio in 2 pieces". */
export function describeSplits(splits: readonly { name: string; pieces: number }[]): string {
  return splits.map((s, i) => (i === 0 ? `${s.name} is now in ${s.pieces} pieces` : `${s.name} in ${s.pieces} pieces`)).join('; ');
}
