import { describe, expect, it } from 'vitest';
import { fade, fadePalette, hexToRgba, hslToRgba, paletteColor, regionPalette, territoryPalette, UNASSIGNED_RGBA } from '../../../renderer/map/color';

describe('map colours', () => {
  it('parses six- and three-digit hex colours with an alpha', () => {
    expect(hexToRgba('#1f77b4')).toEqual([31, 119, 180, 255]);
    expect(hexToRgba('#fa0', 128)).toEqual([255, 170, 0, 128]);
  });

  it('turns an unreadable colour into the unassigned grey instead of throwing', () => {
    expect(hexToRgba('tomato').slice(0, 3)).toEqual(UNASSIGNED_RGBA.slice(0, 3));
  });

  it('packs territory colours four bytes per territory and reads them back by index', () => {
    const palette = territoryPalette(['#ff0000', '#00ff00']);
    expect(palette).toHaveLength(8);
    expect(paletteColor(palette, 1)).toEqual([0, 255, 0, 255]);
    expect(paletteColor(palette, -1)).toEqual(UNASSIGNED_RGBA);
    expect(paletteColor(palette, 2)).toEqual(UNASSIGNED_RGBA);
  });

  it('fades a colour toward the background by the given share and keeps its alpha', () => {
    expect(fade([0, 0, 0, 200], [200, 100, 50, 255], 0.5)).toEqual([100, 50, 25, 200]);
    expect(fade([10, 20, 30, 255], [0, 0, 0, 255], 2)).toEqual([0, 0, 0, 255]);
  });
});

describe('colour by region', () => {
  it('gives each region one hue and its territories different lightness; no region is grey', () => {
    const p = regionPalette([{ region: 'West' }, { region: 'East' }, { region: 'West' }, { region: '' }]);
    const c = (t: number) => paletteColor(p, t);
    const hue = ([r, g, b]: number[]) => {
      const max = Math.max(r!, g!, b!), min = Math.min(r!, g!, b!);
      const d = max - min;
      const h = max === r ? ((g! - b!) / d) % 6 : max === g ? (b! - r!) / d + 2 : (r! - g!) / d + 4;
      return Math.round(((h * 60) + 360) % 360);
    };
    expect(Math.abs(hue(c(0)) - hue(c(2)))).toBeLessThanOrEqual(2); // same region, same hue
    expect(c(0)).not.toEqual(c(2)); // but told apart
    expect(Math.abs(hue(c(0)) - hue(c(1)))).toBeGreaterThan(20); // another region, another hue
    expect(c(3)).toEqual([...UNASSIGNED_RGBA]);
    expect(hslToRgba(0, 1, 0.5)).toEqual([255, 0, 0, 255]);
  });

  it('fades the territories outside the kept ones toward the background', () => {
    const base = territoryPalette(['#ff0000', '#0000ff']);
    const out = fadePalette(base, (t) => t === 0, [255, 255, 255, 255], 0.5);
    expect(paletteColor(out, 0)).toEqual([255, 0, 0, 255]);
    expect(paletteColor(out, 1)).toEqual([128, 128, 255, 255]);
    expect(paletteColor(base, 1)).toEqual([0, 0, 255, 255]); // the input is not changed
  });
});
