import type { PickingInfo } from '@deck.gl/core';
import { useCallback, useMemo, useRef, useState } from 'react';
import { rectangleRing } from '../../../shared/domain/geo/point-in-polygon';
import { mapDeck } from '../../map/deck-handle';
import { unitAtScreen, unitIndexOf as unitOf } from '../../map/unit-at';
import { accountsAreRaster, rasterAccountAt } from '../../map/account-raster';
import { accountIndexOf } from '../../map/layers/accounts-layer';
import { useEditingStore } from './editing-store';
import { clearSelection, dropSelectionOnUnit, reassignUnits, selectAccount, selectInRing, selectUnits, setDraftPath, type SelectHow } from './editing-actions';
import { rememberAccount } from './edit-engine';
import { useDatasetStore } from '../../state/dataset-store';

/** The unit under a screen point of the main map (drag-and-drop and paint). */
function unitAt(x: number, y: number): number {
  return unitAtScreen(mapDeck()?.getViewports()[0], x, y);
}

/**
 * The unit the pointer went down on when a drag starts: deck.gl reports the drag once the pointer has moved a
 * little; a GPU pick keeps the object under the press, the CPU lookup (software WebGL) goes back by the distance moved.
 */
function grabbedUnit(info: PickingInfo, event: unknown): number {
  if (info.object) return unitOf(info);
  const e = event as { deltaX?: number; deltaY?: number } | undefined;
  return unitAt(info.x - (e?.deltaX ?? 0), info.y - (e?.deltaY ?? 0));
}

function coordOf(info: PickingInfo): [number, number] | null {
  const c = (info.coordinate as number[] | undefined) ?? (info.viewport ? info.viewport.unproject([info.x, info.y]) : null);
  return c && Number.isFinite(c[0]) && Number.isFinite(c[1]) ? [c[0]!, c[1]!] : null;
}

function howOf(event: unknown): SelectHow {
  const src = (event as { srcEvent?: MouseEvent } | undefined)?.srcEvent;
  return src?.shiftKey ? 'add' : src?.ctrlKey || src?.metaKey || src?.altKey ? 'toggle' : 'replace';
}

/**
 * Map tools as DeckGL props: click selects units (shift adds, ctrl toggles), lasso and rectangle draw an
 * outline and select the units whose representative point is inside, paint collects units under the
 * pointer and moves them to the target, and dragging a selected unit drops the selection on a territory.
 */
