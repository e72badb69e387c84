import { useEffect } from 'react';
import { CompareView } from '../features/compare/CompareView';
import { DashboardView } from '../features/dashboard/DashboardView';
import { RulesView } from '../features/rules/RulesView';
import { ScenarioPanel } from '../features/scenarios/ScenarioPanel';
import { useScenarioPanelStore } from '../features/scenarios/scenario-panel-store';
import { useEditingStore } from '../features/editing/editing-store';
import { ViewTabs } from '../features/scenarios/ViewTabs';
import { BalanceDock } from '../features/balance/BalanceDock';
import { GridPane } from '../features/grids/GridPane';
import { MapView } from '../map/MapView';
import { useDatasetStore } from '../state/dataset-store';
import { useScenarioStore } from '../state/scenario-store';
import { useSelectionStore } from '../state/selection-store';
import { useUiStore } from '../state/ui-store';
import { ErrorList } from './ErrorList';
import { StarterScenarioOffer } from '../features/scenarios/StarterScenarioOffer';
import { GridHeader } from './GridHeader';
import { StatusBar } from './StatusBar';
import { TopBar } from './TopBar';

/** Window title: "<workspace> — <scenario> — Tessera", with a leading "• " while edits are unsaved. */
export function windowTitle(workspace: string | undefined, scenario: string | undefined, unsaved = false): string {
  return (unsaved ? '• ' : '') + [workspace, scenario, 'Tessera'].filter(Boolean).join(' — ');
}

/** App shell: top bar, map and grid side by side, status bar. State attributes on the root let tests read the app state. */
export function App() {
  const workspaceName = useDatasetStore((s) => s.workspace?.name);
  const datasetStatus = useDatasetStore((s) => s.status);
  const scenarioName = useScenarioStore((s) => s.current?.scenarioName);
  const scenarioStatus = useScenarioStore((s) => s.status);
  const territoryCount = useScenarioStore((s) => s.kpis?.rows.length ?? 0);
  const selected = useSelectionStore((s) => s.territoryId);
  const firstFrameMs = useUiStore((s) => s.firstFrameMs);
  const { view, panelOpen } = useScenarioPanelStore();

  const unsaved = useEditingStore((s) => s.dirty);
  useEffect(() => {
    document.title = windowTitle(workspaceName, scenarioName, unsaved);
  }, [workspaceName, scenarioName, unsaved]);

  const appState = datasetStatus === 'error' || scenarioStatus === 'error' ? 'error' : datasetStatus === 'ready' && scenarioStatus === 'ready' ? 'ready' : 'loading';
  return (
    <div
      className="app"
      data-testid="app"
      data-app-state={appState}
      data-selected-territory={selected ?? ''}
      data-territory-count={territoryCount}
      data-first-frame-ms={firstFrameMs ?? ''}
    >
      <TopBar />
      <ErrorList />
      <StarterScenarioOffer />
      <ViewTabs />
      {/* The Scenarios panel is a drawer over whichever view is shown: it works on every tab and never squeezes the map. */}
      <div className="view-area">
        {view === 'compare' ? <CompareView /> : view === 'rules' ? <RulesView /> : view === 'dashboard' ? <DashboardView /> : (
        <main className="main">
          <MapView />
          <section className="side">
            <BalanceDock />
            <GridHeader />
            <GridPane />
          </section>
        </main>
        )}
        {panelOpen ? <ScenarioPanel /> : null}
      </div>
      <StatusBar />
    </div>
  );
}
