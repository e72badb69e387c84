import { create } from 'zustand';
import type { DashboardView } from '../../../shared/contracts/app-api';
import type { CallProgress } from '../../api/long-call';

/** The KPI dashboard of the open scenario version (computed by the server, never on the UI thread). */
export type DashboardState = {
  status: 'idle' | 'loading' | 'ready' | 'error';
  view: DashboardView | null;
  message: string | null;
  /** Progress of the computation running now (after about a second), else null. */
  progress: CallProgress | null;
};

export const initialDashboardState: DashboardState = { status: 'idle', view: null, message: null, progress: null };

/** Store of the dashboard feature; written only by dashboard-actions.ts. */
export const useDashboardStore = create<DashboardState>()(() => initialDashboardState);
