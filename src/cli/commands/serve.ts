import { serve } from '@hono/node-server';
import type { Command } from 'commander';
import { readConfig } from '../../app/config.js';
import { openRegistry } from '../../app/open-registry.js';
import { createCountersignApp } from '../../app/create-countersign-app.js';

/**
 * Adds `countersign serve`: opens (and on first start creates, migrates and loads) the database,
 * then serves the portal and API on HOST:PORT until interrupted.
 */
export function registerServeCommand(program: Command): Command {
  return program
    .command('serve')
    .description('serve the portal and API (PORT, HOST, DATABASE_URL from the environment)')
    .action(async () => {
      const config = readConfig(process.env);
      const { store, loaded } = await openRegistry(config.databaseUrl);
      if (loaded) console.error(`countersign: new database ${store.description}: loaded the bundled dataset (${loaded.written} records)`);
      const app = createCountersignApp({ store });
      const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
        console.error(`countersign: serving http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${info.port} on ${store.description}`);
      });
      const stop = (): void => {
        server.close();
        void store.close().then(() => process.exit(0));
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
