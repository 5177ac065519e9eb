import type { Command } from 'commander';
import { SYSTEM } from '../../accounts/actor.js';
import { readConfig } from '../../app/config.js';
import { openRegistry } from '../../app/open-registry.js';
import { recordScreenedTransactions } from '../../procurement/alerts/record-screened-transactions.js';
import { createRecipientMatcher } from '../../procurement/matching/recipient-matcher.js';
import { formatMatchTable } from '../../procurement/screening/format-screen-output.js';
import { screenTransaction, type ScreenedTransaction } from '../../procurement/screening/screen-transaction.js';
import { toScreeningRecord } from '../../procurement/screening/screening-record.js';
import { createFetchHttpClient } from '../../procurement/usaspending-api/json-http-client.js';
import { USASPENDING_API, syncUsaspending } from '../../procurement/usaspending-api/sync-usaspending.js';
import { readWatchlist } from '../../store/registry/queries/read-watchlist.js';
import { countNoun } from '../../core/count-noun.js';
import { savedLine } from '../summary-lines.js';

const isoDate = (value: string): string => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) throw new Error(`not a date (YYYY-MM-DD): ${value}`);
  return value;
};

/**
 * Adds `countersign sync usaspending --since DATE`: asks the USAspending API for contract
 * transactions modified since a date, one search per watchlist name and UEI, screens each with the
 * recipient matcher, prints the matches, and with `--save` records them (alerts, review queue)
 * like `screen --save`. Saving the same window twice changes nothing.
 */
export function registerSyncCommand(program: Command): Command {
  const sync = program.command('sync').description('fetch procurement data from its public APIs and screen it');
  sync
    .command('usaspending')
    .description('screen USAspending contract transactions modified since a date (one API search per watchlist name and UEI)')
    .requiredOption('--since <date>', 'first last-modified day, YYYY-MM-DD', isoDate)
    .option('--until <date>', 'last last-modified day, YYYY-MM-DD (default today)', isoDate)
    .option('--json', 'print NDJSON, one line per match')
    .option('--save', 'record matches in the registry and raise alerts; weak matches go to the review queue')
    .option('--include-review', 'also print review items')
    .option('--base-url <url>', 'the API (a mirror, or a stub in tests)', USASPENDING_API)
    .option('--page-size <n>', 'results per request (1-100)', (v: string) => Math.min(100, Math.max(1, Number.parseInt(v, 10) || 100)), 100)
    .action(async (options: { since: string; until?: string; json?: boolean; save?: boolean; includeReview?: boolean; baseUrl: string; pageSize: number }) => {
      const { store } = await openRegistry(readConfig(process.env).databaseUrl);
      try {
        const watchlist = await readWatchlist(store.db);
        const matcher = createRecipientMatcher(watchlist);
        const matches: ScreenedTransaction[] = [];
        let seen = 0;
        const client = createFetchHttpClient({ timeoutMs: 30_000 });
        for await (const transaction of syncUsaspending({ since: options.since, ...(options.until ? { until: options.until } : {}), watchlist, client, baseUrl: options.baseUrl, pageSize: options.pageSize })) {
          seen += 1;
          const screened = screenTransaction(transaction, matcher);
          if (screened) matches.push(screened);
        }
        const shown = matches.filter((m) => options.includeReview || m.match.decision === 'alert').map(toScreeningRecord);
        if (options.json) for (const record of shown) process.stdout.write(`${JSON.stringify(record)}\n`);
        else process.stdout.write(formatMatchTable(shown));
        const alerts = matches.filter((m) => m.match.decision === 'alert').length;
        process.stderr.write(`Fetched ${countNoun(seen, 'transaction')} modified ${options.since} to ${options.until ?? 'today'}; ${countNoun(alerts, 'alert')}, ${countNoun(matches.length - alerts, 'review item')}.\n`);
        if (options.save) {
          const summary = await store.transaction((tx) => recordScreenedTransactions({ ctx: { actor: SYSTEM, now: new Date() }, screened: matches, watchlistVersion: watchlist.version }, tx));
          process.stderr.write(`${savedLine(summary)}\n`);
        }
      } finally {
        await store.close();
      }
    });
  return sync;
}
