import { api } from '../../api/client';
import { useScenarioStore } from '../../state/scenario-store';
import { messageOf } from '../../state/ui-actions';
import { useDashboardStore } from './dashboard-store';

let request = 0;

/** Loads the dashboard of the open scenario version; a newer request wins over a slower older one. */
export async function loadDashboard(): Promise<void> {
  const current = useScenarioStore.getState().current;
  if (!current) return;
  const mine = ++request;
  useDashboardStore.setState({ status: 'loading', message: null });
  try {
    const res = await api['dashboard.get']({ scenario: current.scenarioId, version: current.version });
    if (mine !== request) return;
    useDashboardStore.setState(res.ok ? { status: 'ready', view: res.value } : { status: 'error', message: res.error.message });
  } catch (e) {
    if (mine === request) useDashboardStore.setState({ status: 'error', message: messageOf(e) });
  }
}
