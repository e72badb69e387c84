import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from '../chromium';
import { sessionFilePath } from '../e2e/session-paths';

// The server writes its session cookie to a --session-file in this run's folder; the specs use test/e2e/session.ts.
process.env.TESSERA_E2E_RUN ??= mkdtempSync(join(tmpdir(), 'tessera-bench-'));

/**
 * A bench's Playwright config (not part of `npm test`): one spec, one worker, software WebGL (SwiftShader) as in
 * the e2e config, and a browser-mode server started with `serveArgs` on `port`.
 */
export function benchConfig(spec: string, port: number, serveArgs = '') {
  return defineConfig({
    testDir: '.',
    testMatch: spec,
    timeout: 900_000,
    workers: 1,
    reporter: [['list']],
    use: {
      baseURL: `http://127.0.0.1:${port}`,
      viewport: { width: 1400, height: 900 },
      launchOptions: chromiumLaunchOptions,
    },
    webServer: {
      command: `node bin/tessera.mjs serve --port ${port} --session-file ${sessionFilePath(port)}${serveArgs}`,
      cwd: '../..',
      url: `http://127.0.0.1:${port}/healthz`,
      timeout: 180_000,
      reuseExistingServer: false,
      stdout: 'ignore',
    },
  });
}
