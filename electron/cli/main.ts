import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError } from 'commander';
import { KpiRangeError } from '../../shared/domain/kpi/territory-kpis';
import { APP_VERSION } from '../services/app-services';
import { registerBalanceCommand } from './commands/balance-command';
import { registerImportCommand } from './commands/import-command';
import { registerKeysCommand } from './commands/keys-command';
import { registerRouteCommands } from './commands/route-command';
import { registerScenarioCommands } from './commands/scenario-commands';
import { registerServeCommand } from './commands/serve-command';
import { registerWorkspaceCommands } from './commands/workspace-commands';
import { processIo, UserError, type Io } from './output';

/** Repository / install root (where out/renderer lives). */
export const APP_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Exit codes: 0 success, 1 user error, 2 bad usage. */
export const EXIT = { ok: 0, user: 1, usage: 2 } as const;

/** Builds the `tessera` program; each command is registered by its module. */
export function buildProgram(io: Io): Command {
  const program = new Command('tessera')
    .description('Tessera: offline sales territory design and scenario modeling')
    .version(APP_VERSION)
    // Program options only before the command name, so `export --version 2` (a scenario version) reaches the command.
    .enablePositionalOptions()
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) })
    .exitOverride();
  registerWorkspaceCommands(program, io);
  registerServeCommand(program, io, APP_ROOT);
  registerScenarioCommands(program, io);
  registerImportCommand(program, io);
  registerBalanceCommand(program, io);
  registerRouteCommands(program, io);
  registerKeysCommand(program, io);
  for (const c of program.commands) c.exitOverride().configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });
  return program;
}

/** Runs the CLI and returns the exit code (never calls process.exit itself). */
export async function runCli(argv: string[], io: Io = processIo): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return EXIT.ok;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return EXIT.ok;
      return EXIT.usage;
    }
    if (e instanceof UserError || e instanceof KpiRangeError) {
      io.err(`tessera: ${e.message}`);
      return EXIT.user;
    }
    io.err(`tessera: internal error: ${(e as Error).stack ?? String(e)}`);
    return EXIT.user;
  }
}
