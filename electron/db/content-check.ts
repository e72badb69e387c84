import type Database from 'better-sqlite3';
import { ZodError } from 'zod';
import { payloadProblems, upgradeScenarioPayload } from '../../shared/schema/scenario-payload';
import { compareDigests, computeDigest, readDigest, type ContentDigest } from './content-digest';

/**
 * A damaged part of a structurally valid file. 'version' damage spares the rest (that version is skipped
 * on a read-only open and left out by recovery); 'geometry' damage costs the map outlines only;
 * 'altered' content still reads but no longer matches its digest (shown read-only with a warning);
 * 'dataset' damage (units, accounts, reps, measures that do not parse) leaves nothing trustworthy to show.
 */
export type Damage = { kind: 'version' | 'geometry' | 'altered' | 'dataset'; part: string; message: string; scenarioId?: number; version?: number };

/** Size limits (in bytes, read without loading the value) a stored value must stay within before it is parsed. */
export type ContentLimits = { payloadChars: number; geometryChars: number };

/** Defaults sized for ZIP-level US data with headroom. */
export const DEFAULT_CONTENT_LIMITS: ContentLimits = { payloadChars: 128 * 1024 ** 2, geometryChars: 1024 ** 3 };

/** What the content check found: damage, and whether the stored digest was there and matched. */
export type ContentReport = { damage: Damage[]; digest: 'verified' | 'absent' | 'mismatch' };

const first = (db: Database.Database, sql: string, ...args: unknown[]): unknown[] | undefined => db.prepare(sql).raw().get(...args) as unknown[] | undefined;

/** One line naming what is wrong with a payload (a zod error as path: message). */
function reason(e: unknown): string {
  if (e instanceof ZodError) {
    const i = e.issues[0]!;
    return `payload does not match the scenario schema (${i.path.join('.') || 'top level'}: ${i.message})`;
  }
  if (e instanceof SyntaxError) return 'payload is not valid JSON';
  return (e as Error).message.split('\n')[0]!;
}

function scenarioNames(db: Database.Database): Map<number, string> {
  return new Map(db.prepare('SELECT id, name FROM scenarios').raw().all() as [number, string][]);
}

const versionPart = (names: Map<number, string>, id: number, version: number): string => `scenario '${names.get(id) ?? `#${id}`}' version ${version}`;

function checkPayloads(db: Database.Database, limits: ContentLimits, names: Map<number, string>, out: Damage[]): void {
  const rows = db.prepare('SELECT scenario_id, version, octet_length(payload), typeof(payload) FROM scenario_versions ORDER BY scenario_id, version').raw().all() as [number, number, number, string][];
  const read = db.prepare('SELECT payload FROM scenario_versions WHERE scenario_id = ? AND version = ?').pluck();
  for (const [id, version, bytes, type] of rows) {
    const part = versionPart(names, id, version);
    const damage = (message: string): void => void out.push({ kind: 'version', part, message: `${part}: ${message}`, scenarioId: id, version });
    if (type !== 'text') {
      damage(`payload is stored as ${type}, not JSON text`);
      continue;
    }
    if (bytes > limits.payloadChars) {
      damage(`payload is ${bytes} bytes, more than the ${limits.payloadChars} Tessera reads`);
      continue;
    }
    try {
      const payload = upgradeScenarioPayload(JSON.parse(read.get(id, version) as string));
      const problems = payloadProblems(payload);
      if (problems.length) throw new Error(`payload is inconsistent (${problems[0]})`);
    } catch (e) {
      damage(reason(e));
    }
  }
}

const NUMERIC: Record<string, string[]> = {
  units: ['x', 'y'],
  accounts: ['x', 'y', 'employees', 'revenue', 'potential', 'workload'],
  reps: ['home_x', 'home_y'],
};

