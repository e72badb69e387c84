import { api } from '../../api/client';
import { alignmentTerritories, balanceAlignmentIndex, matchableReps, repProfiles, surplusReps, territoryProfiles } from '../../../shared/domain/balance';
import type { RepId } from '../../../shared/domain/ids';
import { indexAlignment, resolveAccountTerritories } from '../../../shared/domain/territories/resolve';
import { useDatasetStore } from '../../state/dataset-store';
import { openScenario, refreshScenarioList } from '../../state/scenario-actions';
import { useScenarioStore } from '../../state/scenario-store';
import { messageOf, reportError } from '../../state/ui-actions';
import { balanceAccounts, datasetKeys, ensureBalanceData } from './balance-actions';
import { useBalanceStore, type RepProposal } from './balance-store';
import { matchInWorker } from './balance-worker-pool';
import { distanceMetric } from '../../../shared/domain/geo/distance-metric';

const setMatch = (patch: Partial<ReturnType<typeof useBalanceStore.getState>['match']>): void =>
  useBalanceStore.setState((s) => ({ match: { ...s.match, ...patch } }));

/** Proposes the best rep per territory of the balanced alignment (Hungarian over explained fit), without applying it. */
export async function proposeRepMatch(): Promise<void> {
  setMatch({ status: 'running', error: null, proposals: [], skipped: [] });
  try {
    await ensureBalanceData();
    const current = useScenarioStore.getState().current;
    const accounts = balanceAccounts();
    const keys = datasetKeys();
    const { reps, units } = useDatasetStore.getState();
    if (!current || !accounts || !keys || !units) throw new Error('No scenario or dataset is loaded');
    const payload = current.payload;
    const indexed = indexAlignment(payload, keys.unitIds, keys.accounts);
    const accountTerritory = resolveAccountTerritories(Int32Array.from(accounts.unitIndex), indexed.accountAlignment, indexed.accountOverride, indexed.unitTerritory);
    const ai = balanceAlignmentIndex(payload, useBalanceStore.getState().settings.alignmentKey);
    const inAlignment = new Set(alignmentTerritories(payload, ai).map((t) => t.id as string));
    const profiles = territoryProfiles(payload.territories.length, accounts, accountTerritory).filter((p) => inAlignment.has(payload.territories[p.territory]!.id));
    const usable = matchableReps(reps);
    const m = await matchInWorker(repProfiles(usable.reps), profiles, distanceMetric(units));
    const repName = new Map(reps.map((r) => [r.id as string, r.name]));
    const proposals: RepProposal[] = m.pairs.map((fit) => {
      const t = payload.territories[fit.territory]!;
      return { territoryId: t.id, territoryName: t.name, repId: fit.rep, repName: repName.get(fit.rep) ?? fit.rep, fit };
    }).sort((a, b) => a.territoryName.localeCompare(b.territoryName));
    const skipped = [...usable.skipped, ...surplusReps(m.unmatchedReps, reps, usable.reps.length, profiles.length)];
    setMatch({ status: 'ready', proposals, total: m.total, unmatched: m.unmatchedTerritories.map((t) => payload.territories[t]!.name), skipped });
  } catch (e) {
    setMatch({ status: 'error', error: messageOf(e) });
  }
}

/** Applies the proposed reps (territory.repId) as a new version of the open scenario. */
export async function applyRepMatch(): Promise<boolean> {
  const current = useScenarioStore.getState().current;
  const { proposals } = useBalanceStore.getState().match;
  if (!current || proposals.length === 0) return false;
  const byTerritory = new Map(proposals.map((p) => [p.territoryId as string, p.repId as RepId]));
  const assigned = new Set(byTerritory.values());
  const territories = current.payload.territories.map((t) => {
    const rep = byTerritory.get(t.id);
    if (rep) return { ...t, repId: rep };
    // A rep moved elsewhere leaves their old territory (a rep works one territory of the alignment).
    return t.repId && assigned.has(t.repId) ? { ...t, repId: null } : t;
  });
  const changed = territories.filter((t, i) => t.repId !== current.payload.territories[i]!.repId).length;
  try {
    const saved = await api['scenario.saveVersion']({
      scenarioId: current.scenarioId, baseVersion: current.version, payload: { ...current.payload, territories }, note: `Matched reps to territories (${changed} changed)`,
    });
    if (!saved.ok) { reportError({ id: 'rep-match', title: 'The rep assignment could not be saved', detail: saved.error.message, action: 'Reload the scenario and match again.' }); return false; }
    setMatch({ status: 'idle', proposals: [] });
    await refreshScenarioList();
    await openScenario(saved.value.scenarioId, saved.value.version);
    return true;
  } catch (e) {
    reportError({ id: 'rep-match', title: 'The rep assignment could not be saved', detail: messageOf(e), action: 'Check that the Tessera server is still running.' });
    return false;
  }
}
