import { resolve } from 'node:path';
import type { Command } from 'commander';
import { WorkspaceFileError } from '../../db/connection';
import { createServices } from '../../services/app-services';
import { startServer } from '../../server/server';
import { UserError, type Io } from '../output';

/** Registers `serve`: browser mode. */
export function registerServeCommand(program: Command, io: Io, appRoot: string): void {
  program
    .command('serve')
    .description('browser mode: serve the app and its services on 127.0.0.1')
    .option('-p, --port <n>', 'port (0 = any free port)', (v) => Number(v), 5173)
    .option('-w, --workspace <file>', 'workspace file (default: the built-in demo, in memory)')
    .option('--json', 'print the URL as JSON')
    .action(async (o: { port: number; workspace?: string; json?: boolean }) => {
      if (!Number.isInteger(o.port) || o.port < 0 || o.port > 65535) throw new UserError(`--port must be 0..65535, got ${o.port}`);
      let services;
      try {
        services = createServices({ mode: 'browser', ...(o.workspace ? { workspace: o.workspace } : {}) });
      } catch (e) {
        if (e instanceof WorkspaceFileError) throw new UserError(e.message);
        throw e;
      }
      let running;
      try {
        running = await startServer({ api: services.api, rendererDir: resolve(appRoot, 'out/renderer'), port: o.port });
      } catch (e) {
        services.close();
        const code = (e as NodeJS.ErrnoException).code;
        throw new UserError(code === 'EADDRINUSE' ? `Port ${o.port} is in use; pass --port N with a free port (or 0).` : (e as Error).message);
      }
      try {
        const ws = services.workspace().info();
        if (o.json) io.out(JSON.stringify({ url: running.url, port: running.port, workspace: ws.path, name: ws.name }));
        else io.out(`Tessera (browser mode) on ${running.url}  — workspace: ${ws.name}. Press Ctrl+C to stop.`);
      } catch (e) {
        // Never keep listening after a failure: the command reports it and exits non-zero.
        await running.close();
        services.close();
        throw e;
      }
      await new Promise<void>((done) => {
        const stop = (): void => {
          void running.close().then(() => {
            services.close();
            done();
          });
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}
