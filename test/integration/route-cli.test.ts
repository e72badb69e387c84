import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { TERRITORY_MEASURES } from '../../shared/domain/kpi/registry';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../fixtures/run-cli';
import { createServices } from '../../electron/services/app-services';
import { findScenario, readVersion } from '../../electron/db/scenario-repo';
import { placeLeads } from '../../electron/services/rules/route-service';
import { Workspace } from '../../electron/services/workspace';
import type { TerritoryId, UnitId } from '../../shared/domain/ids';
import { applyCommand } from '../../shared/domain/scenario/commands';
import type { LeadRow } from '../../shared/domain/rules/leads-csv';
import { useTempDir } from '../fixtures/temp';

const tempDir = useTempDir();
const FIXTURES = resolve(__dirname, '../fixtures/rules');
let demo = '';


/** A copy of the demo workspace (built once) for a test that writes. */
function demoCopy(): string {
  const path = join(tempDir(), 'demo.tessera');
  writeFileSync(path, readFileSync(demo));
  return path;
}

describe('tessera rules / route / report', () => {
  beforeAll(() => {
    demo = join(tmpdir(), `tessera-route-demo-${process.pid}.tessera`);
    rmSync(demo, { force: true });
    Workspace.create(demo, 'counties').close();
  }, 120_000);
  afterAll(() => rmSync(demo, { force: true }));

  it('routes a lead in a county split into ZIP areas by its ZIP area, and one without a ZIP there as unplaced', () => {
    const ws = Workspace.open(demoCopy());
    try {
      const base = readVersion(ws.db, findScenario(ws.db, 'Current plan')!)!.payload;
      const dallas = base.alignments[0]!.assignment['48113' as UnitId]!;
      const other = base.territories.find((t) => t.id !== dallas)!.id as TerritoryId;
      let payload = applyCommand(base, { kind: 'split', unit: '48113' as UnitId, children: ['zip:75201', 'zip:75202'] as UnitId[] }).payload;
      payload = applyCommand(payload, { kind: 'assign', alignment: base.alignments[0]!.key, changes: { 'zip:75201': other } }).payload;
      const lead = (id: string, zip: string): LeadRow => ({
        line: 2,
        lead: { id, company: 'Co', accountId: '', zip, state: 'TX', industry: '', segment: '', employees: 10, revenue: 0, territoryId: null },
        address: { lat: 32.787, lon: -96.799, zip, city: 'Dallas', state: 'TX', county: '' },
      });
      const rows = [lead('L-1', '75201'), lead('L-2', '75202'), lead('L-3', '')];
      expect(placeLeads(ws, payload, rows)).toEqual({ unplaced: 1 });
      expect(rows.map((r) => r.lead.territoryId)).toEqual([other, dallas, null]);
      // The county plan routes all three by the county.
      const countyRows = [lead('L-1', '75201'), lead('L-2', '75202'), lead('L-3', '')];
      expect(placeLeads(ws, base, countyRows)).toEqual({ unplaced: 0 });
      expect(countyRows.map((r) => r.lead.territoryId)).toEqual([dallas, dallas, dallas]);
    } finally {
      ws.close();
    }
  });

  it('saves rules as a scenario version, routes leads with reasons, and continues round-robin on the next run', async () => {
    const ws = demoCopy();
    const set = await cli('rules', 'set', '-w', ws, '-s', 'Current plan', '-f', join(FIXTURES, 'rules-demo.json'), '--json');
    expect(set.code).toBe(0);
    expect(JSON.parse(set.out)).toMatchObject({ version: 2 });
    const out = join(tempDir(), 'routed.csv');
    const run = await cli('route', '-w', ws, '-s', 'Current plan', '--leads', join(FIXTURES, 'leads-small.csv'), '--out', out, '--json');
    expect(run.code, run.err).toBe(0);
    const summary = JSON.parse(run.out);
    expect(summary).toMatchObject({ leads: 9, unmatched: 3, rejected: [{ line: 11, reason: 'no lead id' }], committed: true });
    expect(summary.shadowed).toEqual([expect.objectContaining({ ruleId: 'big-ent', kind: 'proven', by: ['ent'] })]);
    const rows = readFileSync(out, 'utf8').trim().split('\r\n');
    expect(rows).toHaveLength(10);
    const byId = new Map(rows.slice(1).map((r) => [r.split(',')[0], r]));
    expect(byId.get('L-2')).toContain('dallas,Dallas territory,territory,T-50,R-050');
    expect(byId.get('L-3')).toContain('R-002');
    expect(byId.get('L-8')).toContain('R-003');
    expect(byId.get('L-6')).toContain('Inside sales queue');
    expect(rows.find((r) => r.startsWith('L-9'))).toContain(`"'=HYPERLINK`);
    const again = await cli('route', '-w', ws, '-s', 'Current plan', '--leads', join(FIXTURES, 'leads-small.csv'), '--out', out, '--force');
    expect(again.code).toBe(0);
    // The reason names the rep; the CRM columns keep the id.
    expect(readFileSync(out, 'utf8')).toMatch(/,R-004,,"Rule 'Enterprise team': .* turn 3 → Fatima Flores"/);
  });

  it('does not advance round-robin cursors on --dry-run and refuses bad input with exit codes 1 and 2', async () => {
    const ws = demoCopy();
    await cli('rules', 'set', '-w', ws, '-s', 'Current plan', '-f', join(FIXTURES, 'rules-demo.json'));
    const out = join(tempDir(), 'r.csv');
    for (let i = 0; i < 2; i++) expect((await cli('route', '-w', ws, '-s', 'Current plan', '--leads', join(FIXTURES, 'leads-small.csv'), '-o', out, '--force', '--dry-run')).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('turn 1 → Keisha Murphy');
    expect((await cli('route', '-w', ws, '-s', 'Current plan', '--leads', join(FIXTURES, 'leads-small.csv'), '-o', out)).err).toMatch(/already exists/);
    expect((await cli('route', '-w', ws, '-s', 'Current plan', '--leads', 'nope.csv', '-o', join(tempDir(), 'x.csv'))).code).toBe(1);
    expect((await cli('route', '-w', ws, '--leads', 'x.csv')).code).toBe(2);
    const bad = join(tempDir(), 'bad.json');
    writeFileSync(bad, JSON.stringify({ version: 1, fallbackQueue: 'q', accountLists: {}, rules: [{ id: 'a', name: 'a', enabled: true, conditions: {}, action: { kind: 'rep', repId: 'NOBODY' } }] }));
    const refused = await cli('rules', 'set', '-w', ws, '-s', 'Current plan', '-f', bad);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/unknown rep NOBODY/);
  });

  it('writes the print-styled HTML report of a comparison with map, charts and moved accounts', async () => {
    const out = join(tempDir(), 'report.html');
    const res = await cli('report', '-w', demo, '-s', 'Nearest rep', '-b', 'Current plan', '-o', out, '--html', '--json');
    expect(res.code, res.err).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('data-map="units"');
    expect(html).toContain('Potential by territory');
    expect(html).toContain('Largest moved accounts');
    expect((html.match(/<path /g) ?? []).length).toBeGreaterThan(3000);
    // The territory table's measures come from the KPI registry, money and hours in their units.
    const territoryTable = html.slice(html.indexOf('<h2>Territory KPIs</h2>'), html.indexOf('<h2>Reps</h2>'));
    for (const m of TERRITORY_MEASURES.filter((x) => x.key !== 'units')) expect(territoryTable).toContain(`<th class="n">${m.label}</th>`);
    expect(territoryTable).toMatch(/<td class="n">\$[\d.]+ [MB]<\/td>/);
    expect(territoryTable).toMatch(/<td class="n">[\d,]+ h<\/td>/);
  });

  it('imports quotas by territory id or name into the dashboard settings and refuses unknown reps', async () => {
    const ws = demoCopy();
    const good = join(tempDir(), 'q.csv');
    writeFileSync(good, 'territory,quota\nT-01,5000000\nCA Los Angeles,"25,000,000"\n');
    expect((await cli('quotas', '-w', ws, '-s', 'Current plan', '-f', good)).code).toBe(0);
    const services = createServices({ mode: 'direct', workspace: ws, openOptions: { readOnly: true } });
    try {
      const d = await services.api['dashboard.get']({ scenario: 'Current plan' });
      if (!d.ok) throw new Error(d.error.message);
      const quota = new Map(d.value.dashboard.territories.map((t) => [t.id, t.quota]));
      expect([quota.get('T-01'), quota.get('T-04')]).toEqual([5_000_000, 25_000_000]);
      expect(d.value.dashboard.settings.quotas.mode).toBe('imported');
    } finally {
      services.close();
    }
    const bad = join(tempDir(), 'bad.csv');
    writeFileSync(bad, 'rep,quota\nR-999,5\n');
    const refused = await cli('quotas', '-w', ws, '-s', 'Current plan', '-f', bad);
    expect([refused.code, refused.err.trim()]).toEqual([1, 'tessera: line 2: unknown rep R-999']);
  });
});
