import { mapDeck } from '../../map/deck-handle';

/**
 * The main map as a PNG data URL, or null when the map is not shown. Redraw-and-capture: a forced
 * synchronous redraw, then toDataURL in the same task, reads the frame before the browser clears the
 * drawing buffer, so the map does not need preserveDrawingBuffer (which costs every frame).
 */
export function captureMapPng(): string | null {
  const deck = mapDeck();
  const canvas = deck?.getCanvas();
  if (!deck || !canvas) return null;
  deck.redraw('png export');
  return canvas.toDataURL('image/png');
}
