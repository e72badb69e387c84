import { describe, expect, it } from 'vitest';
import { buildMapLayers, type MapLayerInputs } from '../../../renderer/map/build-layers';
import { territoryPalette } from '../../../renderer/map/color';
import { buildUnitsLayer, unitFillColor } from '../../../renderer/map/layers/units-layer';
import { LAYER_IDS, MAP_STYLE } from '../../../renderer/map/map-style';
import { prepareAccountPoints } from '../../../renderer/map/prepare-accounts';
import { accountIndexOf, buildAccountsLayer } from '../../../renderer/map/layers/accounts-layer';
import type { PickingInfo } from '@deck.gl/core';

const palette = territoryPalette(['#ff0000', '#0000ff']);
const points = prepareAccountPoints({ x: [-100], y: [40], potential: [1] });
const inputs = (over: Partial<MapLayerInputs> = {}): MapLayerInputs => ({
  units: { features: [], unitTerritory: Int32Array.from([0, 1]), palette, selected: -1, revision: 1 },
  borders: null,
  parents: null,
  selectionOutline: null,
  accounts: { kind: 'vector', inFrame: 1, ms: 0, indices: Uint32Array.from([7]), positions: points.positions, radii: points.radii },
  toggles: { accounts: true, parents: true, borders: true },
  layerErrors: {},
  ...over,
});

describe('map layer builders', () => {
  it('fills a unit with its territory colour and fades the others while a territory is selected', () => {
    expect(unitFillColor(0, palette, -1)).toEqual([255, 0, 0, MAP_STYLE.fillAlpha]);
    expect(unitFillColor(0, palette, 0)).toEqual([255, 0, 0, MAP_STYLE.fillAlpha]);
    const dimmed = unitFillColor(1, palette, 0);
    expect(dimmed[2]).toBeLessThan(255);
    expect(dimmed[0]).toBeGreaterThan(100);
  });

  it('keeps a stable id and passes selection and revision as update triggers', () => {
    const layer = buildUnitsLayer({ features: [], unitTerritory: null, palette, selected: 1, revision: 7 }, { visible: true });
    expect(layer.id).toBe(LAYER_IDS.units);
    expect(layer.props.updateTriggers).toEqual({ getFillColor: [7, 1, ''] });
  });

  it('draws the units of a workspace without boundaries as points in their territory colour, in the fill layer\'s place', () => {
    const unitPoints = { x: [-120, -100], y: [45, 35], unitTerritory: Int32Array.from([1, -1]), palette, selected: -1, revision: 3 };
    const layers = buildMapLayers(inputs({ units: null, unitPoints }), () => {});
    const layer = layers.find((l) => l.id === LAYER_IDS.units)!;
    expect(layer.constructor.name).toBe('ScatterplotLayer');
    const props = layer.props as unknown as { data: number[]; getPosition: (i: number) => number[]; getFillColor: (i: number) => number[] };
    expect(props.data).toEqual([0, 1]);
    expect(props.getPosition(1)).toEqual([-100, 35]);
    expect(props.getFillColor(0).slice(0, 3)).toEqual([0, 0, 255]);
    // With boundaries the polygons are drawn and the points are not.
    expect(buildMapLayers(inputs({ unitPoints }), () => {}).find((l) => l.id === LAYER_IDS.units)!.constructor.name).toBe('GeoJsonLayer');
  });

  it('builds the layers in draw order', () => {
    expect(buildMapLayers(inputs(), () => {}).map((l) => l.id)).toEqual([
      LAYER_IDS.units,
      LAYER_IDS.borders,
      LAYER_IDS.parents,
      LAYER_IDS.accounts,
      LAYER_IDS.selection,
    ]);
  });

  it('draws many accounts as one image anchored to its bounds, few as pickable points mapped back to their account', () => {
    const raster = { kind: 'raster' as const, inFrame: 9, ms: 0, width: 2, height: 1, bounds: [-100, 30, -90, 40] as [number, number, number, number], rgba: new Uint8ClampedArray(8) };
    if (typeof ImageData === 'undefined') {
      // Node has no ImageData; the builder only needs the constructor.
      (globalThis as Record<string, unknown>).ImageData = class { constructor(public data: Uint8ClampedArray, public width: number, public height: number) {} };
    }
    const img = buildAccountsLayer(raster, { visible: true, color: MAP_STYLE.account });
    expect(img.id).toBe(LAYER_IDS.accountsRaster);
    expect(img.props.pickable).toBe(false);
    expect((img.props as unknown as { bounds: number[] }).bounds).toEqual([-100, 30, -90, 40]);
    const layers = buildMapLayers(inputs({ accounts: raster }), () => {});
    expect(layers.map((l) => l.id)).toContain(LAYER_IDS.accountsRaster);
    expect(layers.map((l) => l.id)).not.toContain(LAYER_IDS.accounts);

    const vector = buildMapLayers(inputs(), () => {}).find((l) => l.id === LAYER_IDS.accounts)!;
    expect(accountIndexOf({ layer: vector, index: 0 } as unknown as PickingInfo)).toBe(7);
    expect(accountIndexOf({ layer: vector, index: -1 } as unknown as PickingInfo)).toBe(-1);
    expect(accountIndexOf({ layer: img, index: 0 } as unknown as PickingInfo)).toBe(-1);
  });

  it('hides a layer that failed before but keeps it in the list', () => {
    const layers = buildMapLayers(inputs({ layerErrors: { [LAYER_IDS.accounts]: 'boom' } }), () => {});
    expect(layers.find((l) => l.id === LAYER_IDS.accounts)?.props.visible).toBe(false);
    expect(layers.find((l) => l.id === LAYER_IDS.units)?.props.visible).toBe(true);
  });

  it('reports a builder that throws and still builds the other layers', () => {
    const broken = inputs();
    Object.defineProperty(broken, 'accounts', { get: () => { throw new Error('bad account columns'); } });
    const errors: string[] = [];
    const layers = buildMapLayers(broken, (id, e) => errors.push(`${id}: ${(e as Error).message}`));
    expect(errors).toEqual([`${LAYER_IDS.accounts}: bad account columns`]);
    expect(layers.map((l) => l.id)).toContain(LAYER_IDS.units);
    expect(layers.map((l) => l.id)).not.toContain(LAYER_IDS.accounts);
  });
});
