import { useSelectionStore } from './selection-store';

/** Selects a territory (null clears). Selecting the selected territory from the map toggles it off. */
export function selectTerritory(territoryId: string | null, source: 'grid' | 'map'): void {
  const prev = useSelectionStore.getState();
  if (source === 'map' && territoryId !== null && prev.territoryId === territoryId) {
    useSelectionStore.setState({ territoryId: null, source });
    return;
  }
  if (prev.territoryId === territoryId && prev.source === source) return;
  useSelectionStore.setState({ territoryId, source });
}
