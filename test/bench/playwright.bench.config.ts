import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from '../chromium';

// Rendering bench (not part of `npm test`): synthetic 1M accounts / 33k units on renderer/bench.html.
// Run: npm run build && npx playwright test -c test/bench/playwright.bench.config.ts
// Software WebGL (SwiftShader) as in the e2e config, so the figures are relative, not GPU frame times.
const port = Number(process.env.TESSERA_BENCH_PORT ?? 5901);

export default defineConfig({
  testDir: '.',
  testMatch: 'render-bench.spec.ts',
  timeout: 900_000,
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1400, height: 900 },
    launchOptions: chromiumLaunchOptions,
  },
  webServer: {
    command: `node bin/tessera.mjs serve --port ${port}`,
    cwd: '../..',
    url: `http://127.0.0.1:${port}/healthz`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'ignore',
  },
});
