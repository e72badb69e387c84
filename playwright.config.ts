import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './test/chromium';
import { dataDirPath, sessionFilePath } from './test/e2e/session-paths';

// Browser mode end-to-end tests on Debian's chromium (no Playwright browser download here).
// WebGL renders in software (SwiftShader), so timeouts are generous.
//
// Every spec file gets its own server (its own in-memory demo workspace and data folder) on its own
// port, so specs that save versions or open other workspaces cannot change what another spec sees.
// Each server writes its launch link and session cookie to a --session-file in this run's folder
// (TESSERA_E2E_RUN, inherited by the workers): app.spec opens the launch link like a user, the other
// specs get the cookie through test/e2e/session.ts.
const basePort = Number(process.env.TESSERA_E2E_PORT ?? 5199);
const specs = ['app', 'balance', 'import', 'scenarios', 'rules', 'report', 'editing', 'consultant', 'planner', 'long-calls', 'geography'];
process.env.TESSERA_E2E_RUN ??= mkdtempSync(join(tmpdir(), 'tessera-e2e-'));

export default defineConfig({
  testDir: 'test/e2e',
  timeout: 180_000,
  expect: { timeout: 30_000 },
  workers: 1,
  reporter: [['list']],
  use: {
    viewport: { width: 1400, height: 900 },
    launchOptions: chromiumLaunchOptions,
  },
  projects: [
    ...specs.map((name, i) => ({
      name,
      testMatch: `${name}.spec.ts`,
      use: { baseURL: `http://127.0.0.1:${basePort + i}` },
    })),
    { name: 'electron', testMatch: 'electron.spec.ts' },
  ],
  webServer: specs.map((_, i) => ({
    command: `node bin/tessera.mjs serve --port ${basePort + i} --session-file ${sessionFilePath(basePort + i)} --data-dir ${dataDirPath(basePort + i)}`,
    url: `http://127.0.0.1:${basePort + i}/healthz`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'ignore' as const,
  })),
});
