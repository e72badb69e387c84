import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { createKey, defaultKeysDir, exportPublicKey, KeyError, listOwnKeys, listTrustedKeys, removeKey, setDefaultKey, trustKey } from '../../services/scenarios/share-keys';
import { emit, table, UserError, type Io } from '../output';

const KEYS_DIR_HELP = 'keys folder (default: $TESSERA_KEYS_DIR, else $XDG_CONFIG_HOME/tessera/keys)';

/** Runs a key operation, turning key errors into user errors. */
function run<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof KeyError) throw new UserError(e.message);
    throw e;
  }
}

/** Registers `keys create|list|default|export-public|trust|remove`: Ed25519 keys that sign share files. */
export function registerKeysCommand(program: Command, io: Io): void {
  const keys = program.command('keys').description('signing keys for share files: create, list, export-public, trust, remove');
  const dirOf = (o: { keysDir?: string }): string => resolve(o.keysDir ?? defaultKeysDir());
  keys
    .command('create')
    .description('create an Ed25519 key pair that signs your share files (the first one is the default)')
    .requiredOption('--name <name>', 'your name as clients will see it, e.g. "Jane Consultant"')
    .option('--keys-dir <dir>', KEYS_DIR_HELP)
    .option('--json', 'machine-readable output')
    .action((o: { name: string; keysDir?: string; json?: boolean }) => {
      const k = run(() => createKey(dirOf(o), o.name));
      emit(io, !!o.json, k, () => `Created key "${k.name}", fingerprint ${k.fingerprint}${k.isDefault ? ' (default: signs exports)' : ''}`);
    });
  keys
    .command('list')
    .description('list your keys and the public keys you trust')
    .option('--keys-dir <dir>', KEYS_DIR_HELP)
    .option('--json', 'machine-readable output')
    .action((o: { keysDir?: string; json?: boolean }) => {
      const own = listOwnKeys(dirOf(o));
      const trusted = listTrustedKeys(dirOf(o)).filter((k) => !k.own);
      emit(io, !!o.json, { own, trusted }, () =>
        table(
          ['name', 'kind', 'fingerprint'],
          [...own.map((k) => [k.name, k.isDefault ? 'yours (default)' : 'yours', k.fingerprint]), ...trusted.map((k) => [k.name, 'trusted', k.fingerprint])],
        ),
      );
    });
  keys
    .command('default')
    .description('choose which of your keys signs exports')
    .argument('<name>', 'key name')
    .option('--keys-dir <dir>', KEYS_DIR_HELP)
    .action((name: string, o: { keysDir?: string }) => {
      run(() => setDefaultKey(dirOf(o), name));
      io.out(`Exports are now signed with "${name}".`);
    });
  keys
    .command('export-public')
    .description('write the public half of one of your keys, to send to clients')
    .argument('<name>', 'key name')
    .requiredOption('-o, --out <file>', 'public key file to write')
    .option('--keys-dir <dir>', KEYS_DIR_HELP)
    .action((name: string, o: { out: string; keysDir?: string }) => {
      const k = run(() => exportPublicKey(dirOf(o), name));
      try {
        writeFileSync(o.out, `${JSON.stringify(k, null, 2)}\n`, { flag: 'wx' });
      } catch (e) {
        throw new UserError(`Cannot write ${o.out}: ${(e as NodeJS.ErrnoException).code === 'EEXIST' ? 'it already exists; choose another name' : (e as Error).message}.`);
      }
      io.out(`Wrote the public key of "${k.name}" to ${o.out}`);
    });
  keys
    .command('trust')
    .description("trust a consultant's public key file (check its fingerprint with them first)")
    .argument('<file>', 'public key file from `tessera keys export-public`')
    .option('--keys-dir <dir>', KEYS_DIR_HELP)
    .option('--json', 'machine-readable output')
    .action((file: string, o: { keysDir?: string; json?: boolean }) => {
      const k = run(() => trustKey(dirOf(o), file));
      emit(io, !!o.json, k, () => `Trusted "${k.name}", key fingerprint ${k.fingerprint}`);
    });
  keys
    .command('remove')
    .description('remove one of your keys or a trusted public key')
    .argument('<name>', 'key name')
    .option('--keys-dir <dir>', KEYS_DIR_HELP)
    .action((name: string, o: { keysDir?: string }) => {
      const kind = run(() => removeKey(dirOf(o), name));
      io.out(kind === 'own' ? `Removed your key "${name}"; files it signed still verify, but you can no longer sign with it.` : `No longer trusting "${name}".`);
    });
  keys.commands.forEach((c) => c.exitOverride().configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) }));
}
