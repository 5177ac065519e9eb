import type { Writable } from 'node:stream';
import { Option, type Command } from 'commander';
import type { Watchlist } from '../../procurement/matching/types.js';
import type { WatchedTransaction } from '../../procurement/csv/row-screener.js';
import type { ScreenedTransaction } from '../../procurement/screening/screen-transaction.js';
import type { TextHttpClient } from '../../procurement/fpds/follow-fpds-feed.js';
import { runScreen } from '../../procurement/screening/run-screen.js';
import { DEFAULT_MAX_FEED_PAGES } from '../../procurement/screening/screen-document-files.js';

export interface ScreenCommandDeps {
  /** The watchlist compiled from the registry, used unless `--watchlist FILE` is given. */
  readonly loadWatchlist: () => Promise<Watchlist>;
  /** Transactions matched before (`--save`), so their deletion in a delta file is reported. */
  readonly loadWatched?: () => Promise<readonly WatchedTransaction[]>;
  /** Records the matches (`--save`): registry records, alerts, review queue. Returns a summary line. */
  readonly save?: (matches: readonly ScreenedTransaction[], watchlist: Watchlist) => Promise<string>;
  /** Fetches FPDS feed pages (a URL among the inputs); default global fetch. */
  readonly feedClient?: TextHttpClient;
  /** Where output goes; default the process's own streams. */
  readonly stdout?: Writable;
  readonly stderr?: Writable & { isTTY?: boolean; columns?: number };
}

function positiveInteger(value: string): number {
  const number = Number.parseInt(value, 10);
  if (!Number.isInteger(number) || number < 1) throw new Error(`not a positive integer: ${value}`);
  return number;
}

/**
 * Adds `countersign screen FILE…`: screens USAspending contract transaction CSVs (plain or zipped)
 * against the watchlist and prints the matches, as a table or as NDJSON with `--json`. Exits 0
 * even when nothing matches.
 *
 * @example
 * registerScreenCommand(program, { loadWatchlist: () => compileWatchlist(registry) });
 * // countersign screen --json FY2025_All_Contracts_Full_1.csv
 */
export function registerScreenCommand(program: Command, deps: ScreenCommandDeps): Command {
  return program
    .command('screen')
    .description('screen USAspending contract transaction files (.csv or .zip), FPDS ATOM feeds (.xml files or https:// feed URLs, next pages followed) or saved USAspending API answers (.json) against the watchlist')
    .argument('<files...>', 'USAspending "Contracts Prime Transactions" CSV files or zip archives, FPDS ATOM feeds (files or URLs), spending_by_transaction JSON')
    .option('--json', 'print NDJSON, one line per match')
    .option('--watchlist <file>', 'a serialised watchlist (JSON) instead of the registry')
    .option('--include-review', 'also print review items (weak matches an analyst should look at)')
    .option('--save', 'record matches in the registry and raise alerts; weak matches go to the review queue (screening the same file twice changes nothing)')
    .option('--workers <n>', 'scan threads', positiveInteger, 2)
    .option('--chunk-mb <n>', 'megabytes per chunk handed to a scan thread', positiveInteger, 16)
    .option('--max-pages <n>', 'pages read from each FPDS feed URL at most (ten entries a page)', positiveInteger, DEFAULT_MAX_FEED_PAGES)
    .addOption(new Option('--matcher-module <url>', 'module exporting createRecipientMatcher').hideHelp())
    .action(async (files: string[], options: { json?: boolean; watchlist?: string; includeReview?: boolean; save?: boolean; workers: number; chunkMb: number; maxPages: number; matcherModule?: string }) => {
      const file = options.watchlist;
      const save = options.save === true ? deps.save : undefined;
      if (options.save === true && (save === undefined || file !== undefined)) throw new Error("--save records matches against the registry's own watchlist; leave out --watchlist");
      const matches: ScreenedTransaction[] = [];
      const watched = save && deps.loadWatched ? await deps.loadWatched() : undefined;
      // Not awaited here: the scan threads start while the watchlist loads.
      const watchlist =
        file === undefined
          ? deps.loadWatchlist()
          : import('../../procurement/screening/load-watchlist-file.js').then(({ loadWatchlistFile }) => loadWatchlistFile(file));
      await runScreen({
        files,
        watchlist,
        json: options.json === true,
        includeReview: options.includeReview === true,
        workers: options.workers,
        chunkBytes: options.chunkMb * 1024 * 1024,
        maxFeedPages: options.maxPages,
        ...(deps.feedClient === undefined ? {} : { feedClient: deps.feedClient }),
        ...(options.matcherModule === undefined ? {} : { matcherModule: options.matcherModule }),
        stdout: deps.stdout ?? process.stdout,
        stderr: deps.stderr ?? process.stderr,
        ...(save ? { onScreened: (screened: ScreenedTransaction) => matches.push(screened) } : {}),
        ...(watched ? { watched } : {}),
      });
      if (save) (deps.stderr ?? process.stderr).write(`${await save(matches, await watchlist)}\n`);
    });
}
