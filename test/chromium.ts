import { locateChromium } from '../scripts/setup.mjs';

// Launch options for a system Chromium with software WebGL (SwiftShader), shared by the e2e and bench configs.
// Which Chromium: CHROMIUM_PATH, the system's Chromium or Chrome, else Playwright's own (scripts/launch-plan.mjs);
// `npm test` says what to install when there is none. The network flags keep Chromium from calling home.
const found = locateChromium();

export const chromiumLaunchOptions = {
  ...(found ? { executablePath: found.path } : {}),
  args: [
    '--no-sandbox',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--use-angle=swiftshader',
    '--enable-unsafe-swiftshader',
  ],
};
