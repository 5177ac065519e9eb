import { Command } from 'commander';
import { readConfig } from '../app/config.js';
import { openRegistry } from '../app/open-registry.js';
import { readWatchlist } from '../store/registry/queries/read-watchlist.js';
import { SYSTEM } from '../accounts/actor.js';
import { recordScreenedTransactions } from '../procurement/alerts/record-screened-transactions.js';
import type { Watchlist } from '../procurement/matching/types.js';
import type { ScreenedTransaction } from '../procurement/screening/screen-transaction.js';
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

/** Records a screening run's matches: registry records and alerts, review items queued. */
async function saveMatches(matches: readonly ScreenedTransaction[], watchlist: Watchlist): Promise<string> {
  const { store } = await openRegistry(readConfig(process.env).databaseUrl);
  try {
    const summary = await store.transaction((tx) => recordScreenedTransactions({ ctx: { actor: SYSTEM, now: new Date() }, screened: matches, watchlistVersion: watchlist.version }, tx));
    return `Saved: ${summary.raised} alerts raised, ${summary.queued} queued for review, ${summary.unchanged} already known.`;
  } finally {
    await store.close();
  }
}

/** Transactions matched before, so a delta file's deletion of one is reported. */
async function loadWatched() {
  const { store } = await openRegistry(readConfig(process.env).databaseUrl);
  try {
    const rows = await store.db.selectFrom('alerts').select(['transactionKey', 'organizationId', 'organizationName']).where('status', 'in', ['raised', 'confirmed']).execute();
    return rows;
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
  registerScreenCommand(program, { loadWatchlist, loadWatched, save: saveMatches });
  registerSyncCommand(program);
  registerLogCommands(program);
  registerWitnessCommand(program);
  return program;
}
