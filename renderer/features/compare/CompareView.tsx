import { useState } from 'react';
import { compareKpiTable } from '../../../shared/domain/export/view-tables';
import { useScenarioStore } from '../../state/scenario-store';
import { downloadXlsx } from '../export/xlsx-download';
import { LongCallBar } from '../../app/LongCallBar';
import { cancelCompare, runCompare, setBaseline, toggleChosen } from './compare-actions';
import { useCompareStore } from './compare-store';
import { KpiDeltaTable } from './KpiDeltaTable';
import { LinkedMaps } from './LinkedMaps';
import { MovedList } from './MovedList';
import { TerritoryBars } from './TerritoryBars';

/** Side-by-side comparison: pick scenarios and a baseline; linked maps, KPI deltas, per-territory bars, moved list. */
export function CompareView() {
  const list = useScenarioStore((s) => s.list);
  const { chosen, baseline, status, error, result, progress, notice } = useCompareStore();
  const [showMoved, setShowMoved] = useState(true);
  return (
    <main className="compare" data-testid="compare-view" data-compare-state={status}>
      <div className="cmp-pick">
        {list.filter((s) => !s.archived).map((s) => (
          <label key={s.id}><input type="checkbox" data-testid={`compare-pick-${s.name}`} checked={chosen.includes(s.id)} onChange={() => toggleChosen(s.id)} /> {s.name}</label>
        ))}
        <label>Baseline{' '}
          <select data-testid="compare-baseline" value={baseline} onChange={(e) => setBaseline(Number(e.target.value))}>
            {chosen.map((id, i) => <option key={id} value={i}>{list.find((s) => s.id === id)?.name ?? id}</option>)}
          </select>
        </label>
        <button data-testid="compare-run" disabled={chosen.length < 2 || status === 'loading'} onClick={() => void runCompare()}>Compare</button>
        <label><input type="checkbox" checked={showMoved} onChange={(e) => setShowMoved(e.target.checked)} /> Highlight moved units</label>
        <LongCallBar what="Comparing" progress={progress} onCancel={cancelCompare} />
        {notice ? <span className="muted" data-testid="compare-notice">{notice}</span> : null}
        {error ? <span className="scn-panel__msg" role="alert">{error}</span> : null}
      </div>
      {result ? (
        <div className="cmp-body">
          <LinkedMaps showMoved={showMoved} />
          <div className="cmp-details">
            <KpiDeltaTable result={result} />
            <button data-testid="export-kpis-xlsx" onClick={() => void downloadXlsx('kpi-comparison.xlsx', [compareKpiTable(result)])}>Export KPI table (Excel)</button>
            <TerritoryBars scenarios={result.scenarios} share={result.band} />
            <MovedList result={result} />
          </div>
        </div>
      ) : <p className="muted cmp-hint">Tick two or more scenarios and press Compare.</p>}
    </main>
  );
}
