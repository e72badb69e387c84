import { ACCOUNT_MEASURES, suggestedTimeLimitMs, type BalanceSettings } from '../../../shared/domain/balance';
import { useDatasetStore } from '../../state/dataset-store';
import { useScenarioStore } from '../../state/scenario-store';
import { updateBalanceSettings } from './balance-actions';
import { useBalanceStore } from './balance-store';

const pctValue = (f: number | undefined): string => (f === undefined ? '' : String(Math.round(f * 1000) / 10));
const optNum = (v: string): number | undefined => (v.trim() === '' || !Number.isFinite(Number(v)) ? undefined : Number(v));

/** Settings of a balancing run: mode, K, measures, band, limits, contiguity, compactness, disruption, locks, alignment, seed. */
export function BalanceForm() {
  const s = useBalanceStore((st) => st.settings);
  const measureDefs = useDatasetStore((st) => st.units?.measureDefs);
  const unitCount = useDatasetStore((st) => st.units?.ids.length ?? 0);
  const measureKeys = measureDefs?.map((d) => d.key) ?? [];
  const payload = useScenarioStore((st) => st.current?.payload);
  const options = [...ACCOUNT_MEASURES, ...measureKeys.filter((k) => !(ACCOUNT_MEASURES as readonly string[]).includes(k))];
  const set = (patch: Partial<BalanceSettings>) => updateBalanceSettings(patch);
  const toggleMeasure = (m: string, on: boolean) => set({ measures: on ? [...s.measures, m] : s.measures.filter((x) => x !== m) });
  return (
    <div className="balance-form">
      <label>Mode
        <select data-testid="balance-mode" value={s.mode} onChange={(e) => set({ mode: e.target.value as BalanceSettings['mode'] })}>
          <option value="rebalance">Rebalance the current plan</option>
          <option value="design">Design from scratch</option>
        </select>
      </label>
      <label>Alignment
        <select value={s.alignmentKey ?? ''} onChange={(e) => set({ alignmentKey: e.target.value || undefined })}>
          <option value="">Default</option>
          {payload?.alignments.filter((a) => a.segments.length > 0).map((a) => <option key={a.key} value={a.key}>{a.label}</option>)}
        </select>
      </label>
      <label>Territories (K)
        <input type="number" min={1} placeholder="current" data-testid="balance-k" value={s.k ?? ''} onChange={(e) => set({ k: optNum(e.target.value) })} />
      </label>
      <fieldset className="balance-form__measures">
        <legend>Balance</legend>
        {options.map((m) => (
          <label key={m} className="balance-form__check">
            <input type="checkbox" data-testid={`balance-measure-${m}`} checked={s.measures.includes(m)} onChange={(e) => toggleMeasure(m, e.target.checked)} /> {m}
          </label>
        ))}
      </fieldset>
      <label>Tolerance ±%
        <input type="number" min={0} max={100} step={0.5} data-testid="balance-tolerance" value={pctValue(s.tolerance)} onChange={(e) => set({ tolerance: (optNum(e.target.value) ?? 0) / 100 })} />
      </label>
      <label>Min / max ({s.measures[0] ?? '—'})
        <span className="balance-form__pair">
          <input type="number" min={0} placeholder="min" value={s.min ?? ''} onChange={(e) => set({ min: optNum(e.target.value) })} />
          <input type="number" min={0} placeholder="max" value={s.max ?? ''} onChange={(e) => set({ max: optNum(e.target.value) })} />
        </span>
      </label>
      <label className="balance-form__check"><input type="checkbox" checked={s.contiguity} onChange={(e) => set({ contiguity: e.target.checked })} /> Contiguous territories</label>
      <label>Compactness
        <select value={s.objective} onChange={(e) => set({ objective: e.target.value as 'sum' | 'max' })}>
          <option value="sum">Sum of distances (p-median)</option>
          <option value="max">Largest distance (p-center)</option>
        </select>
      </label>
      <label>Max disruption %
        <span className="balance-form__pair">
          <input type="number" min={0} max={100} placeholder="none" disabled={s.mode === 'design'} value={pctValue(s.maxDisruption?.share)}
            onChange={(e) => { const v = optNum(e.target.value); set({ maxDisruption: v === undefined ? undefined : { share: v / 100, basis: s.maxDisruption?.basis ?? 'units' } }); }} />
          <select disabled={s.mode === 'design'} value={s.maxDisruption?.basis ?? 'units'} onChange={(e) => set({ maxDisruption: { share: s.maxDisruption?.share ?? 0.1, basis: e.target.value } })}>
            <option value="units">of units</option>
            {options.map((m) => <option key={m} value={m}>of {m}</option>)}
          </select>
        </span>
      </label>
      <label>Disruption penalty
        <input type="number" min={0} step={0.1} disabled={s.mode === 'design'} value={s.disruptionPenalty ?? ''} onChange={(e) => set({ disruptionPenalty: optNum(e.target.value) })} />
      </label>
      <label className="balance-form__check">
        <input type="checkbox" checked={s.useLocks !== false} onChange={(e) => set({ useLocks: e.target.checked })} />
        Keep locks ({payload?.lockedUnits.length ?? 0} units, {payload?.territories.filter((t) => t.locked).length ?? 0} territories)
      </label>
      <label>Seed
        <input type="number" data-testid="balance-seed" value={s.seed ?? 1} onChange={(e) => set({ seed: optNum(e.target.value) ?? 1 })} />
      </label>
      <label>Time limit s
        <input type="number" min={1} data-testid="balance-time-limit" value={(s.timeLimitMs ?? suggestedTimeLimitMs(unitCount)) / 1000} onChange={(e) => set({ timeLimitMs: (optNum(e.target.value) ?? 5) * 1000 })} />
      </label>
      <label className="balance-form__check" title="Keep improving the best plan until the time limit. Off: stop at the first plan the search cannot improve, the same plan for a seed on any machine.">
        <input type="checkbox" data-testid="balance-anytime" checked={s.perturbations === 'until-time-limit'} onChange={(e) => set({ perturbations: e.target.checked ? 'until-time-limit' : undefined })} />
        Use the whole time limit
      </label>
    </div>
  );
}
