import { useGridsStore } from './grids-store';

/** Shows only the territories of one region (null shows all). */
export function setRegionFilter(region: string | null): void {
  useGridsStore.setState({ region });
}
