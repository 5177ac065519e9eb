import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { SYSTEM } from '../../accounts/actor.js';
import { readConfig } from '../../app/config.js';
import { openRegistry } from '../../app/open-registry.js';
import { importDataset } from '../../registry/commands/import-dataset.js';
import { parseDataset } from '../../registry/dataset/parse-dataset.js';
import { readWatchlist } from '../../store/registry/queries/read-watchlist.js';

/** Adds `countersign registry import FILE` and `countersign registry watchlist`. */
export function registerRegistryCommands(program: Command): Command {
  const registry = program.command('registry').description('the registry of vendors, products, designations, incidents and contracts');
  registry
    .command('import')
    .description('merge a dataset file (the bundled format) into the registry; importing the same file twice changes nothing; an invalid file is rejected whole')
    .argument('<file>', 'a countersign-dataset/1 JSON file')
    .action(async (file: string) => {
      const dataset = parseDataset(readFileSync(file, 'utf8'), file);
      const { store } = await openRegistry(readConfig(process.env).databaseUrl);
      try {
        const summary = await store.transaction((tx) => importDataset({ ctx: { actor: SYSTEM, now: new Date() }, dataset }, tx));
        const detail = Object.entries(summary.byType).map(([type, n]) => `${n} ${type}`).join(', ');
        console.log(`${file}: ${summary.written} records written${detail ? ` (${detail})` : ''}, ${summary.unchanged} unchanged`);
      } finally {
        await store.close();
      }
    });
  registry
    .command('watchlist')
    .description('print the screening watchlist compiled from the registry (JSON; usable with screen --watchlist)')
    .action(async () => {
      const { store } = await openRegistry(readConfig(process.env).databaseUrl);
      try {
        console.log(JSON.stringify(await readWatchlist(store.db), null, 2));
      } finally {
        await store.close();
      }
    });
  return registry;
}
