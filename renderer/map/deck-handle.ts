import type { Deck } from '@deck.gl/core';
import type { DeckGLRef } from '@deck.gl/react';

// The main map's deck.gl instance, held in one place: the map view sets it, and the features that need
// the live map (editing picks the unit under the pointer, report export captures the canvas, the pan
// picture snapshots a frame) read it here instead of keeping copies of the ref.
let current: DeckGLRef | null = null;

/** Ref callback of the main map's <DeckGL>. */
export function setMapDeck(ref: DeckGLRef | null): void {
  current = ref;
}

/** The main map's Deck, or null while the map is not mounted. */
export function mapDeck(): Deck | null {
  return current?.deck ?? null;
}
