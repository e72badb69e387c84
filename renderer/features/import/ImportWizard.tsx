import './import.css';
import { useState } from 'react';
import type { ImportKind } from '../../../shared/contracts/app-api';
import { applyMappingPreset, cancelImport, chooseFile, closeImportWizard, correctReading, mapColumn, saveMappingPreset, setGenerateIds, startImport } from './import-actions';
import { useImportStore } from './import-store';
import { ImportSummaryView } from './ImportSummaryView';

const DELIMITERS: [string, string][] = [[',', 'comma'], [';', 'semicolon'], ['\t', 'tab'], ['|', 'pipe']];

/** Import wizard: pick a file, check the detected reading and the column mapping, import with progress, read the report. */
export function ImportWizard() {
  const s = useImportStore();
  const [kind, setKind] = useState<ImportKind>('accounts');
  const [presetName, setPresetName] = useState('');
  if (!s.open) return null;
  const p = s.preview;
  const fieldOf = new Map(Object.entries(s.mapping).map(([f, c]) => [c, f]));
  const pct = s.progress.total ? Math.round((s.progress.bytes / s.progress.total) * 100) : 0;
  return (
    <div className="import-backdrop" role="dialog" aria-label="Import" data-testid="import-wizard" data-step={s.step}>
      <div className="import-dialog">
        <header className="import-dialog__head">
          <h2>Import {s.kind}</h2>
          <button onClick={closeImportWizard} disabled={s.step === 'running'} aria-label="Close">×</button>
        </header>
        {s.step === 'pick' || s.step === 'preview' ? (
          <div className="import-row">
            <label>
              Records{' '}
              <select data-testid="import-kind" value={kind} onChange={(e) => setKind(e.target.value as ImportKind)}>
                <option value="accounts">Accounts</option>
                <option value="reps">Reps</option>
                <option value="leads">Leads</option>
              </select>
            </label>
            <input data-testid="import-file" type="file" accept=".csv,.tsv,.txt,.xlsx,.xlsm,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={(e) => e.target.files?.[0] && void chooseFile(e.target.files[0], kind)} />
            {s.busy ? <span className="muted">Reading…</span> : null}
          </div>
        ) : null}
        {s.error ? <p className="import-error" data-testid="import-error">{s.error}</p> : null}
        {p && s.step === 'preview' ? (
          <>
            <div className="import-row muted" data-testid="import-detected">
              {p.read.sheet !== undefined ? (
                <>
                  {s.fileName}: workbook, {p.detectedPreset} headers,{' '}
                  <label>
                    sheet{' '}
                    <select data-testid="import-sheet" value={p.read.sheet} disabled={(p.sheets ?? []).length < 2} onChange={(e) => void correctReading({ sheet: e.target.value })}>
                      {(p.sheets ?? [p.read.sheet]).map((n) => <option key={n} value={n}>{n}</option>)}
                    </select>
                  </label>{' '}
                </>
              ) : (
                <>
                  {s.fileName}: {p.read.encoding}{p.hadBom ? ' (BOM)' : ''}, {p.detectedPreset} headers,{' '}
                  <label>
                    delimiter{' '}
                    <select value={p.read.delimiter} onChange={(e) => void correctReading({ delimiter: e.target.value as never })}>
                      {DELIMITERS.map(([d, name]) => <option key={name} value={d}>{name}</option>)}
                    </select>
                  </label>{' '}
                </>
              )}
              <label>
                header on row{' '}
                <input type="number" min={1} value={p.read.headerRow + 1} style={{ width: '4em' }} onChange={(e) => void correctReading({ headerRow: Math.max(0, Number(e.target.value) - 1) })} />
              </label>{' '}
              {p.headerLine !== undefined ? <span data-testid="import-header-line">(sheet row {p.headerLine}; empty rows not counted){' '}</span> : null}
              <label>
                mapping{' '}
                <select data-testid="import-preset" defaultValue="auto" onChange={(e) => void applyMappingPreset(e.target.value)}>
                  {['auto', 'salesforce', 'hubspot', 'plain', ...s.savedPresets].map((n) => <option key={n} value={n}>{n}</option>)}
                </select>
              </label>
            </div>
            <div className="import-table-wrap">
              <table className="import-table" data-testid="import-preview">
                <thead>
                  <tr>
                    {p.columns.map((c, i) => (
                      <th key={`${c}-${i}`}>
                        <div className="import-col">{c}</div>
                        <select data-testid={`map-${c}`} value={fieldOf.get(c) ?? ''} onChange={(e) => mapColumn(c, e.target.value)}>
                          <option value="">— ignore —</option>
                          {p.fields.map((f) => <option key={f.key} value={f.key}>{f.label}{f.required ? ' *' : ''}</option>)}
                        </select>
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {p.sample.slice(0, 8).map((r, i) => (
                    <tr key={i}>{p.columns.map((_, j) => <td key={j}>{(r[j] ?? '').slice(0, 60)}</td>)}</tr>
                  ))}
                </tbody>
              </table>
            </div>
            <div className="import-row">
              <button className="primary" data-testid="import-start" disabled={!s.mapping.id && !s.generateIds} onClick={() => void startImport()}>Import</button>
              {!s.mapping.id || s.generateIds ? (
                <label title="Each record's id is derived from its name and address, so importing the same file again updates the same records.">
                  <input type="checkbox" data-testid="import-generate-ids" checked={s.generateIds} onChange={(e) => setGenerateIds(e.target.checked)} />
                  {' '}no id column: generate ids from name and address
                </label>
              ) : null}
              {!s.mapping.id && !s.generateIds ? <span className="import-error">Map a column to the id field, or generate ids.</span> : null}
              <span className="topbar__spacer" />
              <input placeholder="preset name" value={presetName} onChange={(e) => setPresetName(e.target.value)} />
              <button disabled={!presetName.trim()} onClick={() => void saveMappingPreset(presetName.trim())}>Save mapping</button>
              {s.presetNote ? <span className="muted">{s.presetNote}</span> : null}
            </div>
          </>
        ) : null}
        {s.step === 'running' ? (
          <div className="import-row" data-testid="import-progress">
            <progress max={100} value={pct} />
            <span>{pct}% · {s.progress.rows.toLocaleString()} rows</span>
            <button onClick={() => void cancelImport()}>Cancel</button>
          </div>
        ) : null}
        {s.step === 'summary' && s.summary ? <ImportSummaryView summary={s.summary} /> : null}
      </div>
    </div>
  );
}
