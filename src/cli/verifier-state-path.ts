import { join } from 'node:path';

/**
 * Where `countersign log verify URL` remembers the last checkpoint it verified of that log when
 * no `--state` is given: a file per log under the data directory (beside the database and the
 * log key), never the working directory — and one per URL, because one state file shared by two
 * logs would report the second as a rollback of the first.
 *
 * @example
 * verifierStatePath('https://countersign.example/log'); // 'data/verified-logs/countersign.example-log.json'
 */
export function verifierStatePath(logPrefix: string, dataDirectory = 'data'): string {
  const url = new URL(logPrefix);
  const name = `${url.host}${url.pathname}`.toLowerCase().replace(/[^a-z0-9.]+/g, '-').replace(/^-+|-+$/g, '');
  return join(dataDirectory, 'verified-logs', `${name || 'log'}.json`);
}
