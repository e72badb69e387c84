import { isCancelled, startLongCall, type LongCall } from '../../api/long-call';
import { useScenarioStore } from '../../state/scenario-store';
import { messageOf } from '../../state/ui-actions';
import { useDashboardStore } from './dashboard-store';

let request = 0;
let running: LongCall<unknown> | null = null;

/** Stops the dashboard computation under way; the dashboard shown stays and says "Cancelled". */
export function cancelDashboard(): void {
  running?.cancel();
}

/** Loads the dashboard of the open scenario version; a newer request wins over (and stops) a slower older one. */
export async function loadDashboard(): Promise<void> {
  const current = useScenarioStore.getState().current;
  if (!current) return;
  const mine = ++request;
  running?.cancel();
  const previous = useDashboardStore.getState().view;
  useDashboardStore.setState({ status: 'loading', message: null, progress: null });
  try {
    const call = startLongCall('dashboard.get', { scenario: current.scenarioId, version: current.version }, (progress) => {
      if (mine === request) useDashboardStore.setState({ progress });
    });
    running = call;
    const res = await call.result;
    if (mine !== request) return;
    running = null;
    if (isCancelled(res)) {
      const other = previous && (previous.ref.scenarioId !== current.scenarioId || previous.ref.version !== current.version);
      useDashboardStore.setState({ status: previous ? 'ready' : 'idle', message: other ? `Cancelled; still showing ${previous.scenarioName} v${previous.ref.version}` : 'Cancelled', progress: null });
    }
    else useDashboardStore.setState(res.ok ? { status: 'ready', view: res.value, progress: null } : { status: 'error', message: res.error.message, progress: null });
  } catch (e) {
    if (mine === request) useDashboardStore.setState({ status: 'error', message: messageOf(e), progress: null });
  }
}
