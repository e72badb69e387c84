#!/usr/bin/env node
// The `tessera` command. Runs the TypeScript CLI through tsx's loader so the CLI, the server and the
// tests all execute the very same service modules without a separate build step.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../electron/cli/main.ts');
process.exitCode = await runCli(process.argv.slice(2));
