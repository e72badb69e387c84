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

/** HSL (h in degrees, s and l in 0..1) to RGBA. */
export function hslToRgba(h: number, s: number, l: number, alpha = 255): Rgba {
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => {
    const k = (n + h / 30) % 12;
    return Math.round(255 * (l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1))));
  };
  return [f(0), f(8), f(4), alpha];
}

/** Hue of each region (sorted by name, spread by the golden angle so neighbours in the list differ). */
export function regionHues(regions: readonly string[]): Map<string, number> {
  const names = [...new Set(regions)].sort();
  return new Map(names.map((r, i) => [r, (i * 137.508 + 210) % 360]));
}

/**
 * Territories coloured by region: one hue per region, the territories of a region in steps of lightness so
 * neighbours stay apart. Territories with no region are grey.
 */
export function regionPalette(territories: readonly { region: string }[]): Uint8ClampedArray {
  const hues = regionHues(territories.map((t) => t.region).filter((r) => r !== ''));
  const seen = new Map<string, number>();
  const out = new Uint8ClampedArray(territories.length * 4);
  const steps = [0.42, 0.6, 0.5, 0.68, 0.36, 0.55];
  territories.forEach((t, i) => {
    const hue = hues.get(t.region);
    const k = seen.get(t.region) ?? 0;
    seen.set(t.region, k + 1);
    out.set(hue === undefined ? UNASSIGNED_RGBA : hslToRgba(hue, 0.62, steps[k % steps.length]!), i * 4);
  });
  return out;
}

/** A palette with the territories outside `keep` faded toward the background (the region filter on the map). */
export function fadePalette(palette: Uint8ClampedArray, keep: (t: number) => boolean, toward: Rgba, amount: number): Uint8ClampedArray {
  const out = palette.slice();
  for (let t = 0; t * 4 < out.length; t++) {
    if (keep(t)) continue;
    out.set(fade(paletteColor(palette, t), toward, amount), t * 4);
  }
  return out;
}
