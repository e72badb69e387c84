import './scenarios.css';
import { ReportButtons } from '../report/ReportButtons';
import { showView, togglePanel } from './scenarios-actions';
import { useScenarioPanelStore } from './scenario-panel-store';

/** Map / Compare switch and the Scenarios panel button (the shell's one hook into this feature). */
export function ViewTabs() {
  const view = useScenarioPanelStore((s) => s.view);
  const panelOpen = useScenarioPanelStore((s) => s.panelOpen);
  return (
    <nav className="view-tabs">
      <button aria-pressed={view === 'map'} data-testid="tab-map" onClick={() => showView('map')}>Map</button>
      <button aria-pressed={view === 'compare'} data-testid="tab-compare" onClick={() => showView('compare')}>Compare</button>
      <button aria-pressed={view === 'dashboard'} data-testid="tab-dashboard" onClick={() => showView('dashboard')}>Dashboard</button>
      <button aria-pressed={view === 'rules'} data-testid="tab-rules" onClick={() => showView('rules')}>Lead routing</button>
      <button aria-pressed={panelOpen} data-testid="tab-scenarios" onClick={() => togglePanel()}>Scenarios…</button>
      <ReportButtons />
    </nav>
  );
}
