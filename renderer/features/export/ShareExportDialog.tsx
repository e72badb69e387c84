import { useEffect, useRef, useState } from 'react';
import type { ShareSigner } from '../../../shared/contracts/app-api';
import { api } from '../../api/client';
import { isCancelled, startLongCall, type CallProgress, type LongCall } from '../../api/long-call';
import { LongCallBar } from '../../app/LongCallBar';
import { useScenarioStore } from '../../state/scenario-store';
import { downloadBase64 } from '../report/download';
import './export.css';

/**
 * "Scenario file for a client…": the chosen scenarios with the whole dataset as one .tessera share file,
 * with or without version history, signed by the default key when there is one. The file comes back as
 * bytes and is saved as a download (the desktop app asks where with its native save dialog).
 */
export function ShareExportDialog({ onClose }: { onClose: () => void }) {
  const list = useScenarioStore((s) => s.list);
  const current = useScenarioStore((s) => s.current);
  const [chosen, setChosen] = useState<Set<number>>(() => new Set(current ? [current.scenarioId] : []));
  const [history, setHistory] = useState(false);
  const [details, setDetails] = useState(true);
  const [signer, setSigner] = useState<ShareSigner | undefined>(undefined);
  const [status, setStatus] = useState<{ busy: boolean; text: string; error: boolean }>({ busy: false, text: '', error: false });
  const [progress, setProgress] = useState<CallProgress | null>(null);
  const running = useRef<LongCall<unknown> | null>(null);
  useEffect(() => {
    void api['share.signer']({}).then(setSigner, (e: unknown) => setStatus({ busy: false, text: `Could not read the signing keys: ${(e as Error).message}`, error: true }));
  }, []);
  const toggle = (id: number) => setChosen((s) => { const n = new Set(s); if (n.has(id)) n.delete(id); else n.add(id); return n; });
  const picked = list.filter((s) => chosen.has(s.id));
  const run = async () => {
    setStatus({ busy: true, text: 'Writing the file…', error: false });
    try {
      // The file comes back as bytes: a cancelled export downloads nothing and leaves no file on the services' side.
      const call = startLongCall('share.export', { scenarios: picked.map((s) => ({ scenario: s.id })), headOnly: !history, accountDetails: details }, setProgress);
      running.current = call;
      const r = await call.result.finally(() => {
        running.current = null;
        setProgress(null);
      });
      if (isCancelled(r)) return setStatus({ busy: false, text: 'Export cancelled; nothing was downloaded.', error: false });
      if (!r.ok) return setStatus({ busy: false, text: r.error.message, error: true });
      const v = r.value;
      if (v.content !== null) downloadBase64(v.fileName, v.content, 'application/octet-stream');
      const signed = v.signedBy ? `signed by ${v.signedBy.name} (key ${v.signedBy.fingerprint})` : 'unsigned';
      setStatus({ busy: false, text: `Saved ${v.fileName}: ${v.scenarios.length} scenario${v.scenarios.length === 1 ? '' : 's'}, ${v.versions} version${v.versions === 1 ? '' : 's'}, ${v.accountDetails ? '' : 'figures without account details, '}${(v.bytes / 1e6).toFixed(1)} MB, ${signed}.`, error: false });
    } catch (e) {
      setStatus({ busy: false, text: `Not exported: ${(e as Error).message}`, error: true });
    }
  };
  return (
    <div className="share-backdrop" role="dialog" aria-label="Scenario file for a client" data-testid="share-export-dialog">
      <div className="share-dialog">
        <header className="share-dialog__head">
          <h2>Scenario file for a client</h2>
          <button onClick={onClose} aria-label="Close">×</button>
        </header>
        <p className="muted">One .tessera file with the dataset and the chosen scenarios. Your client opens it read-only (Scenarios… ▸ Shared files).</p>
        <fieldset className="share-dialog__list">
          <legend>Scenarios</legend>
          {list.filter((s) => !s.archived || chosen.has(s.id)).map((s) => (
            <label key={s.id}>
              <input type="checkbox" data-testid={`share-scenario-${s.id}`} checked={chosen.has(s.id)} onChange={() => toggle(s.id)} /> {s.name}{' '}
              <span className="muted">({s.headVersion} version{s.headVersion === 1 ? '' : 's'})</span>
            </label>
          ))}
        </fieldset>
        <fieldset className="share-dialog__list">
          <legend>Versions</legend>
          <label><input type="radio" name="share-history" data-testid="share-latest" checked={!history} onChange={() => setHistory(false)} /> Latest version only</label>
          <label><input type="radio" name="share-history" data-testid="share-history" checked={history} onChange={() => setHistory(true)} /> With version history (every saved version and its note)</label>
        </fieldset>
        <fieldset className="share-dialog__list">
          <legend>Accounts</legend>
          <label><input type="radio" name="share-accounts" data-testid="share-details" checked={details} onChange={() => setDetails(true)} /> With account details (names, addresses, owners)</label>
          <label><input type="radio" name="share-accounts" data-testid="share-aggregates" checked={!details} onChange={() => setDetails(false)} /> Aggregates only: accounts become “Account 1…”, placed at their county or ZIP, without address or owner (every figure and total stays the same)</label>
        </fieldset>
        <p data-testid="share-signer">
          {signer === undefined ? 'Checking signing keys…' : signer
            ? <>Will be signed by <strong>{signer.name}</strong> (key {signer.fingerprint}).</>
            : <>Unsigned: you have no signing key. Create one with <code>tessera keys create "Your name"</code> so clients can check who sent the file.</>}
        </p>
        <div className="share-dialog__actions">
          <button data-testid="share-export-run" className="share-dialog__primary" disabled={status.busy || picked.length === 0} onClick={() => void run()}>
            Export {picked.length} scenario{picked.length === 1 ? '' : 's'}
          </button>
          <button data-testid="share-export-close" onClick={onClose}>Close</button>
          <LongCallBar what="Scenario file" progress={progress} onCancel={() => running.current?.cancel()} />
        </div>
        {status.text ? <p className={status.error ? 'share-dialog__error' : ''} role="status" data-testid="share-export-status">{status.text}</p> : null}
      </div>
    </div>
  );
}
