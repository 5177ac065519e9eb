import { serve } from '@hono/node-server';
import type { Command } from 'commander';
import { readConfig } from '../../app/config.js';
import { createCountersignApp } from '../../app/create-countersign-app.js';
import { loadOrCreateLogKey } from '../../app/log-signing-key.js';
import { openLedger } from '../../app/open-ledger.js';
import { openRegistry } from '../../app/open-registry.js';
import { parseWitnesses } from '../../app/parse-witnesses.js';
import { startTicking } from '../../app/tick.js';
import { countNoun } from '../../core/count-noun.js';
import { servingAddress } from '../serving-address.js';
import { serverSettingsFromConfig } from '../../app/server-settings-from-config.js';
import { requiredLogOrigin } from '../../store/backup/log-restore-table.js';

/**
 * Adds `countersign serve`: opens (and on first start creates, migrates and loads) the database,
 * starts the transparency log's sequencer (creating its signing key on first start), then serves
 * the portal, API and log on HOST:PORT until interrupted.
 */
export function registerServeCommand(program: Command): Command {
  return program
    .command('serve')
    .description('serve the portal, API and transparency log (PORT, HOST, DATABASE_URL … from the environment)')
    .action(async () => {
      const config = readConfig(process.env);
      const { store, loaded } = await openRegistry(config.databaseUrl);
      if (loaded) console.error(`countersign: new database ${store.description}: loaded the bundled dataset (${countNoun(loaded.written, 'record')})`);
      const requiredOrigin = await requiredLogOrigin(store.db);
      if (requiredOrigin !== null && requiredOrigin !== config.logOrigin) {
        await store.close();
        throw new Error(`this database was restored as the start of the log origin "${requiredOrigin}": set COUNTERSIGN_LOG_ORIGIN=${requiredOrigin} (and a new key); serving it as "${config.logOrigin}" would roll back a witnessed log`);
      }
      const key = loadOrCreateLogKey(config.logKeyFile, config.logOrigin);
      if (key.created) console.error(`countersign: created the log signing key ${config.logKeyFile}; verifier key ${key.verifierKey}`);
      const ledger = await openLedger({ store, signer: key.signer, verifierKey: key.verifierKey, witnesses: parseWitnesses(config.witnesses) });
      const app = createCountersignApp({ store, ledger, settings: serverSettingsFromConfig(config) });
      const stopTicking = config.tickSeconds > 0 ? startTicking(store, config.tickSeconds * 1000) : () => {};
      if (config.host !== '127.0.0.1' && config.host !== 'localhost' && process.env['COUNTERSIGN_PUBLIC_URL'] === undefined) {
        console.error(`countersign: COUNTERSIGN_PUBLIC_URL is not set: links will say ${config.publicUrl.href} and browsers' writes from any other address are refused`);
      }
      const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
        console.error(`countersign: serving ${servingAddress(config.host, info.port)} on ${store.description}; log ${key.signer.name} at size ${ledger.sequencer.size}`);
      });
      const stop = (): void => {
        server.close();
        stopTicking();
        void ledger.close().then(() => store.close()).then(() => process.exit(0));
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
