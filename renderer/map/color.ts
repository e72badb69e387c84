/** RGBA colour as deck.gl accessors take it (0–255 per channel). */
export type Rgba = [number, number, number, number];

/** Colour for units and accounts that belong to no territory. */
export const UNASSIGNED_RGBA: Rgba = [203, 210, 217, 255];

/** Parses "#rgb" or "#rrggbb" into RGBA; an unreadable colour becomes the unassigned grey, so one bad value never breaks the map. */
export function hexToRgba(hex: string, alpha = 255): Rgba {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) return [UNASSIGNED_RGBA[0], UNASSIGNED_RGBA[1], UNASSIGNED_RGBA[2], alpha];
  let h = m[1]!;
  if (h.length === 3) h = h[0]! + h[0]! + h[1]! + h[1]! + h[2]! + h[2]!;
  const n = Number.parseInt(h, 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255, alpha];
}

/** Territory colours packed 4 bytes per territory index, so an accessor reads them without allocating. */
export function territoryPalette(colors: readonly string[]): Uint8ClampedArray {
  const out = new Uint8ClampedArray(colors.length * 4);
  colors.forEach((c, i) => out.set(hexToRgba(c), i * 4));
  return out;
}

/** Mixes a colour towards a background; used to dim territories that are not selected. */
export function fade(rgb: Rgba, toward: Rgba, amount: number): Rgba {
  const k = Math.min(1, Math.max(0, amount));
  return [
    Math.round(rgb[0] + (toward[0] - rgb[0]) * k),
    Math.round(rgb[1] + (toward[1] - rgb[1]) * k),
    Math.round(rgb[2] + (toward[2] - rgb[2]) * k),
    rgb[3],
  ];
}

/** Colour of territory index t from a packed palette (unassigned grey for -1 or out of range). */
export function paletteColor(palette: Uint8ClampedArray, t: number): Rgba {
  if (t < 0 || t * 4 + 3 >= palette.length) return [...UNASSIGNED_RGBA];
  return [palette[t * 4]!, palette[t * 4 + 1]!, palette[t * 4 + 2]!, palette[t * 4 + 3]!];
}
