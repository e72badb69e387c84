import type { Deck, Layer } from '@deck.gl/core';
import { BitmapLayer } from '@deck.gl/layers';
import { useCallback, useMemo, useRef, useState } from 'react';
import { isSoftwareWebgl } from './gpu-tier';
import { RASTER_SAMPLING } from './layers/accounts-layer';

// Software WebGL (no GPU: virtual desktops, this CI) redraws every layer on every pan frame, ~1 s for the
// counties, borders, labels and accounts together. While the user drags or zooms, the map is drawn as the
// picture of its last settled frame instead (one textured quad, a few hundred ms), and redrawn in full when
// the gesture ends. With a GPU every frame is drawn for real and this does nothing.

type Snapshot = { image: ImageBitmap; bounds: [number, number, number, number]; id: number };

export const PAN_SNAPSHOT_LAYER_ID = 'pan-snapshot';

/** Bounds of a map viewport as [west, south, east, north] (the canvas is linear in Web Mercator: no pitch or bearing). */
type BoundsViewport = { getBounds(): number[]; pitch?: number; bearing?: number };

export function usePanSnapshot(enabled = isSoftwareWebgl()) {
  const latest = useRef<Snapshot | null>(null);
  const interacting = useRef(false);
  const seq = useRef(0);
  const [shown, setShown] = useState<Snapshot | null>(null);
  const shownRef = useRef<Snapshot | null>(null);

  /** After every settled frame: keep a picture of it (createImageBitmap copies the canvas in this task, before it is cleared). */
  const onAfterRender = useCallback((deck: Deck | null | undefined) => {
    if (!enabled || interacting.current || !deck) return;
    const canvas = deck.getCanvas();
    const viewport = deck.getViewports()[0] as unknown as BoundsViewport | undefined;
    if (!canvas || !viewport || (viewport.pitch ?? 0) !== 0 || (viewport.bearing ?? 0) !== 0 || canvas.width === 0) return;
    const bounds = viewport.getBounds() as [number, number, number, number];
    const id = ++seq.current;
    // Straight (not premultiplied) alpha, as the layer blends it: the map canvas is translucent over the page background.
    createImageBitmap(canvas, { premultiplyAlpha: 'none' }).then(
      (image) => {
        if (id !== seq.current) return image.close();
        const old = latest.current;
        latest.current = { image, bounds, id };
        if (old && old !== shownRef.current) old.image.close();
      },
      () => undefined,
    );
  }, [enabled]);

  const onInteractionStateChange = useCallback((s: { isDragging?: boolean; isPanning?: boolean; isZooming?: boolean }) => {
    if (!enabled) return;
    const on = !!(s.isDragging || s.isPanning || s.isZooming);
    if (on && !interacting.current) {
      interacting.current = true;
      seq.current++; // a capture still resolving is from before the gesture: keep it out
      shownRef.current = latest.current;
      if (latest.current) setShown(latest.current);
    } else if (!on && interacting.current) {
      interacting.current = false;
      setShown(null);
    }
  }, [enabled]);

  /**
   * The map's layers during a gesture: the picture on top of the others, which stay unchanged (no re-tessellation
   * after) and are left out of drawing and picking by layerFilter.
   */
  const apply = useCallback(
    (layers: Layer[]): Layer[] => {
      if (!shown) return layers;
      const picture = new BitmapLayer({ id: PAN_SNAPSHOT_LAYER_ID, image: shown.image, bounds: shown.bounds, pickable: false, textureParameters: RASTER_SAMPLING });
      return [...layers, picture];
    },
    [shown],
  );
  const layerFilter = useMemo(() => (shown ? ({ layer }: { layer: Layer }) => layer.id === PAN_SNAPSHOT_LAYER_ID : null), [shown]);
  return { apply, layerFilter, onAfterRender, onInteractionStateChange, active: shown !== null };
}
