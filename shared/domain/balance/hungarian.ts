/**
 * Optimal assignment for a rows x cols cost matrix (rectangular allowed), minimising total cost.
 * Returns for each row its column, or -1 when there are more rows than columns and the row is left out.
 * O(r^2 c) shortest augmenting paths with potentials (Kuhn–Munkres / Jonker–Volgenant style).
 */
export function hungarian(cost: readonly (readonly number[])[]): Int32Array {
  const rows = cost.length;
  const cols = rows === 0 ? 0 : cost[0]!.length;
  for (const r of cost) {
    if (r.length !== cols) throw new Error(`Cost matrix is ragged: expected ${cols} columns, got ${r.length}`);
    for (const v of r) if (!Number.isFinite(v)) throw new Error(`Cost matrix holds a non-finite value: ${v}`);
  }
  if (rows === 0 || cols === 0) return new Int32Array(rows).fill(-1);
  if (rows > cols) {
    const t = hungarian(Array.from({ length: cols }, (_, c) => cost.map((r) => r[c]!)));
    const out = new Int32Array(rows).fill(-1);
    t.forEach((r, c) => { if (r >= 0) out[r] = c; });
    return out;
  }
  // rows <= cols; 1-based arrays as in the classic formulation.
  const u = new Float64Array(rows + 1); const v = new Float64Array(cols + 1);
  const p = new Int32Array(cols + 1); const way = new Int32Array(cols + 1);
  for (let i = 1; i <= rows; i++) {
    p[0] = i;
    let j0 = 0;
    const minv = new Float64Array(cols + 1).fill(Infinity);
    const used = new Uint8Array(cols + 1);
    do {
      used[j0] = 1;
      const i0 = p[j0]!;
      let delta = Infinity; let j1 = 0;
      for (let j = 1; j <= cols; j++) {
        if (used[j]) continue;
        const cur = cost[i0 - 1]![j - 1]! - u[i0]! - v[j]!;
        if (cur < minv[j]!) { minv[j] = cur; way[j] = j0; }
        if (minv[j]! < delta) { delta = minv[j]!; j1 = j; }
      }
      for (let j = 0; j <= cols; j++) {
        if (used[j]) { u[p[j]!] = u[p[j]!]! + delta; v[j] = v[j]! - delta; } else minv[j] = minv[j]! - delta;
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do { const j1 = way[j0]!; p[j0] = p[j1]!; j0 = j1; } while (j0 !== 0);
  }
  const out = new Int32Array(rows).fill(-1);
  for (let j = 1; j <= cols; j++) if (p[j]! > 0) out[p[j]! - 1] = j - 1;
  return out;
}
