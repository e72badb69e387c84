import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallStatus } from '../../shared/contracts/api/call-api';
import type { Result } from '../../shared/contracts/result';
import { CALL_KEY_HEADER } from '../../shared/contracts/transport';
import { startServicesWorker } from '../../electron/services/host/worker-services';
import type { ServicesClient } from '../../electron/services/host/services-client';
import { startServer, type RunningServer } from '../../electron/server/server';
import { api as post } from './helpers/test-server';

// The built-in demo (two scenarios over ~3,000 counties): a compare lasts long enough (hundreds of ms per
// scenario) to be cancelled while it runs. The tests wait on the call's reported state, never on time.
let services: ServicesClient;
let server: RunningServer;
let dir: string;
let headers: Record<string, string>;
let both: { scenario: number }[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tessera-cancel-'));
  mkdirSync(join(dir, 'r'));
  writeFileSync(join(dir, 'r', 'index.html'), '<html></html>');
  services = await startServicesWorker({ options: { mode: 'browser', dataDir: join(dir, 'data') } });
  server = await startServer({ api: services.api, call: services.call, rendererDir: join(dir, 'r'), port: 0 });
  headers = { host: `127.0.0.1:${server.port}`, origin: `http://127.0.0.1:${server.port}`, cookie: `${server.session.cookieName}=${server.session.token}`, 'content-type': 'application/json' };
  both = (await services.api['scenario.list']({})).map((s) => ({ scenario: s.id }));
}, 60_000);

afterAll(async () => {
  await server?.close();
  await services?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Asks for the call's status until it is running (the host answers between the call's steps). */
async function untilRunning(status: () => Promise<Result<CallStatus, 'not-found'>>): Promise<CallStatus> {
  for (;;) {
    const s = await status();
    if (s.ok && s.value.state !== 'waiting') return s.value;
  }
}

describe('long calls report progress and can be cancelled while they run', () => {
  it('services host: a compare cancelled while it runs answers the cancelled value, and the next call works', async () => {
    const key = 'host-compare-1';
    const running = services.call('compare.scenarios', { scenarios: both }, undefined, key);
    const seen = await untilRunning(() => services.api['call.status']({ key }));
    expect(seen).toMatchObject({ method: 'compare.scenarios', state: 'running', total: 3 });
    expect(seen.step).toMatch(/^Comparing .+ \(\d of 2\)$/);
    expect(await services.api['call.cancel']({ key })).toMatchObject({ ok: true });
    expect(await running).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(await services.api['call.status']({ key })).toMatchObject({ ok: true, value: { state: 'cancelled' } });

    const again = (await services.call('compare.scenarios', { scenarios: both }, undefined, 'host-compare-2')) as Result<{ scenarios: unknown[] }>;
    expect(again.ok && again.value.scenarios.length).toBe(2);
    expect(await services.api['call.status']({ key: 'host-compare-2' })).toMatchObject({ ok: true, value: { state: 'done', done: 3, total: 3 } });
  }, 60_000);

  it('browser mode over HTTP: the x-tessera-call header names the call, call.status and call.cancel reach it', async () => {
    const key = 'http-compare-1';
    const running = post(server.port, 'compare.scenarios', { scenarios: both }, { ...headers, [CALL_KEY_HEADER]: key });
    const status = async (): Promise<Result<CallStatus, 'not-found'>> => {
      const r = await post(server.port, 'call.status', { key }, headers);
      expect(r.status).toBe(200);
      // A status asked before the compare request reached the services is not found yet: ask again.
      return r.body.result as Result<CallStatus, 'not-found'>;
    };
    expect(await untilRunning(status)).toMatchObject({ state: 'running' });
    expect((await post(server.port, 'call.cancel', { key }, headers)).body.result).toMatchObject({ ok: true });
    const reply = await running;
    expect(reply.status).toBe(200);
    expect(reply.body.result).toMatchObject({ ok: false, error: { code: 'cancelled' } });

    const next = await post(server.port, 'dashboard.get', { scenario: both[0]!.scenario }, { ...headers, [CALL_KEY_HEADER]: 'http-dashboard-1' });
    expect(next.body.result).toMatchObject({ ok: true });
    const bad = await post(server.port, 'dashboard.get', { scenario: both[0]!.scenario }, { ...headers, [CALL_KEY_HEADER]: 'no good' });
    expect(bad.status).toBe(400);
    expect(bad.body.error?.message).toMatch(/x-tessera-call/);
  }, 60_000);

  it('an export reports its step and, cancelled, downloads nothing; uncancelled it gives the file', async () => {
    const key = 'host-export-1';
    const running = services.call('export.run', { scenario: both[0]!.scenario, format: 'geojson' }, undefined, key);
    const seen = await untilRunning(() => services.api['call.status']({ key }));
    expect(seen).toMatchObject({ method: 'export.run', total: 2 });
    expect(seen.step).toMatch(/^(Writing .+|Preparing the download)$/);
    expect(await services.api['call.cancel']({ key })).toMatchObject({ ok: true });
    const r = (await running) as Result<{ content: string | null }>;
    // Cancelled at a step boundary: the cancelled value and no content; a call that had already ended keeps its file.
    if (!r.ok) expect(r.error.code).toBe('cancelled');
    const done = (await services.call('export.run', { scenario: both[0]!.scenario, format: 'geojson' }, undefined, 'host-export-2')) as Result<{ content: string | null }>;
    expect(done.ok && (done.value.content?.length ?? 0) > 1000).toBe(true);
  }, 60_000);
});
