import type { LonLatBounds } from './extent';

/** What a place found by the map search is. */
export type PlaceKind = 'state' | 'unit' | 'territory' | 'city' | 'account';

/** One searchable place: its name, what it is, a detail line and the box the map shows for it. */
export type Place = { kind: PlaceKind; name: string; detail: string; bounds: LonLatBounds };

const KIND_ORDER: Record<PlaceKind, number> = { state: 0, territory: 1, city: 2, unit: 3, account: 4 };

const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().trim();

/** A place index: names folded once (case and accents), so each keystroke is one scan. */
export type PlaceIndex = { places: readonly Place[]; folded: readonly string[] };

export function buildPlaceIndex(places: readonly Place[]): PlaceIndex {
  return { places, folded: places.map((p) => fold(p.name)) };
}

/**
 * Places whose name matches the query, best first: the whole name, then the name's start, then a word's start,
 * then anywhere; ties by kind (states, territories, cities, units, accounts) and name. Empty query: nothing.
 */
export function searchPlaces(index: PlaceIndex, query: string, limit = 8): Place[] {
  const q = fold(query);
  if (!q) return [];
  const hits: { p: Place; rank: number }[] = [];
  index.folded.forEach((name, i) => {
    const at = name.indexOf(q);
    if (at < 0) return;
    const rank = name === q ? 0 : at === 0 ? 1 : /[^a-z0-9]/.test(name[at - 1]!) ? 2 : 3;
    hits.push({ p: index.places[i]!, rank });
  });
  hits.sort((a, b) => a.rank - b.rank || KIND_ORDER[a.p.kind] - KIND_ORDER[b.p.kind] || a.p.name.localeCompare(b.p.name));
  return hits.slice(0, limit).map((h) => h.p);
}
