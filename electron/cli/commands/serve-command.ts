import { chmodSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { startServicesWorker } from '../../services/host/worker-services';
import { startServer } from '../../server/server';
import { UserError, type Io } from '../output';

/** Where browser mode keeps the workspaces a page names ({ name }) unless --data-dir says otherwise. */
export function defaultDataDir(): string {
  return join(process.env.XDG_DATA_HOME || join(homedir(), '.local', 'share'), 'tessera', 'workspaces');
}

type ServeFlags = { port: number; workspace?: string; dataDir?: string; sessionFile?: string; json?: boolean };

/** Registers `serve`: browser mode. */
export function registerServeCommand(program: Command, io: Io, appRoot: string): void {
  program
    .command('serve')
    .description('browser mode: serve the app and its services on 127.0.0.1; open the printed launch link')
    .option('-p, --port <n>', 'port (0 = any free port)', (v) => Number(v), 5173)
    .option('-w, --workspace <file>', 'workspace file (default: the built-in demo, in memory)')
    .option('--data-dir <dir>', `folder of the workspaces the page creates and opens by name (default: ${defaultDataDir()})`)
    .option('--session-file <file>', 'also write the launch link and session cookie to this file, readable by you only (for test automation)')
    .option('--json', 'print the URLs as JSON')
    .action(async (o: ServeFlags) => {
      if (!Number.isInteger(o.port) || o.port < 0 || o.port > 65535) throw new UserError(`--port must be 0..65535, got ${o.port}`);
      // The services run in a worker thread: a long call (dashboard, compare, report) never stalls other requests.
      let services;
      try {
        services = await startServicesWorker({ options: { mode: 'browser', dataDir: resolve(o.dataDir ?? defaultDataDir()), ...(o.workspace ? { workspace: o.workspace } : {}) } });
      } catch (e) {
        throw new UserError((e as Error).message);
      }
      const ws = await services.ready;
      let running;
      try {
        running = await startServer({ api: services.api, call: services.call, rendererDir: resolve(appRoot, 'out/renderer'), port: o.port });
      } catch (e) {
        await services.close();
        const code = (e as NodeJS.ErrnoException).code;
        throw new UserError(code === 'EADDRINUSE' ? `Port ${o.port} is in use; pass --port N with a free port (or 0).` : (e as Error).message);
      }
      try {
        if (o.sessionFile) {
          const file = resolve(o.sessionFile);
          writeFileSync(file, JSON.stringify({ url: running.url, launchUrl: running.launchUrl, cookie: { name: running.session.cookieName, value: running.session.token } }), { mode: 0o600 });
          chmodSync(file, 0o600);
        }
        if (o.json) io.out(JSON.stringify({ url: running.url, launchUrl: running.launchUrl, port: running.port, workspace: ws.path, name: ws.name }));
        else io.out(`Tessera (browser mode), workspace: ${ws.name}. Open this link once, in your browser:\n  ${running.launchUrl}\nPress Ctrl+C to stop.`);
      } catch (e) {
        // Never keep listening after a failure: the command reports it and exits non-zero.
        await running.close();
        await services.close();
        throw e;
      }
      await new Promise<void>((done) => {
        const stop = (): void => {
          void running
            .close()
            .then(() => services.close())
            .then(done);
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}
