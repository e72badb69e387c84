import { describe, expect, it } from 'vitest';
import { fade, hexToRgba, paletteColor, territoryPalette, UNASSIGNED_RGBA } from '../../../renderer/map/color';

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
