import { Command } from 'commander';
import type { Watchlist } from '../procurement/matching/types.js';
import type { WatchedTransaction } from '../procurement/csv/row-screener.js';
import type { ScreenedTransaction } from '../procurement/screening/screen-transaction.js';

/** Opens the registry the environment names (imported on demand: see `COMMANDS`). */
async function openConfiguredRegistry() {
  const [{ readConfig }, { openRegistry }] = await Promise.all([import('../app/config.js'), import('../app/open-registry.js')]);
  return (await openRegistry(readConfig(process.env).databaseUrl)).store;
}

/** The registry's watchlist, for commands that screen. */
async function loadWatchlist(): Promise<Watchlist> {
  const store = await openConfiguredRegistry();
  try {
    const { readWatchlist } = await import('../store/registry/queries/read-watchlist.js');
    return await readWatchlist(store.db);
  } finally {
    await store.close();
  }
}

/** Records a screening run's matches: registry records and alerts, review items queued. */
async function saveMatches(matches: readonly ScreenedTransaction[], watchlist: Watchlist): Promise<string> {
  const store = await openConfiguredRegistry();
  try {
    const [{ SYSTEM }, { recordScreenedTransactions }] = await Promise.all([import('../accounts/actor.js'), import('../procurement/alerts/record-screened-transactions.js')]);
    const summary = await store.transaction((tx) => recordScreenedTransactions({ ctx: { actor: SYSTEM, now: new Date() }, screened: matches, watchlistVersion: watchlist.version }, tx));
    return (await import('./summary-lines.js')).savedLine(summary);
  } finally {
    await store.close();
  }
}

/** Transactions matched before, so a delta file's deletion of one is reported. */
async function loadWatched(): Promise<readonly WatchedTransaction[]> {
  const store = await openConfiguredRegistry();
  try {
    const rows = await store.db.selectFrom('alerts').select(['transactionKey', 'organizationId', 'organizationName']).where('status', 'in', ['raised', 'confirmed']).execute();
    return rows.flatMap((r) => (r.organizationId !== null && r.organizationName !== null ? [{ transactionKey: r.transactionKey, organizationId: r.organizationId, organizationName: r.organizationName }] : []));
  } finally {
    await store.close();
  }
}

/**
 * Each command's module, loaded only when that command runs: `countersign screen` should not pay
 * for loading the web server and the database drivers before it starts scanning (about half a
 * second, a quarter of a 2 GB screen).
 */
const COMMANDS: Record<string, () => Promise<(program: Command) => void>> = {
  serve: async () => (await import('./commands/serve.js')).registerServeCommand,
  user: async () => (await import('./commands/user.js')).registerUserCommands,
  registry: async () => (await import('./commands/registry.js')).registerRegistryCommands,
  screen: async () => {
    const { registerScreenCommand } = await import('./commands/screen.js');
    return (program) => registerScreenCommand(program, { loadWatchlist, loadWatched, save: saveMatches });
  },
  sync: async () => (await import('./commands/sync.js')).registerSyncCommand,
  log: async () => (await import('./commands/log.js')).registerLogCommands,
  witness: async () => (await import('./commands/witness.js')).registerWitnessCommand,
  tick: async () => (await import('./commands/tick.js')).registerTickCommand,
  exposure: async () => (await import('./commands/exposure.js')).registerExposureCommand,
  oversight: async () => (await import('./commands/oversight.js')).registerOversightCommands,
  backup: async () => (await import('./commands/backup.js')).registerBackupCommand,
  restore: async () => (await import('./commands/backup.js')).registerRestoreCommand,
};

/**
 * The `countersign` command line: every long job and every administrative action. Only the
 * command named in `argv` is loaded; with none (or `--help`) all are, for the help text.
 *
 * @example
 * await (await buildProgram(['node', 'countersign', 'registry', 'import', 'more.json'])).parseAsync(argv);
 */
export async function buildProgram(argv: readonly string[] = process.argv): Promise<Command> {
  const program = new Command()
    .name('countersign')
    .description('Countersign: oversight infrastructure for government surveillance technology')
    .version('0.1.0')
    .showHelpAfterError();
  const named = argv[2];
  const names = named !== undefined && named in COMMANDS ? [named] : Object.keys(COMMANDS);
  for (const name of names) {
    const load = COMMANDS[name];
    if (load) (await load())(program);
  }
  return program;
}
