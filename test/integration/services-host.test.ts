import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BadCallError } from '../../electron/services/dispatch';
import { CancelledCallError } from '../../electron/services/host/services-client';
import { startServicesWorker } from '../../electron/services/host/worker-services';
import { startServer } from '../../electron/server/server';
import { fillDataset, Workspace } from '../../electron/services/workspace';
import { tinyDataset, tinyPayload } from '../fixtures/tiny-dataset';
import { useTempDir } from '../fixtures/temp';
import { api as post } from './helpers/test-server';

const tempDir = useTempDir();

function workspaceFile(): string {
  const file = join(tempDir(), 'w.tessera');
  Workspace.createWith(file, (db) => fillDataset(db, tinyDataset(), [{ name: 'P', description: '', payload: tinyPayload() }], 't', 'n')).close();
  return file;
}

describe('services in a worker thread (the protocol the desktop services process speaks too)', () => {
  it('answers calls, rejects invalid ones as bad calls and closes the workspace', async () => {
    const file = workspaceFile();
    const services = await startServicesWorker({ options: { mode: 'browser', workspace: file } });
    try {
      expect((await services.ready).name).toBe('w.tessera');
      const list = await services.api['scenario.list']({});
      expect(list.map((s) => s.name)).toEqual(['P']);
      await expect(services.api['scenario.get']({ scenario: {} } as never)).rejects.toBeInstanceOf(BadCallError);
    } finally {
      await services.close();
    }
    // The worker released the workspace's lock: the file opens for writing again.
    Workspace.open(file).close();
  });

  it('says why the services could not start', async () => {
    await expect(startServicesWorker({ options: { mode: 'browser', workspace: join(tempDir(), 'missing.tessera') } })).rejects.toThrow(/missing\.tessera/);
  });

  // The worker thread runs beside this one: now and then it takes the first call before the other two are posted and
  // starts it at once (nothing waits then), so the order is only decided when all three wait together. A broken
  // queue fails every attempt.
  it('runs quick calls that wait before long ones queued ahead of them', { retry: 3 }, async () => {
    const services = await startServicesWorker({ options: { mode: 'browser', workspace: workspaceFile() } });
    try {
      const order: string[] = [];
      const track = <T>(name: string, p: Promise<T>): Promise<T> => p.then((v) => (order.push(name), v));
      await Promise.all([
        track('dashboard', services.api['dashboard.get']({ scenario: 'P', version: 1 })),
        track('kpis', services.api['kpi.territories']({ scenario: 'P', version: 1 })),
        track('list', services.api['scenario.list']({})),
      ]);
      expect(order[0]).toBe('list');
    } finally {
      await services.close();
    }
  });

  // The same race as above: on a loaded machine the worker may finish the first call and start the second before the
  // cancel message reaches it (then nothing was waiting to drop). A queue that never drops fails every attempt.
  it('drops a call cancelled while it waits for its turn, and still runs the others', { retry: 3 }, async () => {
    const services = await startServicesWorker({ options: { mode: 'browser', workspace: workspaceFile() } });
    try {
      const abort = new AbortController();
      const first = services.call('dashboard.get', { scenario: 'P', version: 1 });
      const second = services.call('kpi.territories', { scenario: 'P', version: 1 }, abort.signal);
      abort.abort();
      await expect(second).rejects.toBeInstanceOf(CancelledCallError);
      await expect(first).resolves.toMatchObject({ ok: true });
      await expect(services.call('kpi.territories', { scenario: 'P', version: 1 })).resolves.toMatchObject({ ok: true });
    } finally {
      await services.close();
    }
  });

  it('serves browser mode with the same HTTP answers: 200, 400 for a bad call, 401 without a session', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'r'));
    writeFileSync(join(dir, 'r', 'index.html'), '<html></html>');
    const services = await startServicesWorker({ options: { mode: 'browser', workspace: workspaceFile(), dataDir: join(dir, 'data') } });
    const server = await startServer({ api: services.api, call: services.call, rendererDir: join(dir, 'r'), port: 0 });
    try {
      const good = { host: `127.0.0.1:${server.port}`, origin: `http://127.0.0.1:${server.port}`, cookie: `${server.session.cookieName}=${server.session.token}`, 'content-type': 'application/json' };
      const ok = await post(server.port, 'kpi.territories', { scenario: 'P', version: 1 }, good);
      expect(ok.status).toBe(200);
      expect((ok.body.result as { value: { rows: { name: string }[] } }).value.rows.map((r) => r.name)).toEqual(['West', 'East']);
      const bad = await post(server.port, 'scenario.get', { scenario: {} }, good);
      expect(bad.status).toBe(400);
      expect(bad.body.error?.code).toBe('bad-call');
      expect((await post(server.port, 'scenario.list', {}, { ...good, cookie: '' })).status).toBe(401);
    } finally {
      await server.close();
      await services.close();
    }
  });
});
