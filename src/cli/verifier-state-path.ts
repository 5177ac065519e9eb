import { dirname, join } from 'node:path';

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

/**
 * The instance's data directory as its configuration says: where the log's key lives
 * (`COUNTERSIGN_LOG_KEY_FILE`), else where the SQLite database lives (`DATABASE_URL`), else `data`.
 *
 * @example
 * dataDirectoryOf({ DATABASE_URL: 'sqlite:/var/lib/countersign/countersign.db' }); // '/var/lib/countersign'
 */
export function dataDirectoryOf(env: Readonly<Record<string, string | undefined>>): string {
  const keyFile = env['COUNTERSIGN_LOG_KEY_FILE'];
  if (keyFile) return dirname(keyFile);
  const database = env['DATABASE_URL'];
  if (database?.startsWith('sqlite:') && !database.includes(':memory:')) {
    const path = database.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (path !== '') return dirname(path);
  }
  return 'data';
}
