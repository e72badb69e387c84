import { useUiStore, type HoverInfo, type LayerToggles, type UiError } from './ui-store';

/** Shows a problem with what to do about it; the same id replaces an earlier message. */
export function reportError(error: UiError): void {
  useUiStore.setState((s) => ({ errors: [...s.errors.filter((e) => e.id !== error.id), error] }));
}

/** Hides a message the user dismissed. */
export function dismissError(id: string): void {
  useUiStore.setState((s) => ({ errors: s.errors.filter((e) => e.id !== id) }));
}

/** Marks a map layer as broken so it is hidden while the others keep drawing. Idempotent. */
export function reportLayerError(layerId: string, message: string): void {
  const current = useUiStore.getState().layerErrors;
  if (current[layerId] === message) return;
  useUiStore.setState({ layerErrors: { ...current, [layerId]: message } });
}

/** Lets a hidden layer try again (e.g. after the user toggles it). */
export function clearLayerError(layerId: string): void {
  const { [layerId]: _, ...rest } = useUiStore.getState().layerErrors;
  useUiStore.setState({ layerErrors: rest });
}

/** Turns one map layer on or off. */
export function toggleLayer(key: keyof LayerToggles, on: boolean): void {
  useUiStore.setState((s) => ({ layers: { ...s.layers, [key]: on } }));
}

/** Records what the pointer is over (null when nothing). */
export function setHover(hover: HoverInfo): void {
  const prev = useUiStore.getState().hover;
  if (prev === hover || (prev && hover && prev.kind === hover.kind && prev.index === hover.index && prev.x === hover.x && prev.y === hover.y)) return;
  useUiStore.setState({ hover });
}

/** Records the first frame drawn with data (only once). */
export function recordFirstFrame(ms: number): void {
  if (useUiStore.getState().firstFrameMs === null) useUiStore.setState({ firstFrameMs: ms });
}

/** Turns any thrown value into a readable message. */
export function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