function checkDataset(db: Database.Database, limits: ContentLimits, out: Damage[]): void {
  const dataset = (part: string, message: string): void => void out.push({ kind: 'dataset', part, message: `${part}: ${message}` });
  for (const [table, cols] of Object.entries(NUMERIC)) {
    const bad = (c: string): string => `(typeof(${c}) NOT IN ('real', 'integer') OR abs(${c}) > 1.7e308)`;
    const row = first(db, `SELECT id, ${cols.map((c) => `${bad(c)}`).join(', ')} FROM ${table} WHERE ${cols.map(bad).join(' OR ')} LIMIT 1`);
    if (row) dataset(table, `${cols[row.slice(1).findIndex((v) => v === 1)] ?? cols[0]} of ${String(row[0])} is not a finite number`);
  }
  const measureCount = Number(first(db, 'SELECT count(*) FROM measure_defs')![0]);
  for (const [id, text] of db.prepare('SELECT id, measures FROM units ORDER BY idx').raw().iterate() as IterableIterator<[string, unknown]>) {
    let values: unknown;
    try {
      values = typeof text === 'string' ? JSON.parse(text) : null;
    } catch {
      values = null;
    }
    if (!Array.isArray(values) || values.length !== measureCount || !values.every((v) => typeof v === 'number' && Number.isFinite(v))) {
      dataset('unit measures', `the measures of unit ${id} are not ${measureCount} finite numbers`);
      break;
    }
  }
  for (const [id, industries, languages] of db.prepare('SELECT id, industries, languages FROM reps').raw().iterate() as IterableIterator<[string, unknown, unknown]>) {
    const list = (t: unknown): boolean => {
      try {
        const v: unknown = typeof t === 'string' ? JSON.parse(t) : null;
        return Array.isArray(v) && v.every((s) => typeof s === 'string');
      } catch {
        return false;
      }
    };
    if (!list(industries) || !list(languages)) {
      dataset('reps', `the industries or languages of rep ${id} are not a list of names`);
      break;
    }
  }
  const geo = first(db, 'SELECT octet_length(topology), typeof(topology), units_object FROM geometry WHERE id = 1') as [number, string, string] | undefined;
  if (geo) {
    const damage = (message: string): void => void out.push({ kind: 'geometry', part: 'map geometry', message: `map geometry: ${message}` });
    if (geo[1] !== 'text') damage(`stored as ${geo[1]}, not JSON text`);
    else if (geo[0] > limits.geometryChars) damage(`${geo[0]} bytes, more than the ${limits.geometryChars} Tessera reads`);
    else {
      try {
        const topo = JSON.parse(db.prepare('SELECT topology FROM geometry WHERE id = 1').pluck().get() as string) as { type?: unknown; objects?: Record<string, unknown>; arcs?: unknown };
        if (topo?.type !== 'Topology' || !Array.isArray(topo.arcs) || typeof topo.objects !== 'object' || !topo.objects?.[geo[2]]) damage(`not a TopoJSON topology with the object "${geo[2]}"`);
      } catch {
        damage('not valid JSON');
      }
    }
  }
}

const TABLE_LABELS: Record<string, string> = { geometry: 'map geometry', scenarios: 'scenario list (names, descriptions)', meta: 'workspace settings (meta)', measure_defs: 'measure definitions', unit_edges: 'unit adjacency' };

function digestDamage(stored: ContentDigest, actual: ContentDigest, names: Map<number, string>): Damage[] {
  return compareDigests(stored, actual).map((m) => {
    if (m.scenarioId !== undefined && m.version !== undefined) {
      const part = versionPart(names, m.scenarioId, m.version);
      const what = m.what === 'changed' ? 'content changed after it was saved' : m.what === 'missing' ? 'missing (it was in the file when saved)' : 'not in the file when it was saved';
      return { kind: 'version', part, message: `${part}: ${what}`, scenarioId: m.scenarioId, version: m.version };
    }
    const label = TABLE_LABELS[m.table] ?? m.table;
    return { kind: 'altered', part: label, message: `${label}: content ${m.what === 'changed' ? 'changed after it was saved' : `${m.what} since it was saved`}` };
  });
}

/**
 * Checks what a structurally valid file holds: payloads parse and match the schema (references to units
 * and accounts are not checked: a re-import may drop some that older versions name), measures and
 * coordinates are finite numbers, geometry decodes, sizes are bounded, and the stored content digest
 * (when present) still matches. Runs no SQL of the file; the schema must have been checked first.
 */
export function checkContent(db: Database.Database, limits: ContentLimits = DEFAULT_CONTENT_LIMITS): ContentReport {
  const damage: Damage[] = [];
  const names = scenarioNames(db);
  checkDataset(db, limits, damage);
  checkPayloads(db, limits, names, damage);
  const stored = readDigest(db);
  // An oversized value is not read at all, so the digest (which would read it) is not checked either.
  if (stored === null || damage.some((d) => d.message.includes(' bytes, more than the '))) return { damage, digest: 'absent' };
  if (stored === 'invalid') return { damage: [...damage, { kind: 'altered', part: 'content digest', message: 'content digest: unreadable' }], digest: 'mismatch' };
  const differences = digestDamage(stored, computeDigest(db), names);
  const found = differences.filter((d) => !damage.some((x) => x.part === d.part));
  return { damage: [...damage, ...found], digest: differences.length ? 'mismatch' : 'verified' };
}
