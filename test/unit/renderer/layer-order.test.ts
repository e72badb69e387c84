import type { Layer } from '@deck.gl/core';
import { describe, expect, it } from 'vitest';
import { EXTRA_LAYER_IDS } from '../../../renderer/features/layers/extra-layers';
import { inDrawOrder, LAYER_ORDER } from '../../../renderer/map/layer-order';
import { LAYER_IDS } from '../../../renderer/map/map-style';

const layer = (id: string) => ({ id }) as unknown as Layer;

describe('map layer registry', () => {
  it('gives every map layer id one place in the draw order', () => {
    const ids = [...Object.values(LAYER_IDS), ...Object.values(EXTRA_LAYER_IDS)];
    expect([...LAYER_ORDER].sort()).toEqual([...new Set(ids)].sort());
  });

  it('draws base and feature layers by their place, whatever order they come in', () => {
    const sorted = inDrawOrder([layer(EXTRA_LAYER_IDS.labels), layer(LAYER_IDS.borders), layer(EXTRA_LAYER_IDS.heat), layer(LAYER_IDS.units)]);
    expect(sorted.map((l) => l.id)).toEqual([LAYER_IDS.units, EXTRA_LAYER_IDS.heat, LAYER_IDS.borders, EXTRA_LAYER_IDS.labels]);
  });

  it('refuses a layer that has no place, naming it', () => {
    expect(() => inDrawOrder([layer('mystery')])).toThrow(/"mystery" has no place in LAYER_ORDER/);
  });
});
