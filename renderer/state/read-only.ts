import type { WorkspaceInfo } from '../../shared/contracts/app-api';
import { useDatasetStore } from './dataset-store';

/** Why the open workspace refuses writes, in words a tooltip can show; null when it is writable. */
export function readOnlyReason(ws: Pick<WorkspaceInfo, 'readOnly' | 'share' | 'integrity'> | null | undefined): string | null {
  if (!ws?.readOnly) return null;
  if (ws.share) return 'Read-only: opened from a client share file. Save a copy (Scenarios…) to change it.';
  if (ws.integrity?.damage.length) return 'Read-only: this workspace has damaged parts, so nothing is written to it. Save a copy to work on.';
  return 'Read-only: this workspace was opened read-only.';
}

/** readOnlyReason of the open workspace (re-renders when it changes). */
export function useReadOnlyReason(): string | null {
  return useDatasetStore((s) => readOnlyReason(s.workspace));
}
