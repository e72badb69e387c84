import './scenarios.css';
import { showView, togglePanel } from './scenarios-actions';
import { useScenariosStore } from './scenarios-store';

/** Map / Compare switch and the Scenarios panel button (the shell's one hook into this feature). */
export function ViewTabs() {
  const view = useScenariosStore((s) => s.view);
  const panelOpen = useScenariosStore((s) => s.panelOpen);
  return (
    <nav className="view-tabs">
      <button aria-pressed={view === 'map'} data-testid="tab-map" onClick={() => showView('map')}>Map</button>
      <button aria-pressed={view === 'compare'} data-testid="tab-compare" onClick={() => showView('compare')}>Compare</button>
      <button aria-pressed={panelOpen} data-testid="tab-scenarios" onClick={() => togglePanel()}>Scenarios…</button>
    </nav>
  );
}
