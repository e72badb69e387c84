import type { Ctx, ResolvedTarget } from './context';
import { clusterProofs } from './cut-proofs';
import type { Violation, ViolationKind } from './types';

const MAX_UNIT_REPORTS = 20;

/** Kind of a missed upper or lower bound: 'tolerance' when the band is the binding bound, else 'max'/'min'. */
export function boundKind(ctx: Ctx, j: number, side: 'hi' | 'lo'): ViolationKind {
  const spec = ctx.input.targets[j]!;
  const tg = ctx.targets[j]!;
  if (spec.tolerance === undefined) return side === 'hi' ? 'max' : 'min';
  const bandBound = side === 'hi' ? tg.mean * (1 + spec.tolerance) : tg.mean * (1 - spec.tolerance);
  return (side === 'hi' ? tg.hi === bandBound : tg.lo === bandBound) ? 'tolerance' : side === 'hi' ? 'max' : 'min';
}

/** Unit label for messages: its id when given. */
export function unitLabel(ctx: Ctx, u: number): string {
  const id = ctx.input.ids?.[u];
  return id !== undefined ? `unit ${u} (${id})` : `unit ${u}`;
}

/** Constraints that provably cannot be met, found before the search. */
export function precheck(ctx: Ctx): Violation[] {
  const out: Violation[] = [];
  const v = (x: Omit<Violation, 'proven'>): void => { out.push({ ...x, proven: true }); };
  const { n, k } = ctx;
  const T = ctx.targets.length;
  ctx.targets.forEach((tg, j) => {
    let total = 0; let reported = 0;
    for (let t = 0; t < k; t++) {
      const f = ctx.fixedLoad[t * T + j]!;
      total += f;
      if (f > tg.hi * (1 + 1e-9)) v({ territory: t, measure: tg.name, kind: boundKind(ctx, j, 'hi'), value: f, target: tg.hi, reason: `territory ${t} already holds ${fmt(f)} ${tg.name} in accounts assigned to it by name, above the per-territory upper bound ${fmt(tg.hi)}` });
    }
    for (let u = 0; u < n; u++) {
      const x = tg.values[u]!; total += x;
      if (x > tg.hi * (1 + 1e-9) && reported++ < MAX_UNIT_REPORTS) {
        v({ territory: -1, measure: tg.name, kind: boundKind(ctx, j, 'hi'), value: x, target: tg.hi, units: [u], reason: `${unitLabel(ctx, u)} alone has ${fmt(x)} ${tg.name}, above the per-territory upper bound ${fmt(tg.hi)}` });
      }
    }
    if (total > k * tg.hi * (1 + 1e-9)) v({ territory: -1, measure: tg.name, kind: boundKind(ctx, j, 'hi'), value: total, target: k * tg.hi, reason: `total ${tg.name} ${fmt(total)} exceeds k x upper bound ${fmt(k * tg.hi)}` });
    if (total < k * tg.lo * (1 - 1e-9)) v({ territory: -1, measure: tg.name, kind: boundKind(ctx, j, 'lo'), value: total, target: k * tg.lo, reason: `total ${tg.name} ${fmt(total)} is below k x lower bound ${fmt(k * tg.lo)}` });
  });
  lockChecks(ctx, v);
  componentChecks(ctx, v);
  for (const p of clusterProofs(ctx)) {
    const tg = ctx.targets[p.j]!;
    const shown = p.units.slice(0, 8).map((u) => unitLabel(ctx, u)).join(', ') + (p.units.length > 8 ? ` and ${p.units.length - 8} more` : '');
    v({
      territory: -1, measure: tg.name, kind: boundKind(ctx, p.j, p.load > tg.hi ? 'hi' : 'lo'), value: p.load, target: p.load > tg.hi ? tg.hi : tg.lo, units: p.units,
      reason: `${shown} (${fmt(p.load)} ${tg.name}) ${p.detail} [${fmt(tg.lo)}, ${fmt(tg.hi)}]; the contiguous territory holding them cannot be in the band`,
    });
  }
  return out;
}

