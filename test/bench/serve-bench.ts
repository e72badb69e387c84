// Browser-mode responsiveness benchmark: `npx tsx test/bench/serve-bench.ts [--mode worker|direct] [--clients 20] [--rounds 40] [--versions 80]`.
// 20 clients over HTTP against the built-in demo: a quarter ask for the dashboard and the territory KPIs of
// ever-new scenario versions (each one recomputed: the versions cycle through more than the KPI cache holds),
// the rest make cheap calls (scenario.list, workspace.info). Prints the cheap calls' latency percentiles.
// --mode direct runs the services on the server's request loop (as before); worker runs them in a worker thread.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServices } from '../../electron/services/app-services';
import { startServicesWorker } from '../../electron/services/host/worker-services';
import { startServer } from '../../electron/server/server';
import type { AppApi } from '../../shared/contracts/app-api';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string): string => (args.includes(name) ? args[args.indexOf(name) + 1]! : dflt);
const mode = opt('--mode', 'worker');
const clients = Number(opt('--clients', '20'));
const rounds = Number(opt('--rounds', '40'));
// 80 versions is more than the KPI cache keeps, so every heavy call recomputes; --versions 1 measures cache hits.
const VERSIONS = Number(opt('--versions', '80'));

const dir = mkdtempSync(join(tmpdir(), 'tessera-bench-'));
mkdirSync(join(dir, 'r'));
writeFileSync(join(dir, 'r', 'index.html'), '<html></html>');

let api: AppApi;
let call: ((method: string, arg: unknown, signal: AbortSignal) => Promise<unknown>) | undefined;
let close: () => Promise<void>;
if (mode === 'direct') {
  const s = createServices({ mode: 'browser', dataDir: join(dir, 'data') });
  api = s.api;
  close = async () => s.close();
} else {
  const c = await startServicesWorker({ options: { mode: 'browser', dataDir: join(dir, 'data') } });
  api = c.api;
  call = c.call;
  close = c.close;
}
const server = await startServer({ api, ...(call ? { call } : {}), rendererDir: join(dir, 'r'), port: 0 });
const headers = {
  host: `127.0.0.1:${server.port}`,
  origin: `http://127.0.0.1:${server.port}`,
  cookie: `${server.session.cookieName}=${server.session.token}`,
  'content-type': 'application/json',
};
const agent = new Agent({ keepAlive: true, maxSockets: clients });

function post(method: string, arg: unknown): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path: `/api/${method}`, method: 'POST', headers, agent }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => (res.statusCode === 200 ? resolve(JSON.parse(body)) : reject(new Error(`${method}: ${res.statusCode} ${body}`))));
    });
    req.on('error', reject);
    req.end(JSON.stringify(arg));
  });
}

// Versions to recompute: copies of the first scenario's head, saved as new versions.
const head = (await post('scenario.get', { scenario: 1 })) as { result: { ok: true; value: { scenarioId: number; version: number; payload: unknown } } };
let base = head.result.value.version;
for (let i = 0; i < VERSIONS; i++) {
  const r = (await post('scenario.saveVersion', { scenarioId: head.result.value.scenarioId, baseVersion: base, payload: head.result.value.payload, note: `bench ${i}` })) as { result: { ok: boolean; value: { version: number } } };
  base = r.result.value.version;
}
const versions = Array.from({ length: VERSIONS }, (_, i) => base - i);

const cheap: number[] = [];
const heavy: number[] = [];
let stop = false;
const heavyClients = Math.max(1, Math.round(clients / 4));
let turn = 0;
const heavyLoop = async (): Promise<void> => {
  while (!stop) {
    const version = versions[turn++ % versions.length]!;
    const t = performance.now();
    await post(turn % 2 ? 'dashboard.get' : 'kpi.territories', { scenario: head.result.value.scenarioId, version });
    heavy.push(performance.now() - t);
  }
};
const cheapLoop = async (): Promise<void> => {
  for (let i = 0; i < rounds; i++) {
    const t = performance.now();
    await post(i % 2 ? 'scenario.list' : 'workspace.info', {});
    cheap.push(performance.now() - t);
  }
};
const heavyRuns = Array.from({ length: heavyClients }, heavyLoop);
await Promise.all(Array.from({ length: clients - heavyClients }, cheapLoop));
stop = true;
await Promise.all(heavyRuns);

const pct = (xs: number[], p: number): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const summary = {
  mode,
  versions: VERSIONS,
  clients,
  cheapCalls: cheap.length,
  cheapP50Ms: Math.round(pct(cheap, 50)),
  cheapP99Ms: Math.round(pct(cheap, 99)),
  heavyCalls: heavy.length,
  heavyMeanMs: Math.round(heavy.reduce((a, b) => a + b, 0) / heavy.length),
};
console.log(JSON.stringify(summary));
agent.destroy();
await server.close();
await close();
rmSync(dir, { recursive: true, force: true });
