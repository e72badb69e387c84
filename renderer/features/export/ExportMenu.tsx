import { useEffect, useRef, useState } from 'react';
import type { ExportFormatInfo } from '../../../shared/contracts/app-api';
import { api } from '../../api/client';
import { isCancelled, startLongCall, type CallProgress, type LongCall } from '../../api/long-call';
import { LongCallBar } from '../../app/LongCallBar';
import { useScenarioStore } from '../../state/scenario-store';
import { downloadBase64, downloadText } from '../report/download';
import { ShareExportDialog } from './ShareExportDialog';

/** Menu value that opens the client share-file dialog instead of exporting a format. */
const CLIENT = 'client-share-file';

/** Export of the open scenario: every format of the registry is downloaded as a file (the scenario file as bytes). */
export function ExportMenu() {
  const current = useScenarioStore((s) => s.current);
  const [formats, setFormats] = useState<ExportFormatInfo[]>([]);
  const [status, setStatus] = useState('');
  const [clientOpen, setClientOpen] = useState(false);
  const [progress, setProgress] = useState<CallProgress | null>(null);
  const running = useRef<LongCall<unknown> | null>(null);
  useEffect(() => {
    void api['export.formats']({}).then(setFormats);
  }, []);
  const run = async (format: string) => {
    if (format === CLIENT) return setClientOpen(true);
    if (!current || !format) return;
    setStatus('Exporting…');
    // A long export shows its progress after a second and can be cancelled (nothing is downloaded then).
    const call = startLongCall('export.run', { scenario: current.scenarioId, version: current.version, format }, setProgress);
    running.current = call;
    const res = await call.result.finally(() => {
      running.current = null;
      setProgress(null);
    });
    if (isCancelled(res)) return setStatus('Export cancelled; nothing was downloaded.');
    if (!res.ok) return setStatus(res.error.message);
    const base = current.scenarioName.replace(/[^\w.-]+/g, '_');
    const { content, encoding, fileName, mimeType } = res.value;
    if (content !== null) (encoding === 'base64' ? downloadBase64 : downloadText)(`${base}-${fileName}`, content, mimeType);
    setStatus(res.value.summary);
  };
  return (
    <span className="export-menu" data-testid="export-menu">
      <select data-testid="export-format" value="" disabled={!current} onChange={(e) => void run(e.target.value)} aria-label="Export">
        <option value="">Export…</option>
        <option value={CLIENT}>Scenario file for a client…</option>
        {formats.map((f) => <option key={f.name} value={f.name}>{f.label}</option>)}
      </select>
      <LongCallBar what="Export" progress={progress} onCancel={() => running.current?.cancel()} />
      {clientOpen ? <ShareExportDialog onClose={() => setClientOpen(false)} /> : null}
      {status ? <span className="topbar__muted" data-testid="export-menu-status" title={status}>{status.length > 40 ? `${status.slice(0, 40)}…` : status}</span> : null}
    </span>
  );
}
