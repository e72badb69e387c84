import { benchConfig } from './bench-config';

// Rendering bench (not part of `npm test`): synthetic 1M accounts / 33k units on renderer/bench.html.
// Run: npm run build && npx playwright test -c test/bench/playwright.bench.config.ts
// Software WebGL (SwiftShader) as in the e2e config, so the figures are relative, not GPU frame times.
export default benchConfig('render-bench.spec.ts', Number(process.env.TESSERA_BENCH_PORT ?? 5901));
