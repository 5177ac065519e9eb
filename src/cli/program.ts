import { Command } from 'commander';
import { readConfig } from '../app/config.js';
import { openRegistry } from '../app/open-registry.js';
import { readWatchlist } from '../store/registry/queries/read-watchlist.js';
import { registerRegistryCommands } from './commands/registry.js';
import { registerScreenCommand } from './commands/screen.js';
import { registerServeCommand } from './commands/serve.js';
import { registerUserCommands } from './commands/user.js';
import { registerLogCommands } from './commands/log.js';
import { registerWitnessCommand } from './commands/witness.js';
import { registerSyncCommand } from './commands/sync.js';

/** The registry's watchlist, for commands that screen. */
async function loadWatchlist() {
  const { store } = await openRegistry(readConfig(process.env).databaseUrl);
  try {
    return await readWatchlist(store.db);
  } finally {
    await store.close();
  }
}

/**
 * The `countersign` command line: every long job and every administrative action.
 *
 * @example
 * await buildProgram().parseAsync(['node', 'countersign', 'registry', 'import', 'more.json']);
 */
export function buildProgram(): Command {
  const program = new Command()
    .name('countersign')
    .description('Countersign: oversight infrastructure for government surveillance technology')
    .version('0.1.0')
    .showHelpAfterError();
  registerServeCommand(program);
  registerUserCommands(program);
  registerRegistryCommands(program);
  registerScreenCommand(program, { loadWatchlist });
  registerSyncCommand(program);
  registerLogCommands(program);
  registerWitnessCommand(program);
  return program;
}
