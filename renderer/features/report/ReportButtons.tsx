import './report.css';
import { useState } from 'react';
import { useScenarioStore } from '../../state/scenario-store';
import type { CallProgress } from '../../api/long-call';
import { LongCallBar } from '../../app/LongCallBar';
import { cancelReport, exportMapPng, exportReport, type ExportStatus } from './report-actions';

/** Report export: PDF (optionally vs a baseline), the print-styled HTML page, and a PNG of the map. */
export function ReportButtons() {
  const list = useScenarioStore((s) => s.list);
  const currentId = useScenarioStore((s) => s.current?.scenarioId);
  const [baseline, setBaseline] = useState<number | null>(null);
  const [status, setStatus] = useState<ExportStatus>({ state: 'idle', text: '' });
  const [progress, setProgress] = useState<CallProgress | null>(null);
  const run = async (f: () => Promise<ExportStatus>) => {
    setStatus({ state: 'busy', text: 'Exporting…' });
    const done = await f();
    setProgress(null);
    setStatus(done);
  };
  return (
    <span className="report-buttons" data-testid="report-buttons" data-export-state={status.state} data-pages={status.pages ?? ''}>
      <label className="muted">vs{' '}
        <select data-testid="report-baseline" value={baseline ?? ''} onChange={(e) => setBaseline(e.target.value ? Number(e.target.value) : null)}>
          <option value="">(no comparison)</option>
          {list.filter((s) => s.id !== currentId && !s.archived).map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
        </select>
      </label>
      <button data-testid="export-pdf" disabled={status.state === 'busy'} onClick={() => void run(() => exportReport('pdf', baseline, setProgress))}>Report PDF</button>
      <button data-testid="export-html" disabled={status.state === 'busy'} onClick={() => void run(() => exportReport('html', baseline, setProgress))}>HTML</button>
      <button data-testid="export-png" disabled={status.state === 'busy'} onClick={() => void run(exportMapPng)}>Map PNG</button>
      {status.state === 'busy' ? <LongCallBar what="Report" progress={progress} onCancel={cancelReport} /> : null}
      {status.text ? <span className={status.state === 'error' ? 'delta--bad' : 'muted'} data-testid="export-status">{status.text}</span> : null}
    </span>
  );
}
