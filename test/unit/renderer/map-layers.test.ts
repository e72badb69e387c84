import { describe, expect, it } from 'vitest';
import { buildMapLayers, type MapLayerInputs } from '../../../renderer/map/build-layers';
import { territoryPalette } from '../../../renderer/map/color';
import { buildUnitsLayer, unitFillColor } from '../../../renderer/map/layers/units-layer';
import { LAYER_IDS, MAP_STYLE } from '../../../renderer/map/map-style';
import { prepareAccountPoints } from '../../../renderer/map/prepare-accounts';
import { accountsBinaryData } from '../../../renderer/map/layers/accounts-layer';
import { heatmapBinaryData } from '../../../renderer/map/layers/potential-heatmap-layer';

const palette = territoryPalette(['#ff0000', '#0000ff']);
const points = prepareAccountPoints({ x: [-100], y: [40], potential: [1] });
const inputs = (over: Partial<MapLayerInputs> = {}): MapLayerInputs => ({
  units: { features: [], unitTerritory: Int32Array.from([0, 1]), palette, selected: -1, revision: 1 },
  borders: null,
  parents: null,
  selectionOutline: null,
  accounts: accountsBinaryData(points),
  heatmap: heatmapBinaryData(points),
  toggles: { accounts: true, heatmap: false, parents: true, borders: true },
  heatmapCreated: false,
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
    expect(layer.props.updateTriggers).toEqual({ getFillColor: [7, 1] });
  });

  it('builds the layers in draw order and creates the heat map only once it was asked for', () => {
    expect(buildMapLayers(inputs(), () => {}).map((l) => l.id)).toEqual([
      LAYER_IDS.units,
      LAYER_IDS.borders,
      LAYER_IDS.parents,
      LAYER_IDS.accounts,
      LAYER_IDS.selection,
    ]);
    const withHeat = buildMapLayers(inputs({ heatmapCreated: true }), () => {});
    const heat = withHeat.find((l) => l.id === LAYER_IDS.heatmap);
    expect(heat?.props.visible).toBe(false);
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