function lockChecks(ctx: Ctx, v: (x: Omit<Violation, 'proven'>) => void): void {
  const { n, k, baseline } = ctx;
  if (!baseline) return;
  const T = ctx.targets.length;
  // Loads fixed before any unit is placed: accounts assigned by name, then the locked units (below).
  const fixedLoad = ctx.fixedLoad.slice();
  const hasFixed = new Uint8Array(k);
  let freeUnits = 0;
  for (let u = 0; u < n; u++) {
    const b = baseline[u]!;
    if (ctx.input.lockedUnits?.[u] && b < 0) v({ territory: -1, measure: '', kind: 'lock-conflict', value: u, target: -1, reason: `${unitLabel(ctx, u)} is locked but has no baseline territory` });
    if (!ctx.fixed[u]) { freeUnits++; continue; }
    if (b < 0) continue;
    hasFixed[b] = 1;
    for (let j = 0; j < T; j++) fixedLoad[b * T + j] = fixedLoad[b * T + j]! + (ctx.targets[j]!.values[u]!);
  }
  let needing = 0;
  for (let t = 0; t < k; t++) {
    if (ctx.lockedTerritory[t]) {
      if (!hasFixed[t]) v({ territory: t, measure: '', kind: 'lock-conflict', value: 0, target: 1, reason: `locked territory ${t} has no units in the baseline` });
    } else if (!hasFixed[t]) needing++;
    ctx.targets.forEach((tg: ResolvedTarget, j) => {
      const l = fixedLoad[t * T + j]!;
      const locked = ctx.lockedTerritory[t] === 1;
      if (l > tg.hi * (1 + 1e-9) && hasFixed[t]) v({ territory: t, measure: tg.name, kind: boundKind(ctx, j, 'hi'), value: l, target: tg.hi, reason: `${locked ? 'locked territory' : 'locked units of territory'} ${t}${ctx.fixedLoad[t * T + j]! > 0 ? ' (with the accounts assigned to it by name)' : ''} already hold ${fmt(l)} ${tg.name}, above ${fmt(tg.hi)}` });
      if (locked && l < tg.lo * (1 - 1e-9)) v({ territory: t, measure: tg.name, kind: boundKind(ctx, j, 'lo'), value: l, target: tg.lo, reason: `locked territory ${t} holds ${fmt(l)} ${tg.name}, below ${fmt(tg.lo)}, and cannot grow` });
    });
  }
  if (needing > freeUnits) v({ territory: -1, measure: '', kind: 'lock-conflict', value: freeUnits, target: needing, reason: `${needing} territories need a unit but only ${freeUnits} units are not locked` });
}

function componentChecks(ctx: Ctx, v: (x: Omit<Violation, 'proven'>) => void): void {
  if (!ctx.contiguity || ctx.compCount <= 1) return;
  ctx.targets.forEach((tg, j) => {
    if (!Number.isFinite(tg.hi) || tg.hi <= 0) return;
    const load = new Float64Array(ctx.compCount);
    for (let u = 0; u < ctx.n; u++) load[ctx.comp[u]!] = load[ctx.comp[u]!]! + (tg.values[u]!);
    let need = 0;
    for (let c = 0; c < ctx.compCount; c++) if (load[c]! > tg.hi * (1 + 1e-9)) need += Math.min(ctx.compSize[c]!, Math.ceil(load[c]! / tg.hi - 1e-9));
    for (let c = 0; c < ctx.compCount; c++) {
      const l = load[c]!;
      if (l <= tg.hi * (1 + 1e-9)) continue;
      const m = Math.ceil(l / tg.hi - 1e-9);
      // A territory in band holds at least lo less its fixed load in units.
      if (m * (tg.lo - ctx.fixedMax[j]!) <= l * (1 + 1e-9)) continue;
      const units = unitsOf(ctx, c);
      v({ territory: -1, measure: tg.name, kind: 'disconnected-graph', value: l, target: tg.hi, units, reason: `graph component ${c} (${ctx.compSize[c]} units, e.g. ${unitLabel(ctx, units[0]!)}) holds ${fmt(l)} ${tg.name}: too much for one territory, and no whole number of contiguous territories fits the band [${fmt(tg.lo)}, ${fmt(tg.hi)}]` });
    }
    if (need > ctx.k) v({ territory: -1, measure: tg.name, kind: 'disconnected-graph', value: need, target: ctx.k, reason: `the ${ctx.compCount} graph components need at least ${need} contiguous territories to stay under ${fmt(tg.hi)} ${tg.name}, but k is ${ctx.k}` });
  });
}

function unitsOf(ctx: Ctx, c: number): number[] {
  const out: number[] = [];
  for (let u = 0; u < ctx.n; u++) if (ctx.comp[u] === c) out.push(u);
  return out;
}


/** Compact number formatting for messages. */
export function fmt(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toPrecision(6);
}
