#!/usr/bin/env node
// `npm test` runs this first (npm's pretest): dependencies installed, a Chromium for the end-to-end tests found.
import { noChromiumHelp } from './launch-plan.mjs';
import { ensureDependencies, locateChromium } from './setup.mjs';

if (!ensureDependencies()) process.exit(1);
const chromium = locateChromium();
if (!chromium) {
  console.error(noChromiumHelp(process.platform));
  process.exit(1);
}
console.log(`Tessera: end-to-end tests use ${chromium.path} (${chromium.source}).`);