export function useMapEditing(onClickFallback: (info: PickingInfo, account: number) => void) {
  const mode = useEditingStore((s) => s.mode);
  const [overSelected, setOverSelected] = useState(false);
  const drag = useRef<{ kind: 'path' | 'rect' | 'paint' | 'move'; path: number[]; screen: number[]; start: [number, number] | null; how: SelectHow; lastX: number; lastY: number; x0: number; y0: number } | null>(null);

  const controller = useMemo(() => ({ dragRotate: false, touchRotate: false, doubleClickZoom: mode === 'select', dragPan: mode === 'select' && !overSelected }), [mode, overSelected]);

  const onHover = useCallback((info: PickingInfo) => {
    if (useEditingStore.getState().mode !== 'select') return;
    const u = unitOf(info);
    const sel = useEditingStore.getState().selectedUnits;
    const over = u >= 0 && sel.length > 0 && binaryHas(sel, u);
    setOverSelected((prev) => (prev === over ? prev : over));
  }, []);

  const onClick = useCallback(
    (info: PickingInfo, event: unknown) => {
      const { mode: m, target } = useEditingStore.getState();
      const u = unitOf(info);
      if (m === 'paint' && u >= 0) {
        void reassignUnits(target, [u]);
        return;
      }
      const act = (account: number) => {
        if (account >= 0) {
          const id = useDatasetStore.getState().accounts?.ids[account];
          if (id !== undefined) rememberAccount(id, account);
          selectAccount(account);
        } else if (u >= 0) {
          selectUnits([u], howOf(event));
          // The pointer rests on the unit it just selected: a drag from here moves the selection (no move needed first).
          const over = binaryHas(useEditingStore.getState().selectedUnits, u);
          setOverSelected((prev) => (prev === over ? prev : over));
        }
        else if (!info.picked) clearSelection();
        onClickFallback(info, account);
      };
      const vector = accountIndexOf(info);
      // Accounts drawn as an image: ask the raster worker which one (if any) is under the pointer.
      if (vector < 0 && accountsAreRaster()) void rasterAccountAt(info).then(act);
      else act(vector);
    },
    [onClickFallback],
  );

  const onDragStart = useCallback((info: PickingInfo, event: unknown) => {
    const m = useEditingStore.getState().mode;
    const c = coordOf(info);
    const how = howOf(event);
    const base = { path: [] as number[], screen: [info.x, info.y], start: c, how, lastX: info.x, lastY: info.y, x0: info.x, y0: info.y };
    if (m === 'lasso' && c) drag.current = { ...base, kind: 'path', path: [...c] };
    else if (m === 'rect' && c) drag.current = { ...base, kind: 'rect' };
    else if (m === 'paint') {
      drag.current = { ...base, kind: 'paint', how: 'add' };
      selectUnits(validUnit(unitAt(info.x, info.y)), 'replace');
    } else if (m === 'select' && grabbedUnit(info, event) >= 0 && binaryHas(useEditingStore.getState().selectedUnits, grabbedUnit(info, event))) {
      drag.current = { ...base, kind: 'move' };
    } else drag.current = null;
  }, []);

  const onDrag = useCallback((info: PickingInfo) => {
    const d = drag.current;
    if (!d) return;
    if (Math.abs(info.x - d.lastX) + Math.abs(info.y - d.lastY) < 3) return;
    d.lastX = info.x;
    d.lastY = info.y;
    const c = coordOf(info);
    // The outline is drawn in screen pixels by an SVG overlay: redrawing the WebGL map on every
    // pointer move costs seconds per frame in software rendering.
    if (d.kind === 'path' && c) {
      d.path.push(c[0], c[1]);
      d.screen.push(info.x, info.y);
      setDraftPath([...d.screen]);
    } else if (d.kind === 'rect' && c && d.start) {
      d.path = Array.from(rectangleRing(d.start[0], d.start[1], c[0], c[1]));
      d.screen = [d.x0, d.y0, info.x, d.y0, info.x, info.y, d.x0, info.y];
      setDraftPath(d.screen);
    } else if (d.kind === 'paint') selectUnits(validUnit(unitAt(info.x, info.y)), 'add');
  }, []);

  const onDragEnd = useCallback((info: PickingInfo) => {
    const d = drag.current;
    drag.current = null;
    if (!d) return;
    if (d.kind === 'path' || d.kind === 'rect') {
      setDraftPath(null);
      if (d.path.length >= 6) selectInRing(d.path, d.how);
    } else if (d.kind === 'paint') {
      const { target, selectedUnits } = useEditingStore.getState();
      void reassignUnits(target, selectedUnits);
    } else if (d.kind === 'move') {
      const u = unitAt(info.x, info.y);
      if (u >= 0) void dropSelectionOnUnit(u);
      setOverSelected(false);
    }
  }, []);

  const getCursor = useCallback(
    ({ isDragging, isHovering }: { isDragging: boolean; isHovering: boolean }) =>
      mode !== 'select' ? 'crosshair' : overSelected ? (isDragging ? 'grabbing' : 'move') : isDragging ? 'grabbing' : isHovering ? 'pointer' : 'grab',
    [mode, overSelected],
  );

  return { controller, onHover, onClick, onDragStart, onDrag, onDragEnd, getCursor };
}

function validUnit(u: number): number[] {
  return u >= 0 ? [u] : [];
}

/** Membership test in a sorted Int32Array. */
export function binaryHas(sorted: Int32Array, v: number): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const x = sorted[mid]!;
    if (x === v) return true;
    if (x < v) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}
